package dev.threadlint.async;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.Analysis.BlockingCall;
import dev.threadlint.model.BlockingChain;
import dev.threadlint.model.ThreadContext;
import dev.threadlint.model.ThreadModel.EagerFactoryRule;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * {@code Mono.just(load())}: a reactive factory that takes a value, whose argument blocks. The
 * argument is evaluated at assembly, on the thread that builds the chain, whatever scheduler the
 * subscription later uses.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Blocking call in the argument of Mono.just/Flux.just/Single.just: it runs when the chain is"
            + " built, on the caller's thread, not when it is subscribed",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "EagerBlockingInReactiveAssembly.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class EagerBlockingInReactiveAssembly extends BugChecker
    implements MethodInvocationTreeMatcher {
  private final ConfiguredAnalysis analysis;

  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public EagerBlockingInReactiveAssembly(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public EagerBlockingInReactiveAssembly() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    try {
      return check(tree, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  private Description check(MethodInvocationTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method == null || tree.getArguments().isEmpty()) {
      return Description.NO_MATCH;
    }
    Analysis analysis = this.analysis.get(state);
    if (analysis == null) {
      return Description.NO_MATCH;
    }
    EagerFactoryRule rule = analysis.eagerFactory(method, ASTHelpers.getReceiverType(tree), state);
    if (rule == null || !runsAtAssemblyHere(state.getPath(), analysis, state)) {
      return Description.NO_MATCH;
    }
    for (ExpressionTree argument : tree.getArguments()) {
      BlockingCall blocking =
          analysis.firstBlockingCallIn(new TreePath(state.getPath(), argument), state);
      if (blocking != null) {
        Description.Builder description =
            buildDescription(tree).setMessage(message(tree, method, rule, blocking.chain(), state));
        SuggestedFix fix = fix(tree, rule, state);
        if (fix != null) {
          description.addFix(fix);
        }
        return description.build();
      }
    }
    return Description.NO_MATCH;
  }

  /**
   * Whether the code at {@code path} runs where the check has something to say: not in a lambda
   * that runs later or elsewhere (a {@code Mono.defer} supplier is the lazy form already), not
   * where blocking is allowed, and not on an event loop or UI thread, where {@code
   * BlockingCallInEventLoop}/{@code BlockingCallOnUiThread} report the call itself.
   */
  private static boolean runsAtAssemblyHere(TreePath path, Analysis analysis, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        if (!analysis.contexts().runsBeforeCallReturns(p, state)) {
          return false;
        }
      } else if (leaf instanceof MethodTree) {
        ThreadContext context = analysis.contexts().contextOfMethod(p, state);
        return !context.kind().forbidsBlocking() && context.kind() != ThreadContext.Kind.WORKER;
      } else if (leaf instanceof ClassTree) {
        return true; // a field initializer: runs when the object is built
      }
    }
    return true;
  }

  private static String message(
      MethodInvocationTree tree,
      MethodSymbol method,
      EagerFactoryRule rule,
      BlockingChain chain,
      VisitorState state) {
    String factory = method.owner.getSimpleName() + "." + method.getSimpleName();
    String advice =
        rule.lazy() != null
            ? "Defer it: "
                + method.owner.getSimpleName()
                + "."
                + rule.lazy()
                + "(() -> ...)"
                + rule.offload()
                + " runs it at subscription, on a scheduler meant for blocking work"
            : "Defer it: build the source from a function run at subscription (fromCallable, or"
                + " defer(() -> " + factory + "(...))) and subscribe it on a scheduler meant for"
                + " blocking work";
    return "Blocking call at assembly: "
        + chain.describe()
        + ". `"
        + factory
        + "` takes a value, so its argument is evaluated now, on the thread that builds the chain,"
        + " not when the chain is subscribed: that thread waits, subscribeOn cannot move it, and"
        + " the call happens even if nobody subscribes. "
        + advice
        + ".";
  }

  /** {@code Mono.just(x)} to {@code Mono.fromCallable(() -> x).subscribeOn(...)}, when it compiles. */
  private static @Nullable SuggestedFix fix(
      MethodInvocationTree tree, EagerFactoryRule rule, VisitorState state) {
    if (rule.lazy() == null
        || tree.getArguments().size() != 1
        || !capturable(tree.getArguments().get(0))) {
      return null;
    }
    ExpressionTree argument = tree.getArguments().get(0);
    SuggestedFix.Builder fix =
        SuggestedFix.builder()
            .merge(SuggestedFixes.renameMethodInvocation(tree, rule.lazy(), state))
            .replace(argument, "() -> " + state.getSourceForNode(argument));
    if (subscribedOnNext(state)) {
      return fix.build(); // `Mono.just(x).subscribeOn(...)`: the scheduler is there already
    }
    fix.postfixWith(tree, rule.offload());
    if (rule.offloadImport() != null) {
      fix.addImport(rule.offloadImport());
    }
    return fix.build();
  }

  /** Whether the chain goes on with a subscribeOn right after the factory call. */
  private static boolean subscribedOnNext(VisitorState state) {
    TreePath parent = state.getPath().getParentPath();
    return parent != null
        && parent.getLeaf() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("subscribeOn");
  }

  /** Whether a lambda may capture every local the expression reads (all effectively final). */
  private static boolean capturable(ExpressionTree expression) {
    boolean[] ok = {true};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol instanceof VarSymbol variable
            && (variable.getKind() == ElementKind.LOCAL_VARIABLE
                || variable.getKind() == ElementKind.PARAMETER
                || variable.getKind() == ElementKind.EXCEPTION_PARAMETER
                || variable.getKind() == ElementKind.RESOURCE_VARIABLE)
            && !ASTHelpers.isConsideredFinal(variable)) {
          ok[0] = false;
        }
        return null;
      }
    }.scan(expression, null);
    return ok[0];
  }
}
