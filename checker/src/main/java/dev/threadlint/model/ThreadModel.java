package dev.threadlint.model;

import dev.threadlint.model.ThreadContext.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base: what blocks, which callbacks run where, how reactive chains move work.
 *
 * <p>Built only from model files (see {@code model/README.md} in the resources for the format) by
 * {@link ThreadModelParser}; checks and the analysis read it, nothing writes it afterwards.
 */
public final class ThreadModel {

  /** A framework: the name used in messages, the thread it runs callbacks on, how to move off. */
  public record Framework(String name, String thread, String advice) {}

  /** A blocking API ({@code blocking}) or an exception to one ({@code not-blocking}). */
  public record BlockingRule(MemberPattern member, boolean blocking, String what) {}

  /**
   * Lambdas, method references and anonymous classes passed to {@code member} run in {@code
   * kind}.
   *
   * @param argument which argument: a 0-based index, -1 for the last, {@code null} for any
   * @param paramType only arguments whose declared parameter type erases to this type, or null
   * @param renameTo a sibling method that runs the same callback where blocking is allowed
   */
  public record CallbackRule(
      MemberPattern member,
      Kind kind,
      String framework,
      @Nullable Integer argument,
      @Nullable String paramType,
      @Nullable String renameTo) {}

  /** Methods that override {@code member} (and lambdas implementing it) run in {@code kind}. */
  public record OverrideRule(MemberPattern member, Kind kind, String framework) {}

  /** Where annotations (on the method, its class, or both) put the code. */
  public enum AnnotationTarget {
    METHOD,
    CLASS,
    ANY
  }

  /**
   * Methods carrying {@code annotation} run in {@code kind}; optionally only when their class
   * carries one of {@code classAnnotations} and they return a subtype of {@code returns}.
   */
  public record AnnotationRule(
      String annotation,
      AnnotationTarget target,
      Kind kind,
      String framework,
      Set<String> classAnnotations,
      @Nullable String returns) {}

  /**
   * A reactive type whose operator lambdas run on the signalling thread.
   *
   * @param offload the text to insert before an operator to move it to a blocking-friendly
   *     scheduler, e.g. {@code .publishOn(Schedulers.boundedElastic())}
   * @param offloadImport the type {@code offload} needs imported
   */
  public record ReactiveType(
      String type, String framework, @Nullable String offload, @Nullable String offloadImport) {}

  /** The role a reactive method plays in a chain. */
  public enum ChainRole {
    /** A factory whose lambda runs at subscription ({@code Mono.fromCallable}). */
    SOURCE,
    /** Moves the operators after it to the given scheduler ({@code publishOn}, {@code observeOn}). */
    PUBLISH_ON,
    /** Moves the subscription, so the source and the operators before a publishOn. */
    SUBSCRIBE_ON,
    /**
     * A timed source or operator ({@code interval}, {@code delayElements}) that emits on a
     * scheduler of its own, the one in its arguments or else its default: a publishOn that a
     * subscribeOn cannot undo.
     */
    EMITS_ON
  }

  /**
   * @param defaultKind for {@link ChainRole#EMITS_ON}: the kind of its default scheduler
   */
  public record ChainRule(MemberPattern member, ChainRole role, @Nullable Kind defaultKind) {}

  /** A scheduler factory and the kind of thread its workers are. */
  public record SchedulerRule(MemberPattern member, Kind kind) {}

  /**
   * Overrides of {@code member} (and lambdas implementing it) run once an object's work has
   * finished, so waiting on that object returns at once: the object itself ({@code
   * SwingWorker#done}, {@code parameter} -1) or the parameter at that index ({@code
   * GenericFutureListener#operationComplete(future)}, 0).
   */
  public record DoneCallbackRule(MemberPattern member, int parameter) {}

  /** How an async type delivers its result: one value later, or a stream of signals. */
  public enum AsyncKind {
    FUTURE,
    PUBLISHER
  }

  /**
   * A future or publisher type ({@code async-type}).
   *
   * @param many whether it delivers many values ({@code Flux}), so that a type argument that is
   *     itself async can be deliberate ({@code Flux<Flux<T>>} from {@code window})
   */
  public record AsyncType(String type, AsyncKind kind, String framework, boolean many) {}

  /** What a call does to or with a future or publisher, for the async family. */
  public enum AsyncRole {
    /** A factory of an already-completed future or publisher ({@code completedFuture}, {@code Mono.just}). */
    COMPLETED_VALUE,
    /** Waits for the result of its receiver, or of its first argument when static ({@code join}). */
    AWAITS,
    /** Tells whether its receiver has completed ({@code isDone}). */
    COMPLETION_CHECK,
    /** Completes only after every future among its arguments has ({@code allOf}). */
    ALL_OF,
    /** Runs synchronous code (or yields a value) once its receiver completes ({@code thenApply}). */
    SYNC_CONTINUATION,
    /** A call made only for its side effect: logging, auditing, metrics ({@code side-effect}). */
    SIDE_EFFECT,
    /** An exception to a {@code side-effect} rule ({@code login} is not logging). */
    NOT_SIDE_EFFECT
  }

  public record AsyncRule(MemberPattern member, AsyncRole role) {}

  /** A mapping operator and the one that flattens instead ({@code thenApply} → {@code thenCompose}). */
  public record ComposeRule(MemberPattern member, String with) {}

  final Map<String, Framework> frameworks = new LinkedHashMap<>();
  final List<BlockingRule> blockingRules = new ArrayList<>();
  final List<String> blockingAnnotations = new ArrayList<>();
  final List<String> nonBlockingAnnotations = new ArrayList<>();
  final List<CallbackRule> callbackRules = new ArrayList<>();
  final List<OverrideRule> overrideRules = new ArrayList<>();
  final List<AnnotationRule> annotationRules = new ArrayList<>();
  final List<ReactiveType> reactiveTypes = new ArrayList<>();
  final List<ChainRule> chainRules = new ArrayList<>();
  final List<SchedulerRule> schedulerRules = new ArrayList<>();
  final List<DoneCallbackRule> doneCallbackRules = new ArrayList<>();
  final List<AsyncType> asyncTypes = new ArrayList<>();
  final List<AsyncRule> asyncRules = new ArrayList<>();
  final List<ComposeRule> composeRules = new ArrayList<>();
  final List<String> asyncAnnotations = new ArrayList<>();
  final List<String> sources = new ArrayList<>();

  ThreadModel() {}

  public List<BlockingRule> blockingRules() {
    return blockingRules;
  }

  public List<String> blockingAnnotations() {
    return blockingAnnotations;
  }

  public List<String> nonBlockingAnnotations() {
    return nonBlockingAnnotations;
  }

  public List<CallbackRule> callbackRules() {
    return callbackRules;
  }

  public List<OverrideRule> overrideRules() {
    return overrideRules;
  }

  public List<AnnotationRule> annotationRules() {
    return annotationRules;
  }

  public List<ReactiveType> reactiveTypes() {
    return reactiveTypes;
  }

  public List<ChainRule> chainRules() {
    return chainRules;
  }

  public List<SchedulerRule> schedulerRules() {
    return schedulerRules;
  }

  public List<DoneCallbackRule> doneCallbackRules() {
    return doneCallbackRules;
  }

  public List<AsyncType> asyncTypes() {
    return asyncTypes;
  }

  public List<AsyncRule> asyncRules() {
    return asyncRules;
  }

  public List<ComposeRule> composeRules() {
    return composeRules;
  }

  /** Annotations whose methods a proxy runs asynchronously (Spring's {@code @Async}). */
  public List<String> asyncAnnotations() {
    return asyncAnnotations;
  }

  /** The model files this model was read from, in order. */
  public List<String> sources() {
    return sources;
  }

  /** The framework of that name; an unnamed one if no file declared it. */
  public Framework framework(String name) {
    Framework f = frameworks.get(name);
    return f != null ? f : new Framework(name, "a " + name + " thread", "");
  }

  /** The number of rules of every kind, for diagnostics and tests. */
  public int size() {
    return blockingRules.size()
        + callbackRules.size()
        + overrideRules.size()
        + annotationRules.size()
        + reactiveTypes.size()
        + chainRules.size()
        + schedulerRules.size()
        + doneCallbackRules.size()
        + blockingAnnotations.size()
        + nonBlockingAnnotations.size()
        + asyncTypes.size()
        + asyncRules.size()
        + composeRules.size()
        + asyncAnnotations.size();
  }

  static Map<String, Kind> kindNames() {
    Map<String, Kind> names = new HashMap<>();
    names.put("event-loop", Kind.EVENT_LOOP);
    names.put("ui-thread", Kind.UI_THREAD);
    names.put("worker", Kind.WORKER);
    names.put("common-pool", Kind.COMMON_POOL);
    names.put("caller", Kind.CALLER);
    names.put("unknown", Kind.UNKNOWN);
    return names;
  }
}
