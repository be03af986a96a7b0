package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
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
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.BlockingChain;
import dev.threadlint.model.HeldLock;
import dev.threadlint.model.LockSet;
import dev.threadlint.model.UnitLocks;
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
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher {

  private final ConfiguredAnalysis analysis;

  @Inject
  public BlockingUnderLock(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public BlockingUnderLock() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.enterUnit(tree, state, canonicalName());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    return method == null
        ? Description.NO_MATCH
        : check(tree, method, ASTHelpers.getReceiverType(tree), state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    MethodSymbol constructor = ASTHelpers.getSymbol(tree);
    return constructor == null ? Description.NO_MATCH : check(tree, constructor, null, state);
  }

  private Description check(Tree tree, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    try {
      return checkCall(tree, method, receiver, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  private Description checkCall(
      Tree tree, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    Analysis analysis = this.analysis.get(state);
    if (analysis == null) {
      return Description.NO_MATCH;
    }
    LockSet held = analysis.locks(state).heldAt(tree);
    if (held.isEmpty()) {
      return Description.NO_MATCH;
    }
    BlockingChain chain = analysis.blockingChain(method, receiver, state);
    if (chain == null || chain.waitsForLock()) {
      return Description.NO_MATCH;
    }
    if (!chain.isDirect() && (method.flags() & Flags.SYNCHRONIZED) != 0) {
      return Description.NO_MATCH; // the synchronized callee holds a lock too: reported inside it
    }
    if (initialisesOnce(state.getPath(), analysis.locks(state))) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree).setMessage(message(chain, held)).build();
  }

  /**
   * Whether the call is the initialisation of a double-checked lazy field: {@code if (f == null) {
   * lock; if (f == null) { f = load(); } }}. The lock is only taken while the field is still null,
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
        Symbol field = nullCheckedField(branch.getCondition());
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

  /** The field {@code f} of a condition {@code f == null}, or null. */
  private static @Nullable Symbol nullCheckedField(ExpressionTree condition) {
    if (!(ASTHelpers.stripParentheses(condition) instanceof BinaryTree equals)
        || equals.getKind() != Tree.Kind.EQUAL_TO) {
      return null;
    }
    ExpressionTree operand =
        equals.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
            ? equals.getRightOperand()
            : equals.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
                ? equals.getLeftOperand()
                : null;
    Symbol symbol = operand == null ? null : ASTHelpers.getSymbol(operand);
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
