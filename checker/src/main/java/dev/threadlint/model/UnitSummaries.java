package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.BlockingApis.BlockingApi;
import dev.threadlint.model.ThreadModel.LockAction;
import dev.threadlint.model.ThreadModel.LockRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The method summaries of one compilation unit. One scan collects, per method, the blocking calls
 * and the calls to other methods of the unit that run synchronously in its body (lambdas that run
 * before the call they are passed to returns included, on the caller's thread or in a parallel
 * stream, lambdas handed elsewhere excluded); a breadth-first pass over
 * the reversed call edges then marks every method that can reach a blocking call, shortest chain
 * first. Linear in the size of the unit; cycles are handled by visiting each method once.
 */
public final class UnitSummaries {
  private final Map<MethodSymbol, MethodSummary> summaries;
  private final Set<MethodSymbol> blocksBesidesLocking;

  private UnitSummaries(Map<MethodSymbol, MethodSummary> summaries, Set<MethodSymbol> blocksBesidesLocking) {
    this.summaries = summaries;
    this.blocksBesidesLocking = blocksBesidesLocking;
  }

  /**
   * Whether the method of this unit reaches a blocking call other than taking a lock ({@code
   * lock()}, which an {@code acquires} rule names): a sleep, I/O, a wait for a future, a
   * condition's {@code await}. A method that only takes locks waits only as long as the
   * holders' critical sections last ({@link LockWaits}).
   */
  public boolean blocksBesidesLocking(MethodSymbol method) {
    return blocksBesidesLocking.contains(method);
  }

  /** The summary of a method of this unit that blocks; null if it does not, or is not of this unit. */
  public @Nullable MethodSummary summary(MethodSymbol method) {
    return summaries.get(method);
  }

  public static UnitSummaries compute(
      CompilationUnitTree unit,
      ContextResolver contexts,
      BlockingApis apis,
      KnownCompletion known,
      LockApis locks,
      VisitorState state) {
    Collector collector = new Collector(unit, contexts, apis, known, locks, state);
    collector.scan(unit, null);
    return new UnitSummaries(collector.solve(), collector.blocksBesidesLocking());
  }

  /**
   * How a method reaches a blocking call: the chain, and the one parameter value every route
   * found so far needs (null: some route needs none).
   */
  private record Reach(BlockingChain chain, @Nullable ParameterGuard guard) {
    /**
     * This reach joined with another route: the route without a condition wins, two different
     * conditions make none (either may hold), and a call that blocks on its own account is
     * preferred over waiting for a lock (under a lock the first is the news, BlockingUnderLock;
     * on an event loop both are).
     */
    Reach join(Reach other) {
      ParameterGuard joined = guard == null || !guard.equals(other.guard) ? null : guard;
      BlockingChain chain = this.chain;
      if (guard != null && other.guard == null
          || (guard == null) == (other.guard == null) && chain.waitsForLock() && !other.chain.waitsForLock()) {
        chain = other.chain;
      }
      return chain == this.chain && Objects.equals(joined, guard) ? this : new Reach(chain, joined);
    }
  }

  /**
   * A call from one method of the unit to another, with the condition on the caller's
   * parameters it sits under, and its arguments when the callee has a boolean parameter.
   */
  private record Edge(
      MethodSymbol caller,
      @Nullable ParameterGuard guard,
      @Nullable List<? extends ExpressionTree> arguments) {}

  /** What one method's body does directly. */
  private static final class Body {
    @Nullable Reach direct;
    /** A blocking call other than taking a lock. */
    boolean blocksOnItsOwn;
    /** Callees called without condition or telling argument, the common case: one entry each. */
    final Set<MethodSymbol> callees = new LinkedHashSet<>();
  }

  private static final class Collector extends LazyPathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final ContextResolver contexts;
    private final BlockingApis apis;
    private final KnownCompletion known;
    private final LockApis locks;
    private final VisitorState state;
    private final Map<MethodSymbol, Body> bodies = new LinkedHashMap<>();
    /** The calls between methods of the unit, by callee. */
    private final Map<MethodSymbol, List<Edge>> callers = new HashMap<>();
    private @Nullable MethodSymbol current;
    /** The condition on {@link #current}'s parameters the code being scanned runs under. */
    private @Nullable ParameterGuard guard;

    Collector(
        CompilationUnitTree unit,
        ContextResolver contexts,
        BlockingApis apis,
        KnownCompletion known,
        LockApis locks,
        VisitorState state) {
      this.unit = unit;
      this.contexts = contexts;
      this.apis = apis;
      this.known = known;
      this.locks = locks;
      this.state = state;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      MethodSymbol saved = current;
      ParameterGuard savedGuard = guard;
      current = null;
      guard = null;
      super.visitClass(tree, null);
      current = saved;
      guard = savedGuard;
      return null;
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol saved = current;
      ParameterGuard savedGuard = guard;
      MethodSymbol sym = ASTHelpers.getSymbol(tree);
      current = tree.getBody() == null ? null : sym;
      guard = null;
      if (current != null) {
        bodies.put(current, new Body());
      }
      super.visitMethod(tree, null);
      current = saved;
      guard = savedGuard;
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      if (current == null) {
        return super.visitLambdaExpression(tree, null);
      }
      MethodSymbol saved = current;
      if (!contexts.runsBeforeCallReturns(getCurrentPath(), state)) {
        current = null; // runs later or elsewhere: not part of this method's synchronous work
      }
      super.visitLambdaExpression(tree, null);
      current = saved;
      return null;
    }

    @Override
    public Void visitIf(IfTree tree, Void unused) {
      if (current == null) {
        return super.visitIf(tree, null);
      }
      scan(tree.getCondition(), null);
      branches(tree.getCondition(), tree.getThenStatement(), tree.getElseStatement());
      return null;
    }

    @Override
    public Void visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
      if (current == null) {
        return super.visitConditionalExpression(tree, null);
      }
      scan(tree.getCondition(), null);
      branches(tree.getCondition(), tree.getTrueExpression(), tree.getFalseExpression());
      return null;
    }

    /** The right side of {@code a && b} runs only when {@code a}, of {@code a || b} only when not. */
    @Override
    public Void visitBinary(BinaryTree tree, Void unused) {
      boolean and = tree.getKind() == Tree.Kind.CONDITIONAL_AND;
      if (current == null || guard != null || !(and || tree.getKind() == Tree.Kind.CONDITIONAL_OR)) {
        return super.visitBinary(tree, null);
      }
      scan(tree.getLeftOperand(), null);
      guard = guardOf(tree.getLeftOperand(), and, current);
      scan(tree.getRightOperand(), null);
      guard = null;
      return null;
    }

    /** Scans the two branches of a condition, each under the guard the condition gives it. */
    private void branches(ExpressionTree condition, Tree whenTrue, @Nullable Tree whenFalse) {
      ParameterGuard saved = guard;
      guard = saved != null ? saved : guardOf(condition, true, current);
      scan(whenTrue, null);
      guard = saved != null ? saved : guardOf(condition, false, current);
      scan(whenFalse, null);
      guard = saved;
    }

    /** After {@code if (!p) return;} the rest of the block runs only when {@code p}. */
    @Override
    public Void visitBlock(BlockTree tree, Void unused) {
      if (current == null) {
        return super.visitBlock(tree, null);
      }
      ParameterGuard saved = guard;
      for (StatementTree statement : tree.getStatements()) {
        scan(statement, null);
        if (guard == null
            && statement instanceof IfTree branch
            && branch.getElseStatement() == null
            && !UnitLocks.completesNormally(branch.getThenStatement())) {
          guard = guardOf(branch.getCondition(), false, current);
        }
      }
      guard = saved;
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      if (current != null && contexts.runsBeforeCallReturns(getCurrentPath(), state)) {
        MethodSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null) {
          record(sym, receiverOf(tree, sym), null);
        }
      }
      return super.visitMemberReference(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      if (current != null) {
        MethodSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null) {
          record(sym, ASTHelpers.getReceiverType(tree), tree.getArguments());
        }
      }
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      if (current != null) {
        MethodSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null) {
          record(sym, null, tree.getArguments());
        }
      }
      return super.visitNewClass(tree, null);
    }

    private void record(
        MethodSymbol callee, @Nullable Type receiver, @Nullable List<? extends ExpressionTree> arguments) {
      Body body = bodies.get(current);
      BlockingApi api = apis.lookup(callee, receiver, state);
      if (api != null && known.returnsAtOnce(getCurrentPath(), callee, receiver, state)) {
        return; // get() on a future its listener was given, or one isDone() said is done
      }
      if (api != null) {
        Reach reach = new Reach(BlockingChain.direct(api.call(), api.what(), api.waitsForLock()), guard);
        body.direct = body.direct == null ? reach : body.direct.join(reach);
        if (!api.waitsForLock() || !takesALock(callee, receiver)) {
          body.blocksOnItsOwn = true;
        }
      } else if (declaredHere(callee)) {
        boolean telling = arguments != null && hasBooleanParameter(callee);
        if (guard != null || telling || body.callees.add(callee)) {
          callers
              .computeIfAbsent(callee, c -> new ArrayList<>())
              .add(new Edge(current, guard, telling ? arguments : null));
        }
      }
    }

    private boolean takesALock(MethodSymbol callee, @Nullable Type receiver) {
      LockRule rule = locks.rule(callee, receiver, state);
      return rule != null && rule.action() == LockAction.ACQUIRE;
    }

    /**
     * The methods that reach a blocking call other than taking a lock, through the unit's calls
     * (whatever their arguments: a method missing here is one that surely does not block).
     */
    Set<MethodSymbol> blocksBesidesLocking() {
      Set<MethodSymbol> found = new HashSet<>();
      Deque<MethodSymbol> queue = new ArrayDeque<>();
      for (Map.Entry<MethodSymbol, Body> entry : bodies.entrySet()) {
        if (entry.getValue().blocksOnItsOwn && !apis.isDeclaredNonBlocking(entry.getKey())) {
          found.add(entry.getKey());
          queue.add(entry.getKey());
        }
      }
      while (!queue.isEmpty()) {
        for (Edge edge : callers.getOrDefault(queue.poll(), List.of())) {
          if (!apis.isDeclaredNonBlocking(edge.caller()) && found.add(edge.caller())) {
            queue.add(edge.caller());
          }
        }
      }
      return found;
    }

    private boolean declaredHere(MethodSymbol method) {
      return SourceUnits.memberOf(method, unit) && !method.isAbstract();
    }

    /**
     * Propagates each method's reach to its callers until nothing changes, shortest chains first.
     * A method's reach only grows (no route, a route under one condition, a route under none;
     * a lock wait replaced by blocking of its own), a few steps each: linear in the calls.
     */
    Map<MethodSymbol, MethodSummary> solve() {
      Map<MethodSymbol, Reach> reaches = new HashMap<>();
      Deque<MethodSymbol> queue = new ArrayDeque<>();
      for (Map.Entry<MethodSymbol, Body> entry : bodies.entrySet()) {
        MethodSymbol method = entry.getKey();
        Reach direct = entry.getValue().direct;
        if (direct != null && !apis.isDeclaredNonBlocking(method)) {
          reaches.put(method, new Reach(direct.chain().through(display(method), isSynchronized(method)), direct.guard()));
          queue.add(method);
        }
      }
      while (!queue.isEmpty()) {
        MethodSymbol callee = queue.poll();
        Reach reach = reaches.get(callee);
        for (Edge edge : callers.getOrDefault(callee, List.of())) {
          MethodSymbol caller = edge.caller();
          Reach found = reachThrough(reach, edge);
          if (found == null || apis.isDeclaredNonBlocking(caller)) {
            continue;
          }
          Reach before = reaches.get(caller);
          Reach after = before == null ? found : before.join(found);
          if (after != before) {
            reaches.put(caller, after);
            queue.add(caller);
          }
        }
      }
      Map<MethodSymbol, MethodSummary> result = new HashMap<>();
      // Only blocking methods get a summary: a missing one means "does not block", and building
      // a key for every method of every file showed up in the benchmark's profile.
      reaches.forEach(
          (method, reach) -> result.put(method, new MethodSummary(key(method), reach.chain(), reach.guard())));
      return result;
    }

    /**
     * What a call gives its caller of the callee's reach: nothing if its argument rules the
     * callee's condition out; otherwise the chain one step longer, under the call's own condition
     * or, for a parameter handed on unchanged, the same condition on the caller's parameter.
     */
    private static @Nullable Reach reachThrough(Reach callee, Edge edge) {
      ParameterGuard needed = callee.guard();
      ParameterGuard handedOn = null;
      if (needed != null && edge.arguments() != null) {
        if (needed.ruledOutBy(edge.arguments())) {
          return null;
        }
        handedOn = guardOn(edge.arguments().get(needed.index()), needed.value(), edge.caller());
      }
      return new Reach(
          callee.chain().through(display(edge.caller()), isSynchronized(edge.caller())),
        edge.guard() != null ? edge.guard() : handedOn);
    }
  }

  /**
   * The condition on {@code method}'s parameters under which {@code condition} is {@code value}:
   * {@code p}, {@code !p}, one side of {@code &&} (when true) or {@code ||} (when false); null if
   * it needs none that is known.
   */
  private static @Nullable ParameterGuard guardOf(ExpressionTree condition, boolean value, MethodSymbol method) {
    ExpressionTree tree = ASTHelpers.stripParentheses(condition);
    return switch (tree.getKind()) {
      case LOGICAL_COMPLEMENT -> guardOf(((UnaryTree) tree).getExpression(), !value, method);
      case CONDITIONAL_AND, CONDITIONAL_OR -> {
        BinaryTree binary = (BinaryTree) tree;
        if (value != (tree.getKind() == Tree.Kind.CONDITIONAL_AND)) {
          yield null; // a || b can be true, a && b false, with either side anything
        }
        ParameterGuard left = guardOf(binary.getLeftOperand(), value, method);
        yield left != null ? left : guardOf(binary.getRightOperand(), value, method);
      }
      default -> guardOn(tree, value, method);
    };
  }

  /**
   * {@code tree} as a condition on a boolean parameter of {@code method} that keeps the value it
   * was called with (final or effectively final); null if it is anything else.
   */
  private static @Nullable ParameterGuard guardOn(ExpressionTree tree, boolean value, MethodSymbol method) {
    if (!(ASTHelpers.stripParentheses(tree) instanceof IdentifierTree)) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (!(symbol instanceof VarSymbol parameter)
        || parameter.getKind() != ElementKind.PARAMETER
        || parameter.type.getKind() != TypeKind.BOOLEAN
        || (parameter.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) == 0) {
      return null;
    }
    int index = method.getParameters().indexOf(parameter);
    return index < 0 ? null : new ParameterGuard(index, value);
  }

  private static boolean isSynchronized(MethodSymbol method) {
    return (method.flags() & Flags.SYNCHRONIZED) != 0;
  }

  private static boolean hasBooleanParameter(MethodSymbol method) {
    for (VarSymbol parameter : method.getParameters()) {
      if (parameter.type.getKind() == TypeKind.BOOLEAN) {
        return true;
      }
    }
    return false;
  }

  /** The type a method reference is called on, for receiver-sensitive model rules. */
  static @Nullable Type receiverOf(MemberReferenceTree tree, MethodSymbol sym) {
    if (sym.isStatic() || sym.isConstructor()) {
      return null;
    }
    ExpressionTree qualifier = tree.getQualifierExpression();
    return ASTHelpers.getType(qualifier);
  }

  /** How a method of this unit shows in a chain: {@code name()}. */
  static String display(MethodSymbol method) {
    return method.isConstructor()
        ? "new " + method.owner.getSimpleName() + "()"
        : method.getSimpleName() + "()";
  }

  /** The stable key of a method: {@code com.example.Foo#bar(int,java.lang.String)}. */
  static String key(MethodSymbol method) {
    StringBuilder key =
        new StringBuilder(method.owner.getQualifiedName()).append('#').append(method.getSimpleName()).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      key.append(i == 0 ? "" : ",").append(method.getParameters().get(i).type.tsym.getQualifiedName());
    }
    return key.append(')').toString();
  }
}
