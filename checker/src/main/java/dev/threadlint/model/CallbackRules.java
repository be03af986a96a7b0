package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.CallbackRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Picks the {@code callback} rule that decides where an argument passed to a method runs. One
 * instance per compilation: it is asked for every lambda, method reference and anonymous class
 * passed to a call, so it remembers the rules that can match a method name and its choice per
 * callee, receiver type and argument position.
 */
final class CallbackRules {
  /** The cache key of a choice; not a record, for the reason {@link CallKey} gives. */
  private static final class Selection {
    private final MethodSymbol method;
    private final @Nullable Symbol receiver;
    private final int index;
    private final int count;

    Selection(MethodSymbol method, @Nullable Symbol receiver, int index, int count) {
      this.method = method;
      this.receiver = receiver;
      this.index = index;
      this.count = count;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Selection s
          && s.method == method
          && s.receiver == receiver
          && s.index == index
          && s.count == count;
    }

    @Override
    public int hashCode() {
      return ((System.identityHashCode(method) * 31 + System.identityHashCode(receiver)) * 31 + index)
              * 31
          + count;
    }
  }

  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final RulesByName<CallbackRule> rulesByName;
  private final Map<Selection, Optional<CallbackRule>> selections = new HashMap<>();

  CallbackRules(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
    this.rulesByName = new RulesByName<>(model.callbackRules(), CallbackRule::member);
  }

  /**
   * The callback rule for that argument: among the rules that match, the ones on the most
   * specific types; among those, an escape hatch (worker, unknown) wins over a non-blocking
   * context, because when rules disagree we would rather stay silent.
   */
  @Nullable CallbackRule select(
      MethodSymbol method, @Nullable Type receiver, int index, int count, VisitorState state) {
    List<CallbackRule> candidates = rulesByName.candidates(method.getSimpleName());
    if (candidates.isEmpty()) {
      return null;
    }
    // Computed out of line on a call's first question (see CallKey).
    return selections
        .computeIfAbsent(
            new Selection(method, receiver == null ? null : receiver.tsym, index, count),
            k -> Optional.ofNullable(compute(candidates, method, receiver, index, count, state)))
        .orElse(null);
  }

  private @Nullable CallbackRule compute(
      List<CallbackRule> candidates,
      MethodSymbol method,
      @Nullable Type receiver,
      int index,
      int count,
      VisitorState state) {
    List<CallbackRule> matching = new ArrayList<>();
    for (CallbackRule rule : candidates) {
      Integer wanted = rule.argument();
      if (wanted != null && wanted != index && !(wanted == -1 && index == count - 1)) {
        continue;
      }
      if (rule.paramType() != null && !paramErasesTo(method, index, rule.paramType(), state)) {
        continue;
      }
      if (matcher.matchesCall(rule.member(), method, receiver, state)) {
        matching.add(rule);
      }
    }
    if (matching.isEmpty()) {
      return null;
    }
    List<CallbackRule> specific = new ArrayList<>();
    for (CallbackRule rule : matching) {
      if (!lessSpecificThanAny(rule, matching, state)) {
        specific.add(rule);
      }
    }
    for (CallbackRule rule : specific) {
      if (!rule.kind().forbidsBlocking() && rule.kind() != Kind.CALLER) {
        return rule;
      }
    }
    return specific.get(0);
  }

  private boolean lessSpecificThanAny(
      CallbackRule rule, List<CallbackRule> others, VisitorState state) {
    for (CallbackRule other : others) {
      if (other == rule || other.member().type().equals(rule.member().type())) {
        continue;
      }
      if (!rule.member().isExactType() && other.member().isExactType()) {
        return true;
      }
      if (rule.member().isExactType()
          && other.member().isExactType()
          && matcher.isSubtype(
              matcher.resolve(other.member().type(), state), rule.member().type(), state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean paramErasesTo(
      MethodSymbol method, int index, String type, VisitorState state) {
    List<Symbol.VarSymbol> params = method.getParameters();
    if (params.isEmpty()) {
      return false;
    }
    Symbol.VarSymbol param = params.get(Math.min(index, params.size() - 1));
    return state.getTypes().erasure(param.type).toString().equals(type);
  }
}
