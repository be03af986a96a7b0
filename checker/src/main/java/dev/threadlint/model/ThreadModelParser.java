package dev.threadlint.model;

import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.AnnotationRule;
import dev.threadlint.model.ThreadModel.AsyncKind;
import dev.threadlint.model.ThreadModel.AsyncRole;
import dev.threadlint.model.ThreadModel.AsyncRule;
import dev.threadlint.model.ThreadModel.AsyncType;
import dev.threadlint.model.ThreadModel.ComposeRule;
import dev.threadlint.model.ThreadModel.AnnotationTarget;
import dev.threadlint.model.ThreadModel.BlockingRule;
import dev.threadlint.model.ThreadModel.CallbackRule;
import dev.threadlint.model.ThreadModel.ChainRole;
import dev.threadlint.model.ThreadModel.ChainRule;
import dev.threadlint.model.ThreadModel.DoneCallbackRule;
import dev.threadlint.model.ThreadModel.EagerFactoryRule;
import dev.threadlint.model.ThreadModel.Framework;
import dev.threadlint.model.ThreadModel.LockAction;
import dev.threadlint.model.ThreadModel.LockMode;
import dev.threadlint.model.ThreadModel.LockRule;
import dev.threadlint.model.ThreadModel.OverrideRule;
import dev.threadlint.model.ThreadModel.ProxiedAsyncRule;
import dev.threadlint.model.ThreadModel.ReactiveType;
import dev.threadlint.model.ThreadModel.SchedulerRule;
import dev.threadlint.model.ThreadModel.UnsafeType;
import dev.threadlint.model.ThreadModel.StreamModeRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one parser of model files. The format is documented in {@code
 * dev/threadlint/model/README.md}; every error names the file and the line.
 */
public final class ThreadModelParser {
  private static final Map<String, Kind> KINDS = ThreadModel.kindNames();

  private final ThreadModel model = new ThreadModel();

  /** Adds the rules of one model file. {@code source} names it in error messages. */
  public ThreadModelParser parse(String source, Reader reader) {
    model.sources.add(source);
    try (BufferedReader lines = new BufferedReader(reader)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        try {
          parseLine(tokenize(trimmed));
        } catch (IllegalArgumentException e) {
          throw new ModelFormatException(source, number, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new ModelFormatException(source, 0, "cannot be read: " + e.getMessage());
    }
    return this;
  }

  public ThreadModel build() {
    return model;
  }

  /**
   * One directive. Each directive's rule is built in a method of its own, so that this dispatch
   * stays small: the parser runs at the start of every compilation, on a few hundred lines, which
   * is enough for the JIT to compile it; as one method holding every directive's code it took
   * 30–50 ms of C1 time per compilation, where the rules of directives used a few times are not
   * worth compiling at all.
   */
  private void parseLine(Line line) {
    switch (line.directive) {
      case "framework" -> framework(line);
      case "thread-safe" -> threadSafe(line);
      case "thread-safe-factory" -> model.threadSafeFactories.add(line.member());
      case "not-thread-safe" -> notThreadSafe(line);
      case "mutates" -> model.mutators.add(line.member());
      case "thread-safe-annotation" -> model.threadSafeAnnotations.add(line.typeName());
      case "serial-executor" -> model.serialExecutors.add(line.member());
      case "serial-executor-type" -> model.serialExecutorTypes.add(line.typeName());
      case "serial-queue-type" -> model.serialQueueTypes.add(line.typeName());
      case "blocking" -> blocking(line, true);
      case "not-blocking" -> blocking(line, false);
      case "blocking-annotation" -> model.blockingAnnotations.add(line.typeName());
      case "non-blocking-annotation" -> model.nonBlockingAnnotations.add(line.typeName());
      case "callback" -> callback(line);
      case "override" -> override(line);
      case "annotated" -> annotated(line);
      case "reactive" -> reactive(line);
      case "reactive-source" -> chainRule(line, ChainRole.SOURCE);
      case "publish-on" -> chainRule(line, ChainRole.PUBLISH_ON);
      case "subscribe-on" -> chainRule(line, ChainRole.SUBSCRIBE_ON);
      case "emits-on" -> chainRule(line, ChainRole.EMITS_ON);
      case "scheduler" -> scheduler(line);
      case "done-callback" -> doneCallback(line);
      case "acquires" -> lockRule(line, LockAction.ACQUIRE);
      case "releases" -> lockRule(line, LockAction.RELEASE);
      case "lock-wait" -> model.lockWaits.add(line.member());
      case "initializer" -> model.initializers.add(line.member());
      case "debug-view" -> model.debugViews.add(line.member());
      case "pool-return" -> model.poolReturns.add(line.member());
      case "lock-view" -> lockRule(line, LockAction.VIEW);
      case "stream" -> model.streamTypes.add(line.typeName());
      case "stream-mode" -> streamMode(line);
      case "proxied-async" -> proxiedAsync(line);
      case "hot-source" -> model.hotSourceTypes.add(line.typeName());
      case "subscribes" -> model.subscribingCalls.add(line.member());
      case "eager-factory" -> eagerFactory(line);
      case "async-type" -> asyncType(line);
      case "completed-value" -> asyncRule(line, AsyncRole.COMPLETED_VALUE);
      case "awaits" -> asyncRule(line, AsyncRole.AWAITS);
      case "completion-check" -> asyncRule(line, AsyncRole.COMPLETION_CHECK);
      case "all-of" -> asyncRule(line, AsyncRole.ALL_OF);
      case "sync-continuation" -> asyncRule(line, AsyncRole.SYNC_CONTINUATION);
      case "side-effect" -> asyncRule(line, AsyncRole.SIDE_EFFECT);
      case "not-side-effect" -> asyncRule(line, AsyncRole.NOT_SIDE_EFFECT);
      case "compose" -> compose(line);
      default -> throw new IllegalArgumentException("unknown directive '" + line.directive + "'");
    }
    line.checkAllUsed();
  }

  private void framework(Line line) {
    String name = line.argument;
    model.frameworks.put(name, new Framework(name, line.required("thread"), line.optional("advice", "")));
  }

  private void threadSafe(Line line) {
    String type = line.typeName();
    model.threadSafeTypes.add(type);
    String legacy = line.optional("legacy", "false");
    if (!legacy.equals("true") && !legacy.equals("false")) {
      throw new IllegalArgumentException("legacy= must be true or false, not '" + legacy + "'");
    }
    if (legacy.equals("true")) {
      model.legacyThreadSafeTypes.add(type);
    }
  }

  private void notThreadSafe(Line line) {
    model.unsafeTypes.add(new UnsafeType(line.typeName(), line.optional("what", "is not thread-safe")));
  }

  private void blocking(Line line, boolean blocking) {
    MemberPattern member = line.member();
    String what = blocking ? line.optional("what", "blocks the thread") : "";
    model.blockingRules.add(new BlockingRule(member, blocking, what));
  }

  private void callback(Line line) {
    model.callbackRules.add(
        new CallbackRule(
            line.member(),
            line.kind(),
            line.optional("framework", ""),
            line.argumentIndex(),
            line.optional("param", null),
            line.optional("rename", null)));
  }

  private void override(Line line) {
    model.overrideRules.add(new OverrideRule(line.member(), line.kind(), line.optional("framework", "")));
  }

  private void annotated(Line line) {
    AnnotationTarget target = line.annotationTarget(true);
    model.annotationRules.add(
        new AnnotationRule(
            line.typeName(),
            target,
            line.kind(),
            line.optional("framework", ""),
            line.list("class-annotated"),
            line.optional("returns", null)));
  }

  private void reactive(Line line) {
    model.reactiveTypes.add(
        new ReactiveType(
            line.typeName(),
            line.required("framework"),
            line.optional("offload", null),
            line.optional("offload-import", null)));
  }

  private void chainRule(Line line, ChainRole role) {
    MemberPattern member = line.member();
    // Only `emits-on` names a context: the others move the chain to a scheduler's thread.
    Kind kind = role == ChainRole.EMITS_ON ? line.kind() : null;
    model.chainRules.add(new ChainRule(member, role, kind));
  }

  private void scheduler(Line line) {
    model.schedulerRules.add(new SchedulerRule(line.member(), line.kind()));
  }

  private void doneCallback(Line line) {
    String completed = line.optional("completed", "this");
    int parameter;
    if (completed.equals("this")) {
      parameter = -1;
    } else if (completed.startsWith("param")
        && completed.length() <= 8 // param0 to param999: an int, so the message below, not parseInt's
        && MemberPattern.isNumber(completed.substring(5))) {
      parameter = Integer.parseInt(completed.substring(5));
    } else {
      throw new IllegalArgumentException(
          "completed= must be 'this' or param<N>, not '" + completed + "'");
    }
    model.doneCallbackRules.add(new DoneCallbackRule(line.member(), parameter));
  }

  /** {@code acquires}, {@code releases} and {@code lock-view}; only the first takes when=. */
  private void lockRule(Line line, LockAction action) {
    if (action == LockAction.VIEW) {
      LockMode mode = line.lockMode();
      if (mode == null) {
        throw new IllegalArgumentException("'lock-view' needs mode=read or mode=write");
      }
      model.lockRules.add(new LockRule(line.member(), action, mode, false));
      return;
    }
    MemberPattern member = line.member();
    LockMode mode = line.lockMode();
    boolean whenTrue = action == LockAction.ACQUIRE && line.whenTrue();
    model.lockRules.add(new LockRule(member, action, mode, whenTrue));
  }

  private void streamMode(Line line) {
    String parallel = line.optional("parallel", null);
    Integer argument = line.argumentIndex();
    if ((parallel == null) == (argument == null)) {
      throw new IllegalArgumentException("'stream-mode' needs either parallel=... or arg=...");
    }
    if (parallel != null && !parallel.equals("true") && !parallel.equals("false")) {
      throw new IllegalArgumentException("parallel= must be true or false, not '" + parallel + "'");
    }
    model.streamModeRules.add(
        new StreamModeRule(line.member(), parallel == null ? null : Boolean.valueOf(parallel), argument));
  }

  private void proxiedAsync(Line line) {
    AnnotationTarget target = line.annotationTarget(false);
    model.proxiedAsyncRules.add(new ProxiedAsyncRule(line.typeName(), target, line.required("framework")));
  }

  private void eagerFactory(Line line) {
    String lazy = line.optional("lazy", null);
    String offload = line.optional("offload", null);
    if ((lazy == null) != (offload == null)) {
      throw new IllegalArgumentException("'eager-factory' needs lazy= and offload= together");
    }
    model.eagerFactoryRules.add(
        new EagerFactoryRule(line.member(), lazy, offload, line.optional("offload-import", null)));
  }

  private void asyncType(Line line) {
    String kind = line.required("kind");
    AsyncKind asyncKind =
        switch (kind) {
          case "future" -> AsyncKind.FUTURE;
          case "publisher" -> AsyncKind.PUBLISHER;
          default -> throw new IllegalArgumentException(
              "kind= must be future or publisher, not '" + kind + "'");
        };
    String values = line.optional("values", "one");
    if (!values.equals("one") && !values.equals("many")) {
      throw new IllegalArgumentException("values= must be one or many, not '" + values + "'");
    }
    String flattens = line.optional("flattens", "yes");
    if (!flattens.equals("yes") && !flattens.equals("no")) {
      throw new IllegalArgumentException("flattens= must be yes or no, not '" + flattens + "'");
    }
    model.asyncTypes.add(
        new AsyncType(
            line.typeName(),
            asyncKind,
            line.required("framework"),
            values.equals("many"),
            flattens.equals("yes")));
  }

  private void compose(Line line) {
    line.required("with");
    List<String> with = List.copyOf(line.list("with"));
    for (String name : with) {
      if (!MemberPattern.namesOnly(name, "")) {
        throw new IllegalArgumentException("with= must be method names, not '" + name + "'");
      }
    }
    model.composeRules.add(new ComposeRule(line.member(), with));
  }

  private void asyncRule(Line line, AsyncRole role) {
    model.asyncRules.add(new AsyncRule(line.member(), role));
  }

  /** One parsed line: a directive, its argument and key=value attributes. */
  private static final class Line {
    final String directive;
    final String argument;
    final Map<String, String> attributes;
    final Set<String> used = new LinkedHashSet<>();

    Line(String directive, String argument, Map<String, String> attributes) {
      this.directive = directive;
      this.argument = argument;
      this.attributes = attributes;
    }

    MemberPattern member() {
      return MemberPattern.parse(argument);
    }

    String typeName() {
      if (!MemberPattern.namesOnly(argument, ".")) {
        throw new IllegalArgumentException("expected a qualified type name, got '" + argument + "'");
      }
      return argument;
    }

    String required(String key) {
      String value = optional(key, null);
      if (value == null) {
        throw new IllegalArgumentException("'" + directive + "' needs " + key + "=...");
      }
      return value;
    }

    @Nullable String optional(String key, @Nullable String fallback) {
      used.add(key);
      return attributes.getOrDefault(key, fallback);
    }

    Set<String> list(String key) {
      String value = optional(key, null);
      Set<String> items = new LinkedHashSet<>();
      if (value != null) {
        for (String item : value.split(",")) {
          items.add(item.strip());
        }
      }
      return items;
    }

    Kind kind() {
      String name = required("context");
      Kind kind = KINDS.get(name);
      if (kind == null) {
        throw new IllegalArgumentException(
            "context=" + name + " is not one of " + String.join(", ", KINDS.keySet()));
      }
      return kind;
    }

    @Nullable LockMode lockMode() {
      String mode = optional("mode", null);
      if (mode == null) {
        return null;
      }
      return switch (mode) {
        case "read" -> LockMode.READ;
        case "write" -> LockMode.WRITE;
        default -> throw new IllegalArgumentException(
            "mode= must be read or write, not '" + mode + "'");
      };
    }

    /** on=method (the default), on=any, and on=class where {@code classAllowed}. */
    AnnotationTarget annotationTarget(boolean classAllowed) {
      String on = optional("on", "method");
      return switch (on) {
        case "method" -> AnnotationTarget.METHOD;
        case "any" -> AnnotationTarget.ANY;
        case "class" -> {
          if (classAllowed) {
            yield AnnotationTarget.CLASS;
          }
          throw new IllegalArgumentException("on= must be method or any, not '" + on + "'");
        }
        default -> throw new IllegalArgumentException(
            "on= must be " + (classAllowed ? "method, class or any" : "method or any")
                + ", not '" + on + "'");
      };
    }

    boolean whenTrue() {
      String when = optional("when", null);
      if (when == null) {
        return false;
      }
      if (!when.equals("true")) {
        throw new IllegalArgumentException("when= can only be 'true', not '" + when + "'");
      }
      return true;
    }

    @Nullable Integer argumentIndex() {
      String arg = optional("arg", null);
      if (arg == null) {
        return null;
      }
      if (arg.equals("last")) {
        return -1;
      }
      int index = -1; // a negative index would never match (or silently mean 'last')
      try {
        index = Integer.parseInt(arg);
      } catch (NumberFormatException e) {
        // reported below
      }
      if (index < 0) {
        throw new IllegalArgumentException("arg= must be a number or 'last', not '" + arg + "'");
      }
      return index;
    }

    void checkAllUsed() {
      for (String key : attributes.keySet()) {
        if (!used.contains(key)) {
          throw new IllegalArgumentException(
              "'" + directive + "' does not take " + key + "=");
        }
      }
    }
  }

  private static Line tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          tokens.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unclosed quote");
    }
    if (any) {
      tokens.add(current.toString());
    }
    if (tokens.size() < 2) {
      throw new IllegalArgumentException("expected '<directive> <argument> [key=value ...]'");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String token : tokens.subList(2, tokens.size())) {
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got '" + token + "'");
      }
      String key = token.substring(0, eq);
      if (attributes.put(key, token.substring(eq + 1)) != null) {
        throw new IllegalArgumentException(key + "= given twice");
      }
    }
    return new Line(tokens.get(0), tokens.get(1), attributes);
  }
}
