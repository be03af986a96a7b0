package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.threadlint.model.LockApis.LockCall;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.LockAction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The lock facts of one compilation unit, from one scan: the {@link LockSet} held at every tree
 * (only trees under a lock are stored; the rest hold none), every acquisition with the locks held
 * before it, and every call to a method of the unit with the locks held around it (for checks
 * that follow calls: lock order, blocking under a lock).
 *
 * <p>Straight-line and structured code only: a lock taken by a statement is held by the
 * statements after it in the same method until a statement releases it; at a join ({@code if},
 * loops, {@code switch}, {@code try}) only the locks held on every branch that completes normally
 * stay held; a {@code finally} that releases a lock releases it after the {@code try}.
 */
public final class UnitLocks {

  /**
   * A lock taken in a method of the unit.
   *
   * @param method the method (null in initializers and lambdas that run elsewhere)
   * @param lock the lock and where it is taken
   * @param before the locks already held there
   * @param tree the acquiring tree: the synchronized statement, the lock call, the method
   */
  public record Acquisition(@Nullable MethodSymbol method, HeldLock lock, LockSet before, Tree tree) {}

  /**
   * A call from one method of the unit to another.
   *
   * @param caller the calling method; null when the call is in a field initializer, or in a
   *     lambda that runs later or elsewhere (a task): not part of any method's own work
   * @param held the locks held around the call
   */
  public record Call(@Nullable MethodSymbol caller, MethodSymbol callee, LockSet held, MethodInvocationTree tree) {}

  private final Map<Tree, LockSet> held;
  private final List<Acquisition> acquisitions;
  private final List<Call> calls;

  private UnitLocks(Map<Tree, LockSet> held, List<Acquisition> acquisitions, List<Call> calls) {
    this.held = held;
    this.acquisitions = acquisitions;
    this.calls = calls;
  }

  /**
   * The lock facts of a unit that takes no lock: nothing is held anywhere. Its calls between
   * methods are not collected, as the checks that read them (lock order, locked-only methods)
   * need an acquisition first.
   */
  public static final UnitLocks NONE = new UnitLocks(Map.of(), List.of(), List.of());

  /** Whether any code of the unit runs with a lock held. */
  public boolean holdsAny() {
    return !held.isEmpty();
  }

  /** The locks held at (just before) {@code tree}. */
  public LockSet heldAt(Tree tree) {
    return held.getOrDefault(tree, LockSet.EMPTY);
  }

  /** Every tree of the unit that runs with a lock held, and the locks held there. */
  public void forEachHeld(BiConsumer<Tree, LockSet> action) {
    held.forEach(action);
  }

  /** Every acquisition of the unit, in source order. */
  public List<Acquisition> acquisitions() {
    return acquisitions;
  }

  /** Every call between methods of the unit, in source order. */
  public List<Call> calls() {
    return calls;
  }

  public static UnitLocks compute(
      CompilationUnitTree unit, LockApis apis, ContextResolver contexts, VisitorState state) {
    Scanner scanner = new Scanner(unit, apis, contexts, state);
    scanner.scan(unit, null);
    return new UnitLocks(scanner.heldAt, List.copyOf(scanner.acquisitions), List.copyOf(scanner.calls));
  }

  private static final class Scanner extends LazyPathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final LockApis apis;
    private final ContextResolver contexts;
    private final VisitorState state;
    private final Map<Tree, LockSet> heldAt = new IdentityHashMap<>();
    private final List<Acquisition> acquisitions = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private LockSet held = LockSet.EMPTY;
    private @Nullable MethodSymbol method;

    Scanner(CompilationUnitTree unit, LockApis apis, ContextResolver contexts, VisitorState state) {
      this.unit = unit;
      this.apis = apis;
      this.contexts = contexts;
      this.state = state;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree != null && !held.isEmpty()) {
        heldAt.put(tree, held);
      }
      return super.scan(tree, null);
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      LockSet savedHeld = held;
      MethodSymbol savedMethod = method;
      held = LockSet.EMPTY; // a class body's code runs when its methods are called, not here
      method = null;
      super.visitClass(tree, null);
      held = savedHeld;
      method = savedMethod;
      return null;
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      LockSet savedHeld = held;
      MethodSymbol savedMethod = method;
      MethodSymbol sym = ASTHelpers.getSymbol(tree);
      method = sym;
      held = LockSet.EMPTY;
      if (sym != null && (sym.flags() & Flags.SYNCHRONIZED) != 0 && sym.owner instanceof ClassSymbol owner) {
        LockId lock = sym.isStatic() ? LockId.classOf(owner) : LockId.thisOf(owner);
        HeldLock acquired =
            new HeldLock(
                lock,
                (sym.isStatic() ? "static synchronized " : "synchronized ") + "method " + sym.getSimpleName() + "()",
                line(tree),
                true);
        acquisitions.add(new Acquisition(sym, acquired, LockSet.EMPTY, tree));
        held = held.with(acquired);
      }
      scan(tree.getBody(), null);
      held = savedHeld;
      method = savedMethod;
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      if (contexts.contextOfFunctional(getCurrentPath(), state).kind() == Kind.CALLER) {
        LockSet saved = held;
        super.visitLambdaExpression(tree, null); // runs in place, under the caller's locks
        held = saved;
        return null;
      }
      LockSet savedHeld = held;
      MethodSymbol savedMethod = method;
      held = LockSet.EMPTY; // runs later, or on another thread: the locks are long released
      method = null;
      super.visitLambdaExpression(tree, null);
      held = savedHeld;
      method = savedMethod;
      return null;
    }

    @Override
    public Void visitSynchronized(SynchronizedTree tree, Void unused) {
      scan(tree.getExpression(), null);
      ExpressionTree expression = LockId.strip(tree.getExpression());
      LockId lock = apis.lockOf(expression, state);
      String monitor = source(expression);
      // A block an annotation processor generated (Lombok's @Synchronized) has the annotation's
      // source position: its text names the lock better than "synchronized (@Synchronized)".
      String how = monitor.startsWith("@") ? monitor : "synchronized (" + monitor + ")";
      HeldLock acquired = new HeldLock(lock, how, line(tree), true);
      acquisitions.add(new Acquisition(method, acquired, held, tree));
      LockSet saved = held;
      held = held.with(acquired);
      scan(tree.getBlock(), null);
      held = saved;
      return null;
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      MethodSymbol callee = ASTHelpers.getSymbol(tree);
      if (callee != null && declaredHere(callee)) {
        calls.add(new Call(method, callee, held, tree));
      }
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitExpressionStatement(ExpressionStatementTree tree, Void unused) {
      super.visitExpressionStatement(tree, null);
      ExpressionTree expression = tree.getExpression();
      if (expression instanceof AssignmentTree assignment) {
        expression = assignment.getExpression(); // long stamp; stamp = sl.writeLock();
      }
      apply(expression);
      return null;
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
      super.visitVariable(tree, null);
      if (tree.getInitializer() != null && method != null) {
        apply(tree.getInitializer()); // long stamp = sl.writeLock();
      }
      return null;
    }

    /** The effect of a statement's call on the held locks: take or release. */
    private void apply(ExpressionTree expression) {
      LockCall call = apis.lockCall(expression, state);
      if (call == null) {
        return;
      }
      if (call.action() == LockAction.RELEASE) {
        held = held.without(call.lock(), call.rule().mode() == null);
      } else if (call.action() == LockAction.ACQUIRE && !call.rule().whenTrue()) {
        acquire(call, (MethodInvocationTree) LockId.strip(expression), "");
      }
    }

    private void acquire(LockCall call, MethodInvocationTree tree, String prefix) {
      HeldLock acquired = new HeldLock(call.lock(), prefix + source(tree) + (prefix.isEmpty() ? "" : ")"), line(tree), false);
      acquisitions.add(new Acquisition(method, acquired, held, tree));
      held = held.with(acquired);
    }

    @Override
    public Void visitIf(IfTree tree, Void unused) {
      scan(tree.getCondition(), null);
      LockSet before = held;
      held = before;
      conditionalAcquisitions(tree.getCondition(), true);
      scan(tree.getThenStatement(), null);
      LockSet thenEnd = held;
      held = before;
      conditionalAcquisitions(tree.getCondition(), false);
      scan(tree.getElseStatement(), null);
      LockSet elseEnd = held;
      // Most ifs take or release no lock in either branch: whichever completes, the same locks
      // are held after it, and its branches need not be read for whether they complete.
      held = thenEnd.equals(before) && elseEnd.equals(before) ? before : afterIf(tree, before, thenEnd, elseEnd);
      return null;
    }

    /** The locks held after an if whose branches end holding different ones: those of the branches that complete. */
    private static LockSet afterIf(IfTree tree, LockSet before, LockSet thenEnd, LockSet elseEnd) {
      boolean thenCompletes = completesNormally(tree.getThenStatement());
      boolean elseCompletes = tree.getElseStatement() == null || completesNormally(tree.getElseStatement());
      if (thenCompletes && elseCompletes) {
        return thenEnd.retainAll(elseEnd);
      } else if (thenCompletes) {
        return thenEnd;
      } else if (elseCompletes) {
        return elseEnd;
      }
      return before;
    }

    /**
     * Locks a branch holds because the condition took them: {@code if (l.tryLock())} in the then
     * branch (also as an operand of {@code &&}), {@code if (!l.tryLock())} in the else branch.
     */
    private void conditionalAcquisitions(ExpressionTree condition, boolean whenTrue) {
      ExpressionTree c = LockId.strip(condition);
      if (c instanceof UnaryTree not && c.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
        conditionalAcquisitions(not.getExpression(), !whenTrue);
        return;
      }
      if (c instanceof BinaryTree binary
          && ((whenTrue && c.getKind() == Tree.Kind.CONDITIONAL_AND)
              || (!whenTrue && c.getKind() == Tree.Kind.CONDITIONAL_OR))) {
        conditionalAcquisitions(binary.getLeftOperand(), whenTrue);
        conditionalAcquisitions(binary.getRightOperand(), whenTrue);
        return;
      }
      if (whenTrue && c instanceof MethodInvocationTree call) {
        LockCall lockCall = apis.lockCall(call, state);
        if (lockCall != null && lockCall.action() == LockAction.ACQUIRE && lockCall.rule().whenTrue()) {
          acquire(lockCall, call, "if (");
        }
      }
    }

    /** A loop body may run any number of times: after it, only what was held throughout. */
    private Void loop(Runnable body) {
      LockSet before = held;
      body.run();
      held = before.retainAll(held);
      return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
      return loop(() -> super.visitWhileLoop(tree, null));
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
      return loop(() -> super.visitDoWhileLoop(tree, null));
    }

    @Override
    public Void visitForLoop(ForLoopTree tree, Void unused) {
      return loop(() -> super.visitForLoop(tree, null));
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
      return loop(() -> super.visitEnhancedForLoop(tree, null));
    }

    @Override
    public Void visitSwitch(SwitchTree tree, Void unused) {
      scan(tree.getExpression(), null);
      LockSet before = held;
      LockSet after = before;
      for (CaseTree c : tree.getCases()) {
        held = before;
        scan(c, null);
        after = after.retainAll(held);
      }
      held = after;
      return null;
    }

    @Override
    public Void visitTry(TryTree tree, Void unused) {
      LockSet before = held;
      scan(tree.getResources(), null);
      scan(tree.getBlock(), null);
      LockSet tryEnd = held;
      LockSet throughout = before.retainAll(tryEnd); // held wherever the try block may throw
      LockSet after = completesNormally(tree.getBlock()) ? tryEnd : null;
      for (CatchTree c : tree.getCatches()) {
        held = throughout;
        scan(c, null);
        if (completesNormally(c.getBlock())) {
          after = after == null ? held : after.retainAll(held);
        }
      }
      if (after == null) {
        after = throughout;
      }
      if (tree.getFinallyBlock() != null) {
        held = throughout;
        scan(tree.getFinallyBlock(), null);
        // A release anywhere in the finally releases the lock after the try, also when the try
        // block took it: try { l.lock(); ... } finally { l.unlock(); }
        for (LockCall release : releasesIn(tree.getFinallyBlock())) {
          after = after.without(release.lock(), release.rule().mode() == null);
        }
      }
      held = after;
      return null;
    }

    private List<LockCall> releasesIn(Tree tree) {
      List<LockCall> releases = new ArrayList<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          LockCall lockCall = apis.lockCall(call, state);
          if (lockCall != null && lockCall.action() == LockAction.RELEASE) {
            releases.add(lockCall);
          }
          return super.visitMethodInvocation(call, null);
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
          return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
          return null;
        }
      }.scan(tree, null);
      return releases;
    }

    /**
     * A method of this unit, abstract ones included: what an override in a private hierarchy of
     * the unit runs under is where the unit calls the method it overrides.
     */
    private boolean declaredHere(MethodSymbol callee) {
      return SourceUnits.memberOf(callee, unit);
    }

    private int line(Tree tree) {
      return (int) unit.getLineMap().getLineNumber(ASTHelpers.getStartPosition(tree));
    }

    private String source(Tree tree) {
      String text = state.getSourceForNode(tree);
      return text != null ? text : tree.toString();
    }
  }

  /** Whether control can leave the statement at its end (syntactically, conservatively yes). */
  public static boolean completesNormally(@Nullable StatementTree statement) {
    if (statement == null) {
      return true;
    }
    return switch (statement.getKind()) {
      case RETURN, THROW, BREAK, CONTINUE -> false;
      case BLOCK -> {
        List<? extends StatementTree> statements = ((BlockTree) statement).getStatements();
        yield statements.isEmpty() || completesNormally(statements.get(statements.size() - 1));
      }
      case IF -> {
        IfTree tree = (IfTree) statement;
        yield tree.getElseStatement() == null
            || completesNormally(tree.getThenStatement())
            || completesNormally(tree.getElseStatement());
      }
      default -> true;
    };
  }
}
