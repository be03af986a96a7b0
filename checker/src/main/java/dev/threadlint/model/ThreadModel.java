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

  /**
   * A type whose instances must not be used from two threads at once ({@code not-thread-safe}):
   * {@code what} says what goes wrong, e.g. "its internal Calendar is shared by every call".
   */
  public record UnsafeType(String type, String what) {}

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

  /** What a lock rule's call does to the lock it is called on. */
  public enum LockAction {
    /** Takes the lock ({@code Lock#lock}); with {@code whenTrue}, only when it returns true. */
    ACQUIRE,
    /** Releases it ({@code Lock#unlock}). */
    RELEASE,
    /** Returns a view of it that is a lock of its own mode ({@code ReadWriteLock#readLock}). */
    VIEW
  }

  /** The side of a read-write lock a rule concerns; null in a rule means the whole lock. */
  public enum LockMode {
    READ,
    WRITE
  }

  /**
   * A call that takes, releases or views the lock it is called on ({@code acquires}, {@code
   * releases}, {@code lock-view}).
   *
   * @param mode the side of a read-write lock, or null for a plain lock (for releases: any side)
   * @param whenTrue the call takes the lock only when it returns true ({@code tryLock})
   */
  public record LockRule(
      MemberPattern member, LockAction action, @Nullable LockMode mode, boolean whenTrue) {}

  /**
   * A call that decides whether a stream pipeline runs in parallel: {@code parallel} says so, or
   * (when null) the constant boolean argument at {@code argument} (-1: the last) does.
   */
  public record StreamModeRule(
      MemberPattern member, @Nullable Boolean parallel, @Nullable Integer argument) {}

  /**
   * A reactive factory that takes a value computed before the call ({@code Mono.just}): the work
   * of its arguments runs at assembly. {@code lazy} names the factory of the same type that takes
   * a function run at subscription instead ({@code fromCallable}), {@code offload} the text to
   * append to move that subscription to a blocking-friendly scheduler; both null when no
   * one-argument rewrite keeps the meaning.
   */
  public record EagerFactoryRule(
      MemberPattern member,
      @Nullable String lazy,
      @Nullable String offload,
      @Nullable String offloadImport) {}

  /**
   * An annotation that makes methods run asynchronously through a proxy around the object
   * (Spring's {@code @Async}): on the method, or with {@link AnnotationTarget#ANY} also on its
   * class (then every public method). Calls on {@code this} bypass the proxy.
   */
  public record ProxiedAsyncRule(String annotation, AnnotationTarget target, String framework) {}
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
   * @param flattens whether the type has a way to flatten a nested value ({@code thenCompose},
   *     {@code flatMap}, Guava's {@code submitAsync}); a task's {@code java.util.concurrent.Future}
   *     has none, and a future it holds is simply what the task returned
   */
  public record AsyncType(String type, AsyncKind kind, String framework, boolean many, boolean flattens) {}

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

  /**
   * A mapping operator and the ones that flatten instead ({@code thenApply} → {@code thenCompose};
   * {@code Mono#map} → {@code flatMap}, or {@code flatMapMany} for a stream), in the order tried.
   */
  public record ComposeRule(MemberPattern member, List<String> with) {}

  final Map<String, Framework> frameworks = new LinkedHashMap<>();
  final List<String> threadSafeTypes = new ArrayList<>();
  final List<String> legacyThreadSafeTypes = new ArrayList<>();
  final List<MemberPattern> threadSafeFactories = new ArrayList<>();
  final List<UnsafeType> unsafeTypes = new ArrayList<>();
  final List<MemberPattern> mutators = new ArrayList<>();
  final List<String> threadSafeAnnotations = new ArrayList<>();
  final List<MemberPattern> serialExecutors = new ArrayList<>();
  final List<String> serialExecutorTypes = new ArrayList<>();
  final List<String> serialQueueTypes = new ArrayList<>();
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
  final List<LockRule> lockRules = new ArrayList<>();
  final List<MemberPattern> lockWaits = new ArrayList<>();
  final List<MemberPattern> initializers = new ArrayList<>();
  final List<MemberPattern> debugViews = new ArrayList<>();
  final List<MemberPattern> poolReturns = new ArrayList<>();
  final List<String> streamTypes = new ArrayList<>();
  final List<StreamModeRule> streamModeRules = new ArrayList<>();
  final List<EagerFactoryRule> eagerFactoryRules = new ArrayList<>();
  final List<MemberPattern> subscribingCalls = new ArrayList<>();
  final List<ProxiedAsyncRule> proxiedAsyncRules = new ArrayList<>();
  final List<String> hotSourceTypes = new ArrayList<>();
  final List<AsyncType> asyncTypes = new ArrayList<>();
  final List<AsyncRule> asyncRules = new ArrayList<>();
  final List<ComposeRule> composeRules = new ArrayList<>();
  final List<String> sources = new ArrayList<>();

  ThreadModel() {}

  public List<BlockingRule> blockingRules() {
    return blockingRules;
  }

  /** Types whose instances may be shared between threads: atomics, concurrent collections. */
  public List<String> threadSafeTypes() {
    return threadSafeTypes;
  }

  /**
   * The {@code thread-safe} types marked {@code legacy=true} (Hashtable, Vector, StringBuffer):
   * synchronized by history, so holding one says nothing about sharing it.
   */
  public List<String> legacyThreadSafeTypes() {
    return legacyThreadSafeTypes;
  }

  /** Calls that return an object safe to share ({@code Collections.synchronizedMap}, {@code List.of}). */
  public List<MemberPattern> threadSafeFactories() {
    return threadSafeFactories;
  }

  /** Types whose instances must not be used from two threads at once. */
  public List<UnsafeType> unsafeTypes() {
    return unsafeTypes;
  }

  /** Calls that change the state of the object they are called on ({@code List#add}). */
  public List<MemberPattern> mutators() {
    return mutators;
  }

  /**
   * Annotations that declare a class safe to call from many threads at once: qualified names, or
   * simple names that match an annotation of that simple name in any package.
   */
  public List<String> threadSafeAnnotations() {
    return threadSafeAnnotations;
  }

  /** Factories of executors that run their tasks one at a time ({@code newSingleThreadExecutor}). */
  public List<MemberPattern> serialExecutors() {
    return serialExecutors;
  }

  /** Executor types whose instances run their tasks one at a time ({@code EventExecutor}). */
  public List<String> serialExecutorTypes() {
    return serialExecutorTypes;
  }

  /**
   * Types of queues that run the tasks handed over with the same instance one at a time, in order
   * ({@code serial-queue-type}: Vert.x's {@code TaskQueue} argument of {@code executeBlocking}).
   */
  public List<String> serialQueueTypes() {
    return serialQueueTypes;
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

  public List<LockRule> lockRules() {
    return lockRules;
  }

  /**
   * Blocking calls that wait for a lock, a signal or a notification ({@code lock-wait}): how
   * locking itself works, not work done while holding a lock.
   */
  public List<MemberPattern> lockWaits() {
    return lockWaits;
  }

  /**
   * Methods whose overrides run once before other threads use the object ({@code initializer}:
   * Reactive Streams' {@code onSubscribe}): their field accesses count as construction.
   */
  public List<MemberPattern> initializers() {
    return initializers;
  }

  /**
   * Calls that hand their argument back to an object pool ({@code pool-return}: Netty's {@code
   * Recycler.Handle#recycle}): a method that hands {@code this} back ends the object's use, and
   * what it does to the fields before (a reset) counts as construction for the next user.
   */
  public List<MemberPattern> poolReturns() {
    return poolReturns;
  }

  /**
   * Methods whose overrides only show state for debugging or monitoring ({@code debug-view}:
   * {@code toString}, Reactor's {@code scanUnsafe}): racy reads there are deliberate.
   */
  public List<MemberPattern> debugViews() {
    return debugViews;
  }

  /** The types whose calls chain into one stream pipeline ({@code java.util.stream.BaseStream}). */
  public List<String> streamTypes() {
    return streamTypes;
  }

  public List<StreamModeRule> streamModeRules() {
    return streamModeRules;
  }

  public List<EagerFactoryRule> eagerFactoryRules() {
    return eagerFactoryRules;
  }

  /**
   * Calls that subscribe to their receiver and return a publisher anyway ({@code
   * subscribeWith(processor)} returns the processor): dropping their result loses nothing.
   */
  public List<MemberPattern> subscribingCalls() {
    return subscribingCalls;
  }

  /**
   * Publisher types that are hot, fed by their owner whether or not anyone subscribes
   * (processors, subjects): dropping one reference to them loses no work.
   */
  public List<String> hotSourceTypes() {
    return hotSourceTypes;
  }

  public List<ProxiedAsyncRule> proxiedAsyncRules() {
    return proxiedAsyncRules;
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
        + threadSafeTypes.size()
        + threadSafeFactories.size()
        + unsafeTypes.size()
        + mutators.size()
        + threadSafeAnnotations.size()
        + serialExecutors.size()
        + serialExecutorTypes.size()
        + serialQueueTypes.size()
        + callbackRules.size()
        + overrideRules.size()
        + annotationRules.size()
        + reactiveTypes.size()
        + chainRules.size()
        + schedulerRules.size()
        + doneCallbackRules.size()
        + lockRules.size()
        + lockWaits.size()
        + initializers.size()
        + debugViews.size()
        + poolReturns.size()
        + streamTypes.size()
        + streamModeRules.size()
        + eagerFactoryRules.size()
        + subscribingCalls.size()
        + proxiedAsyncRules.size()
        + hotSourceTypes.size()
        + blockingAnnotations.size()
        + nonBlockingAnnotations.size()
        + asyncTypes.size()
        + asyncRules.size()
        + composeRules.size();
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
