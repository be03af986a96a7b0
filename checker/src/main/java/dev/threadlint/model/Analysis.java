package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import dev.threadlint.model.BlockingApis.BlockingApi;
import dev.threadlint.model.ThreadModel.AnnotationTarget;
import dev.threadlint.model.ThreadModel.EagerFactoryRule;
import dev.threadlint.model.ThreadModel.ProxiedAsyncRule;
import dev.threadlint.model.ThreadModel.ReactiveType;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The model facts of one compilation, shared by every check: the knowledge base, the type cache,
 * the context resolver and the summaries of the unit being scanned (computed once per unit, on
 * first use, whichever check asks first).
 */
public final class Analysis {
  private static final Context.Key<Analysis> KEY = new Context.Key<>();

  private final ThreadModel model;
  private final ApiMatcher matcher = new ApiMatcher();
  private final BlockingApis blockingApis;
  private final ContextResolver contexts;
  private final ThreadSafety threadSafety;
  private @Nullable CompilationUnitTree sharedUnit;
  private @Nullable SharedAccesses shared;
  private final AsyncApis asyncApis;
  private final RulesByName<EagerFactoryRule> eagerFactories;
  private final RulesByName<MemberPattern> subscribingCalls;
  private final KnownCompletion knownCompletion;
  private final AsyncSignatures asyncSignatures;
  private @Nullable CompilationUnitTree summarizedUnit;
  private @Nullable UnitSummaries summaries;
  private final LockApis lockApis;
  private @Nullable CompilationUnitTree lockedUnit;
  private @Nullable UnitLocks locks;
  private @Nullable CompilationUnitTree waitedUnit;
  private @Nullable LockWaits lockWaits;
  private @Nullable CompilationUnitTree accessedUnit;
  private @Nullable FieldAccesses accesses;

  private Analysis(ThreadModel model) {
    this.model = model;
    this.blockingApis = new BlockingApis(model, matcher);
    this.contexts = new ContextResolver(model, matcher, blockingApis);
    this.threadSafety = new ThreadSafety(model, matcher);
    this.lockApis = new LockApis(model, matcher);
    this.asyncApis = new AsyncApis(model, matcher);
    this.eagerFactories = new RulesByName<>(model.eagerFactoryRules(), EagerFactoryRule::member);
    this.subscribingCalls = RulesByName.of(model.subscribingCalls());
    this.knownCompletion = new KnownCompletion(asyncApis, blockingApis);
    this.asyncSignatures = new AsyncSignatures(asyncApis);
  }

  /** The analysis of the compilation {@code state} belongs to, created on first use. */
  public static Analysis of(VisitorState state, Supplier<ThreadModel> model) {
    Context context = state.context;
    Analysis analysis = context.get(KEY);
    if (analysis == null) {
      analysis = new Analysis(model.get());
      context.put(KEY, analysis);
    }
    return analysis;
  }

  /**
   * The analysis a check of this compilation already created; for model code reached from a
   * check (such as {@link LockSet#heldAt}), never the first access.
   */
  public static Analysis current(VisitorState state) {
    Analysis analysis = state.context.get(KEY);
    if (analysis == null) {
      throw new IllegalStateException("no Analysis yet: get it through ConfiguredAnalysis first");
    }
    return analysis;
  }

  public ThreadModel model() {
    return model;
  }

  public BlockingApis blockingApis() {
    return blockingApis;
  }

  /** What the model says about futures and publishers (the async family). */
  public AsyncApis asyncApis() {
    return asyncApis;
  }

  /** Which waits on futures return at once because the future is known to be complete. */
  public KnownCompletion knownCompletion() {
    return knownCompletion;
  }

  /** Facts about methods that return futures: what they return, what fixes their signature. */
  public AsyncSignatures asyncSignatures() {
    return asyncSignatures;
  }

  public ContextResolver contexts() {
    return contexts;
  }

  public ThreadSafety threadSafety() {
    return threadSafety;
  }

  /** The shared-state accesses and tasks of the compilation unit {@code state} is in. */
  public SharedAccesses sharedAccesses(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != sharedUnit || shared == null) {
      shared = SharedAccesses.compute(unit, contexts, blockingApis, threadSafety, asyncApis, state);
      sharedUnit = unit;
    }
    return shared;
  }

  /** The summaries of the compilation unit {@code state} is in. */
  public UnitSummaries summaries(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != summarizedUnit || summaries == null) {
      summaries = UnitSummaries.compute(unit, contexts, blockingApis, knownCompletion, lockApis, state);
      summarizedUnit = unit;
    }
    return summaries;
  }

  public LockApis lockApis() {
    return lockApis;
  }

  /** The lock facts of the compilation unit {@code state} is in. */
  public UnitLocks locks(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != lockedUnit || locks == null) {
      locks = lockApis.mayAcquireIn(unit) ? UnitLocks.compute(unit, lockApis, contexts, state) : UnitLocks.NONE;
      lockedUnit = unit;
    }
    return locks;
  }

  /**
   * Whether a blocking chain is only a wait for locks whose critical sections are all short
   * ({@link LockWaits}): a call that blocks no more than entering a {@code synchronized} block.
   */
  public boolean isShortLockWait(BlockingChain chain, Tree call, MethodSymbol method, VisitorState state) {
    return chain.waitsForLock() && lockWaits(state).waitsOnlyForShortLocks(call, method);
  }

  /** Which waits for a lock in the compilation unit {@code state} is in are short. */
  public LockWaits lockWaits(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != waitedUnit || lockWaits == null) {
      lockWaits = LockWaits.compute(unit, locks(state), summaries(state), blockingApis, state);
      waitedUnit = unit;
    }
    return lockWaits;
  }

  /** The field accesses of the compilation unit {@code state} is in, with their locks. */
  public FieldAccesses fieldAccesses(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != accessedUnit || accesses == null) {
      accesses = FieldAccesses.compute(unit, locks(state), model, matcher, state);
      accessedUnit = unit;
    }
    return accesses;
  }

  /**
   * Whether a call of {@code method} may block: the knowledge base names it, or it is declared in
   * this unit, whose summaries tell. A cheap test that needs no path: {@link #blockingChain} is
   * null for every call it rejects (most calls).
   */
  public boolean mayBlock(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    return blockingApis.lookup(method, receiver, state) != null || declaredInUnit(method, state);
  }

  /**
   * How a call of {@code method} blocks: directly (the knowledge base names it) or through the
   * methods of this unit it calls; null if it does not block as far as the model knows, if the
   * call at {@code state}'s path waits on an object known to be complete, or if it passes a
   * constant flag its callee blocks only without.
   */
  public @Nullable BlockingChain blockingChain(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    BlockingApi api = blockingApis.lookup(method, receiver, state);
    if (api != null) {
      return knownCompletion.returnsAtOnce(state.getPath(), method, receiver, state)
          ? null
          : BlockingChain.direct(api.call(), api.what(), api.waitsForLock());
    }
    MethodSummary summary = summaries(state).summary(method);
    if (summary == null || summary.onlyIf() != null && summary.onlyIf().ruledOutAt(state.getPath().getLeaf())) {
      return null; // blocks only for another value of a flag than the call passes
    }
    return summary.blocking();
  }

  /**
   * Whether the method is declared in the compilation unit {@code state} is in, so that the unit's
   * summaries say whether it blocks.
   */
  public boolean declaredInUnit(MethodSymbol method, VisitorState state) {
    return SourceUnits.memberOf(method, state.getPath().getCompilationUnit());
  }

  /** A call that blocks, and how. */
  public record BlockingCall(Tree call, BlockingChain chain) {}

  /**
   * The first call that blocks while the expression at {@code expression} is evaluated: calls in
   * it, not in the lambdas, method references or class bodies it creates (they run later). Null
   * if none blocks as far as the model knows.
   */
  public @Nullable BlockingCall firstBlockingCallIn(TreePath expression, VisitorState state) {
    BlockingCall[] found = new BlockingCall[1];
    new LazyPathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] != null ? null : super.scan(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        super.visitMethodInvocation(tree, null); // arguments are evaluated first
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        if (found[0] == null && method != null) {
          check(tree, method, ASTHelpers.getReceiverType(tree));
        }
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        for (Tree argument : tree.getArguments()) {
          scan(argument, null);
        }
        MethodSymbol constructor = ASTHelpers.getSymbol(tree);
        if (found[0] == null && constructor != null) {
          check(tree, constructor, null);
        }
        return null;
      }

      private void check(Tree call, MethodSymbol method, @Nullable Type receiver) {
        VisitorState here = state.withPath(getCurrentPath());
        BlockingChain chain = blockingChain(method, receiver, here);
        if (chain != null && !isShortLockWait(chain, call, method, here)) {
          found[0] = new BlockingCall(call, chain);
        }
      }
    }.scan(expression, null);
    return found[0];
  }

  /** The {@code eager-factory} rule of a call ({@code Mono.just}), or null. */
  public @Nullable EagerFactoryRule eagerFactory(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    for (EagerFactoryRule rule : eagerFactories.candidates(method.getSimpleName())) {
      if (matcher.matchesCall(rule.member(), method, receiver, state)) {
        return rule;
      }
    }
    return null;
  }

  /** The reactive type of the model that {@code type} is (or extends), or null. */
  public @Nullable ReactiveType reactiveType(@Nullable Type type, VisitorState state) {
    return contexts.reactiveType(type, state);
  }

  /** Whether publishers of the type are hot (a {@code hot-source} rule): processors, subjects. */
  public boolean isHotSource(@Nullable Type type, VisitorState state) {
    for (String hot : model.hotSourceTypes()) {
      if (matcher.isSubtype(type, hot, state)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the call subscribes to its receiver itself (a {@code subscribes} rule). */
  public boolean subscribes(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    for (MemberPattern pattern : subscribingCalls.candidates(method.getSimpleName())) {
      if (matcher.matchesCall(pattern, method, receiver, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why calls of {@code method} run asynchronously through a proxy, or null.
   *
   * @param rule the model rule
   * @param onClass whether the annotation is on the method's class rather than on the method
   */
  public record ProxiedAsync(ProxiedAsyncRule rule, boolean onClass) {}

  /**
   * Whether the method runs through an async proxy ({@code @Async} on it, or on its class for a
   * public method); static methods never do.
   */
  public @Nullable ProxiedAsync proxiedAsync(MethodSymbol method) {
    if (method.isStatic() || method.isConstructor()) {
      return null;
    }
    for (ProxiedAsyncRule rule : model.proxiedAsyncRules()) {
      if (matcher.hasAnnotation(method, rule.annotation())) {
        return new ProxiedAsync(rule, false);
      }
      if (rule.target() == AnnotationTarget.ANY
          && (method.flags() & Flags.PUBLIC) != 0
          && method.enclClass() != null
          && matcher.hasAnnotation(method.enclClass(), rule.annotation())) {
        return new ProxiedAsync(rule, true);
      }
    }
    return null;
  }
}
