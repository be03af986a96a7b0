package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.config.UnitReports;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.BlockingChain;
import dev.threadlint.model.HeldLock;
import dev.threadlint.model.LockSet;
import dev.threadlint.model.UnitLocks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.ElementKind;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * A blocking call (directly, or through methods of the same file) made while a monitor or a
 * {@code Lock} is held. Waiting for a lock, a signal or a notification ({@code lock-wait} in the
 * model: {@code lock()}, {@code await()}, {@code wait()}) is how locking works and is left to
 * {@link LockOrderInversion}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Blocking call while holding a lock: every thread that needs the lock waits for the I/O or sleep too",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "BlockingUnderLock.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class BlockingUnderLock extends BugChecker
    implements CompilationUnitTreeMatcher {

  private final ConfiguredAnalysis analysis;

  @Inject
  public BlockingUnderLock(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public BlockingUnderLock() {
    this(ErrorProneFlags.empty());
  }

  /** The nodes that call a method or constructor. */
  private static final Set<Tree.Kind> CALLS = EnumSet.of(Tree.Kind.METHOD_INVOCATION, Tree.Kind.NEW_CLASS);

  /**
   * Scans the calls of the unit only if it holds a lock somewhere: most units take none, and this
   * check then costs them nothing per call.
   */
  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.analyseUnit(
        tree,
        state,
        canonicalName(),
        facts -> {
          UnitLocks locks = facts.locks(state);
          if (locks.holdsAny()) {
            Map<HeldLock, List<Finding>> sections = new LinkedHashMap<>();
            UnitReports.scan(
                this,
                tree,
                CALLS,
                (call, path, unitState) -> matchCall(call, path, facts, locks, sections, unitState),
                state);
            sections.values().forEach(section -> state.reportMatch(describe(section, tree)));
          }
        });
  }

  /** A blocking call under a lock: the call, how it blocks, and the locks held there. */
  private record Finding(Tree call, BlockingChain chain, LockSet held) {}

  /**
   * One call of the unit: a finding not suppressed where it is goes to its section (the innermost
   * lock's acquisition), reported once the unit is scanned. An internal error skips that call only.
   */
  private Description matchCall(
      Tree tree,
      Supplier<TreePath> path,
      Analysis analysis,
      UnitLocks locks,
      Map<HeldLock, List<Finding>> sections,
      VisitorState state) {
    try {
      LockSet held = locks.heldAt(tree);
      Finding finding = held.isEmpty() ? null : checkCall(tree, held, path, analysis, locks, state);
      if (finding != null && !UnitReports.suppressed(this, path.get(), state)) {
        sections.computeIfAbsent(held.innermost(), h -> new ArrayList<>()).add(finding);
      }
      return Description.NO_MATCH;
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  /**
   * One warning per locked region, at its first blocking call: the fix is the region's (move the
   * work out of it), and a dozen JDBC calls under one lock are one mistake. The others' lines are
   * named.
   */
  private Description describe(List<Finding> section, CompilationUnitTree unit) {
    Finding first = section.get(0);
    StringBuilder message = new StringBuilder(message(first.chain(), first.held()));
    String firstLine = lineOf(first, unit);
    List<String> lines = new ArrayList<>();
    for (Finding other : section.subList(1, section.size())) {
      String line = lineOf(other, unit);
      if (!line.equals(firstLine) && !lines.contains(line)) {
        lines.add(line); // a second call on the warning's own line needs no pointer
      }
    }
    if (!lines.isEmpty()) {
      List<String> named = lines.subList(0, Math.min(lines.size(), MAX_LINES_NAMED));
      int rest = lines.size() - named.size();
      String last = rest > 0 ? rest + " more" : named.get(named.size() - 1);
      List<String> before = rest > 0 ? named : named.subList(0, named.size() - 1);
      message
          .append(" The same locked region blocks again at ")
          .append(lines.size() == 1 ? "line " : "lines ")
          .append(before.isEmpty() ? "" : String.join(", ", before) + " and ")
          .append(last)
          .append('.');
    }
    return buildDescription(first.call()).setMessage(message.toString()).build();
  }

  private static String lineOf(Finding finding, CompilationUnitTree unit) {
    return Long.toString(unit.getLineMap().getLineNumber(((JCTree) finding.call()).getStartPosition()));
  }

  /** How many of a region's other blocking lines a message names. */
  private static final int MAX_LINES_NAMED = 8;

  private @Nullable Finding checkCall(
      Tree tree, LockSet held, Supplier<TreePath> path, Analysis analysis, UnitLocks locks, VisitorState unitState) {
    MethodSymbol method;
    Type receiver = null;
    if (tree instanceof MethodInvocationTree call) {
      method = ASTHelpers.getSymbol(call);
      receiver = ASTHelpers.getReceiverType(call);
    } else {
      method = ASTHelpers.getSymbol((NewClassTree) tree);
    }
    if (method == null || !analysis.mayBlock(method, receiver, unitState)) {
      return null;
    }
    VisitorState state = unitState.withPath(path.get());
    BlockingChain chain = analysis.blockingChain(method, receiver, state);
    if (chain == null || chain.waitsForLock()) {
      return null;
    }
    if (chain.throughSynchronized()) {
      return null; // a synchronized method of the chain holds a lock too: reported inside it
    }
    if (initialisesOnce(state.getPath(), locks)) {
      return null;
    }
    return new Finding(tree, chain, held);
  }

  /**
   * Whether the call is the initialisation of a double-checked lazy field: {@code if (f == null) {
   * lock; if (f == null) { f = load(); } }} (or on a flag: {@code if (!loaded)}). The lock is only
   * taken while the field is still null,
   * so the threads that wait for it are those that need the value being made, as they would
   * without the lock (httpclient5's PublicSuffixMatcherLoader#getDefault).
   */
  private static boolean initialisesOnce(TreePath path, UnitLocks locks) {
    Symbol lockedCheck = null;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return false;
      }
      if (leaf instanceof IfTree branch && branch.getThenStatement() == child) {
        Symbol field = uninitialisedField(branch.getCondition());
        if (field != null) {
          if (!locks.heldAt(branch).isEmpty()) {
            lockedCheck = lockedCheck == null ? field : lockedCheck;
          } else if (field.equals(lockedCheck)) {
            return true;
          }
        }
      }
      child = leaf;
    }
    return false;
  }

  /**
   * The field {@code f} of a condition that says it is not initialised yet, {@code f == null} or,
   * for a boolean flag, {@code !f} (Guava's memoizing supplier and its copies), or null.
   */
  private static @Nullable Symbol uninitialisedField(ExpressionTree condition) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(condition);
    if (stripped instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      return field(ASTHelpers.stripParentheses(not.getExpression()));
    }
    if (!(stripped instanceof BinaryTree equals) || equals.getKind() != Tree.Kind.EQUAL_TO) {
      return null;
    }
    ExpressionTree operand =
        equals.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
            ? equals.getRightOperand()
            : equals.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
                ? equals.getLeftOperand()
                : null;
    return operand == null ? null : field(operand);
  }

  private static @Nullable Symbol field(ExpressionTree operand) {
    Symbol symbol = ASTHelpers.getSymbol(operand);
    return symbol instanceof VarSymbol var && var.getKind() == ElementKind.FIELD ? symbol : null;
  }

  private static String message(BlockingChain chain, LockSet held) {
    StringBuilder message =
        new StringBuilder("Blocking call while holding a lock: ").append(chain.describe());
    HeldLock inner = held.innermost();
    message
        .append(", and `")
        .append(inner.lock().text())
        .append("` is held (")
        .append(held.describe())
        .append("). Every other thread that needs `")
        .append(inner.lock().text())
        .append("` waits for it as well");
    if (held.held().stream().anyMatch(HeldLock::monitor)) {
      message.append(
          "; on JDK 21 to 23 a virtual thread blocked inside `synchronized` also pins its carrier thread");
    }
    message.append(
        ". Do the blocking work outside the locked region: copy what it needs under the lock,"
            + " release the lock, then block (or hand the work to another thread).");
    return message.toString();
  }
}
