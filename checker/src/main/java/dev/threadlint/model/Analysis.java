package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import dev.threadlint.model.BlockingApis.BlockingApi;
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
  private final AsyncApis asyncApis;
  private final KnownCompletion knownCompletion;
  private final AsyncSignatures asyncSignatures;
  private @Nullable CompilationUnitTree summarizedUnit;
  private @Nullable UnitSummaries summaries;

  private Analysis(ThreadModel model) {
    this.model = model;
    this.blockingApis = new BlockingApis(model, matcher);
    this.contexts = new ContextResolver(model, matcher, blockingApis);
    this.asyncApis = new AsyncApis(model, matcher);
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

  /** The summaries of the compilation unit {@code state} is in. */
  public UnitSummaries summaries(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != summarizedUnit || summaries == null) {
      summaries = UnitSummaries.compute(unit, contexts, blockingApis, state);
      summarizedUnit = unit;
    }
    return summaries;
  }

  /**
   * How a call of {@code method} blocks: directly (the knowledge base names it) or through the
   * methods of this unit it calls; null if it does not block as far as the model knows, or if
   * the call at {@code state}'s path waits on an object known to be complete.
   */
  public @Nullable BlockingChain blockingChain(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    BlockingApi api = blockingApis.lookup(method, receiver, state);
    if (api != null) {
      return blockingApis.waitsOnCompletedObject(state.getPath(), state)
          ? null
          : BlockingChain.direct(api.call(), api.what());
    }
    MethodSummary summary = summaries(state).summary(method);
    return summary == null ? null : summary.blocking();
  }
}
