package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.CallbackRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Picks the {@code callback} rule that decides where an argument passed to a method runs. */
final class CallbackRules {
  private final ThreadModel model;
  private final ApiMatcher matcher;

  CallbackRules(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
  }

  /**
   * The callback rule for that argument: among the rules that match, the ones on the most
   * specific types; among those, an escape hatch (worker, unknown) wins over a non-blocking
   * context, because when rules disagree we would rather stay silent.
   */
  @Nullable CallbackRule select(
      MethodSymbol method, @Nullable Type receiver, int index, int count, VisitorState state) {
    List<CallbackRule> matching = new ArrayList<>();
    for (CallbackRule rule : model.callbackRules()) {
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
