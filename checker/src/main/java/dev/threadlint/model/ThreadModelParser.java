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
import dev.threadlint.model.ThreadModel.Framework;
import dev.threadlint.model.ThreadModel.OverrideRule;
import dev.threadlint.model.ThreadModel.ReactiveType;
import dev.threadlint.model.ThreadModel.SchedulerRule;
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

  private void parseLine(Line line) {
    switch (line.directive) {
      case "framework" -> {
        String name = line.argument;
        model.frameworks.put(
            name, new Framework(name, line.required("thread"), line.optional("advice", "")));
      }
      case "blocking" ->
          model.blockingRules.add(
              new BlockingRule(line.member(), true, line.optional("what", "blocks the thread")));
      case "not-blocking" -> model.blockingRules.add(new BlockingRule(line.member(), false, ""));
      case "blocking-annotation" -> model.blockingAnnotations.add(line.typeName());
      case "non-blocking-annotation" -> model.nonBlockingAnnotations.add(line.typeName());
      case "callback" ->
          model.callbackRules.add(
              new CallbackRule(
                  line.member(),
                  line.kind(),
                  line.optional("framework", ""),
                  line.argumentIndex(),
                  line.optional("param", null),
                  line.optional("rename", null)));
      case "override" ->
          model.overrideRules.add(
              new OverrideRule(line.member(), line.kind(), line.optional("framework", "")));
      case "annotated" -> {
        String on = line.optional("on", "method");
        AnnotationTarget target =
            switch (on) {
              case "method" -> AnnotationTarget.METHOD;
              case "class" -> AnnotationTarget.CLASS;
              case "any" -> AnnotationTarget.ANY;
              default -> throw new IllegalArgumentException(
                  "on= must be method, class or any, not '" + on + "'");
            };
        model.annotationRules.add(
            new AnnotationRule(
                line.typeName(),
                target,
                line.kind(),
                line.optional("framework", ""),
                line.list("class-annotated"),
                line.optional("returns", null)));
      }
      case "reactive" ->
          model.reactiveTypes.add(
              new ReactiveType(
                  line.typeName(),
                  line.required("framework"),
                  line.optional("offload", null),
                  line.optional("offload-import", null)));
      case "reactive-source" ->
          model.chainRules.add(new ChainRule(line.member(), ChainRole.SOURCE, null));
      case "publish-on" ->
          model.chainRules.add(new ChainRule(line.member(), ChainRole.PUBLISH_ON, null));
      case "subscribe-on" ->
          model.chainRules.add(new ChainRule(line.member(), ChainRole.SUBSCRIBE_ON, null));
      case "emits-on" ->
          model.chainRules.add(new ChainRule(line.member(), ChainRole.EMITS_ON, line.kind()));
      case "scheduler" ->
          model.schedulerRules.add(new SchedulerRule(line.member(), line.kind()));
      case "done-callback" -> {
        String completed = line.optional("completed", "this");
        int parameter;
        if (completed.equals("this")) {
          parameter = -1;
        } else if (completed.matches("param[0-9]+")) {
          parameter = Integer.parseInt(completed.substring(5));
        } else {
          throw new IllegalArgumentException(
              "completed= must be 'this' or param<N>, not '" + completed + "'");
        }
        model.doneCallbackRules.add(new DoneCallbackRule(line.member(), parameter));
      }
      case "async-type" -> {
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
        model.asyncTypes.add(
            new AsyncType(
                line.typeName(), asyncKind, line.required("framework"), values.equals("many")));
      }
      case "completed-value" -> asyncRule(line, AsyncRole.COMPLETED_VALUE);
      case "awaits" -> asyncRule(line, AsyncRole.AWAITS);
      case "completion-check" -> asyncRule(line, AsyncRole.COMPLETION_CHECK);
      case "all-of" -> asyncRule(line, AsyncRole.ALL_OF);
      case "sync-continuation" -> asyncRule(line, AsyncRole.SYNC_CONTINUATION);
      case "side-effect" -> asyncRule(line, AsyncRole.SIDE_EFFECT);
      case "not-side-effect" -> asyncRule(line, AsyncRole.NOT_SIDE_EFFECT);
      case "compose" -> {
        String with = line.required("with");
        if (!with.matches("[\\w$]+")) {
          throw new IllegalArgumentException("with= must be a method name, not '" + with + "'");
        }
        model.composeRules.add(new ComposeRule(line.member(), with));
      }
      case "async-annotation" -> model.asyncAnnotations.add(line.typeName());
      default -> throw new IllegalArgumentException("unknown directive '" + line.directive + "'");
    }
    line.checkAllUsed();
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
      if (!argument.matches("[\\w.$]+")) {
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
