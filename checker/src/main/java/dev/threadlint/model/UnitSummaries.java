package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
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
import java.util.Set;
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

  /** What one method's body does directly. */
  private static final class Body {
    @Nullable BlockingChain direct;
    /** A blocking call other than taking a lock. */
    boolean blocksOnItsOwn;
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
    private @Nullable MethodSymbol current;

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
      current = null;
      super.visitClass(tree, null);
      current = saved;
      return null;
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol saved = current;
      MethodSymbol sym = ASTHelpers.getSymbol(tree);
      current = tree.getBody() == null ? null : sym;
      if (current != null) {
        bodies.put(current, new Body());
      }
      super.visitMethod(tree, null);
      current = saved;
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
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      if (current != null && contexts.runsBeforeCallReturns(getCurrentPath(), state)) {
        MethodSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null) {
          record(sym, receiverOf(tree, sym));
        }
      }
      return super.visitMemberReference(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      if (current != null) {
        MethodSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null) {
          record(sym, ASTHelpers.getReceiverType(tree));
        }
      }
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      if (current != null) {
        MethodSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null) {
          record(sym, null);
        }
      }
      return super.visitNewClass(tree, null);
    }

    private void record(MethodSymbol callee, @Nullable Type receiver) {
      Body body = bodies.get(current);
      BlockingApi api = apis.lookup(callee, receiver, state);
      if (api != null && known.returnsAtOnce(getCurrentPath(), callee, receiver, state)) {
        return; // get() on a future its listener was given, or one isDone() said is done
      }
      if (api != null) {
        // Prefer a call that blocks on its own account over waiting for a lock: under a lock,
        // the first is the news (BlockingUnderLock); on an event loop both are.
        if (body.direct == null || (body.direct.waitsForLock() && !api.waitsForLock())) {
          body.direct = BlockingChain.direct(api.call(), api.what(), api.waitsForLock());
        }
        if (!api.waitsForLock() || !takesALock(callee, receiver)) {
          body.blocksOnItsOwn = true;
        }
      } else if (declaredHere(callee)) {
        body.callees.add(callee);
      }
    }

    private boolean takesALock(MethodSymbol callee, @Nullable Type receiver) {
      LockRule rule = locks.rule(callee, receiver, state);
      return rule != null && rule.action() == LockAction.ACQUIRE;
    }

    /**
     * The methods that reach a blocking call other than taking a lock, through the unit's calls
     * (after {@link #solve}, which reverses them).
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
        for (MethodSymbol caller : callers.getOrDefault(queue.poll(), List.of())) {
          if (!apis.isDeclaredNonBlocking(caller) && found.add(caller)) {
            queue.add(caller);
          }
        }
      }
      return found;
    }

    private boolean declaredHere(MethodSymbol method) {
      return SourceUnits.memberOf(method, unit) && !method.isAbstract();
    }

    /** The reversed call edges of the unit: who calls each method. */
    private final Map<MethodSymbol, List<MethodSymbol>> callers = new HashMap<>();

    Map<MethodSymbol, MethodSummary> solve() {
      Map<MethodSymbol, BlockingChain> blocking = new HashMap<>();
      Deque<MethodSymbol> queue = new ArrayDeque<>();
      for (Map.Entry<MethodSymbol, Body> entry : bodies.entrySet()) {
        MethodSymbol method = entry.getKey();
        for (MethodSymbol callee : entry.getValue().callees) {
          callers.computeIfAbsent(callee, c -> new ArrayList<>()).add(method);
        }
        if (entry.getValue().direct != null && !apis.isDeclaredNonBlocking(method)) {
          blocking.put(method, entry.getValue().direct.through(display(method)));
          queue.add(method);
        }
      }
      while (!queue.isEmpty()) {
        MethodSymbol callee = queue.poll();
        BlockingChain chain = blocking.get(callee);
        for (MethodSymbol caller : callers.getOrDefault(callee, List.of())) {
          if (!blocking.containsKey(caller) && !apis.isDeclaredNonBlocking(caller)) {
            blocking.put(caller, chain.through(display(caller)));
            queue.add(caller);
          }
        }
      }
      Map<MethodSymbol, MethodSummary> result = new HashMap<>();
      // Only blocking methods get a summary: a missing one means "does not block", and building
      // a key for every method of every file showed up in the benchmark's profile.
      blocking.forEach((method, chain) -> result.put(method, new MethodSummary(key(method), chain)));
      return result;
    }
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
