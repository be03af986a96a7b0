package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadModel.LockAction;
import dev.threadlint.model.ThreadModel.LockRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which calls take, release or view a lock, per the knowledge base's {@code acquires}, {@code
 * releases} and {@code lock-view} rules; one lookup per method and receiver type.
 */
public final class LockApis {

  /**
   * A call that acts on a lock.
   *
   * @param rule the rule it matches
   * @param lock the lock it acts on, with the rule's side for a read-write lock
   */
  public record LockCall(LockRule rule, LockId lock) {
    public LockAction action() {
      return rule.action();
    }
  }

  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final Map<CallKey, Optional<LockRule>> cache = new HashMap<>();
  private final RulesByName<LockRule> rulesByName;
  /** The method names of the rules that take a lock; null if one names its methods by a glob. */
  private final @Nullable Set<String> acquiringNames;

  public LockApis(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
    this.rulesByName = new RulesByName<>(model.lockRules(), LockRule::member);
    List<String> names = new ArrayList<>();
    for (LockRule rule : model.lockRules()) {
      if (rule.action() == LockAction.ACQUIRE) {
        names.add(rule.member().exactName());
      }
    }
    this.acquiringNames = names.contains(null) ? null : Set.copyOf(names);
    String common = acquiringNames == null ? "" : SourceText.commonPart(acquiringNames);
    // A part shorter than three letters occurs too often to be worth searching for first.
    this.anchor = common.length() >= 3 ? common : null;
    this.longestName =
        acquiringNames == null ? 0 : acquiringNames.stream().mapToInt(String::length).max().orElse(0);
  }

  /** A part of every acquiring name (the JDK's rules: "ock"), or null. */
  private final @Nullable String anchor;

  private final int longestName;

  /**
   * Whether code of the unit may take a lock, from its source text: it does not if the text
   * writes no {@code synchronized} (in either case: Lombok's {@code @Synchronized} adds
   * synchronized blocks) and calls no method that an {@code acquires} rule names. Most units take
   * none, and their lock scan is skipped. True whenever the text cannot prove it: unreadable, a
   * Unicode escape, a rule that names its methods by a glob.
   */
  public boolean mayAcquireIn(CompilationUnitTree unit) {
    if (acquiringNames == null) {
      return true;
    }
    String text = SourceText.of(unit);
    if (text == null || SourceText.mayEscape(text) || text.contains("ynchronized")) {
      return true;
    }
    if (anchor != null) {
      return SourceText.containsAnyIdentifier(text, anchor, acquiringNames, longestName);
    }
    for (String name : acquiringNames) {
      if (SourceText.containsIdentifier(text, name)) {
        return true;
      }
    }
    return false;
  }

  /** The lock rule a call of {@code method} on a receiver of that type matches, or null. */
  public @Nullable LockRule rule(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (method.isStatic()) {
      return null;
    }
    List<LockRule> candidates = rulesByName.candidates(method.getSimpleName());
    if (candidates.isEmpty()) {
      return null; // most calls: no lock rule names the method
    }
    // Computed out of line on a call's first question (see CallKey).
    return cache
        .computeIfAbsent(
            CallKey.of(method, receiver),
            k -> Optional.ofNullable(firstMatching(candidates, method, receiver, state)))
        .orElse(null);
  }

  private @Nullable LockRule firstMatching(
      List<LockRule> candidates, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    for (LockRule rule : candidates) {
      if (matcher.matchesCall(rule.member(), method, receiver, state)) {
        return rule;
      }
    }
    return null;
  }

  /** The lock action of a call and the lock it acts on, or null if it takes or releases none. */
  public @Nullable LockCall lockCall(ExpressionTree expression, VisitorState state) {
    if (!(LockId.strip(expression) instanceof MethodInvocationTree call)) {
      return null;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (method == null || receiver == null) {
      return null; // an unqualified lock() is this class's own method, not a Lock's
    }
    LockRule rule = rule(method, ASTHelpers.getReceiverType(call), state);
    if (rule == null || rule.action() == LockAction.VIEW) {
      return null;
    }
    LockId lock = lockOf(receiver, state);
    return new LockCall(rule, rule.mode() == null ? lock : lock.withMode(rule.mode()));
  }

  /** The lock an expression names, seeing through views: {@code rw.readLock()} is rw's read side. */
  public LockId lockOf(ExpressionTree expression, VisitorState state) {
    ExpressionTree tree = LockId.strip(expression);
    if (tree instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (method != null && receiver != null) {
        LockRule rule = rule(method, ASTHelpers.getReceiverType(call), state);
        if (rule != null && rule.action() == LockAction.VIEW && rule.mode() != null) {
          return lockOf(receiver, state).withMode(rule.mode());
        }
      }
    }
    return LockId.of(tree, state);
  }
}
