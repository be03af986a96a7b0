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
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.KnownCompletion;
import dev.threadlint.model.Snippets;
import dev.threadlint.model.AsyncApis;
import dev.threadlint.model.BlockingApis;
import dev.threadlint.model.CodeRoles;
import dev.threadlint.model.ThreadContext;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.AsyncKind;
import dev.threadlint.model.ThreadModel.AsyncRole;
import dev.threadlint.model.ThreadModel.AsyncType;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * Waiting for a future ({@code join}, {@code get}, {@code block}, {@code blockingGet}) in code
 * that should compose: a method that itself returns a future or publisher, a continuation of one
 * ({@code thenApply(v -> other.join())}), or right after starting the task in the same
 * expression ({@code supplyAsync(...).get()}). Silent in tests, in {@code main}, and where the
 * future is known to be complete.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Waiting for a future inside async code: the thread blocks until the other work finishes; compose instead",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "SyncOverAsync.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class SyncOverAsync extends AsyncCheck implements MethodInvocationTreeMatcher {

  @Inject
  public SyncOverAsync(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public SyncOverAsync() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return guarded(state, analysis -> match(tree, analysis, state));
  }

  private Description match(MethodInvocationTree tree, Analysis analysis, VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method == null) {
      return Description.NO_MATCH;
    }
    Type receiverType = AsyncApis.receiverType(tree, method);
    // Most calls await nothing: the rest is a method of its own (C1 compiles a whole method, and
    // this one runs on every call).
    return async.is(AsyncRole.AWAITS, method, receiverType, state)
        ? matchAwait(tree, method, receiverType, analysis, state)
        : Description.NO_MATCH;
  }

  private Description matchAwait(
      MethodInvocationTree tree,
      MethodSymbol method,
      @Nullable Type receiverType,
      Analysis analysis,
      VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    ExpressionTree awaited = KnownCompletion.awaited(tree, method);
    if (awaited == null) {
      return Description.NO_MATCH;
    }
    String where = where(tree, awaited, analysis, state);
    if (where == null
        || CodeRoles.isTestCode(state.getPath(), state)
        || CodeRoles.isInMain(state.getPath(), state)
        || CodeRoles.isTestHook(state.getPath())
        || analysis.knownCompletion().isKnownComplete(state.getPath(), awaited, state)) {
      return Description.NO_MATCH;
    }
    Type awaitedType = ASTHelpers.getType(awaited);
    AsyncType awaitedAsync = async.asyncType(awaitedType, state);
    boolean publisher = awaitedAsync != null && awaitedAsync.kind() == AsyncKind.PUBLISHER;
    String call = BlockingApis.display(method, method.isStatic() ? null : receiverType);
    String handedOffBy = handedOffBy(tree, awaited, analysis, state);
    String message =
        "Sync over async: `"
            + call
            + "` blocks the thread until `"
            + Snippets.brief(awaited, state)
            + "` completes, "
            + where
            + ". The thread is held for the whole wait (a small pool or an event loop can"
            + " deadlock on it)"
            + (handedOffBy != null
                // The task was started in the same expression: nothing to compose with.
                ? ". Run the task directly instead of handing it to another thread and waiting for"
                    + " it; if it must run elsewhere, return the future `"
                    + handedOffBy
                    + "` gives (or continue from it) instead of waiting."
                : " and the async signature promises callers something it does not deliver."
                    + " Compose instead: "
                    + (publisher
                        ? "flatMap, zipWith or then(...) on the publisher."
                        : "thenCompose or thenCombine (Vert.x: compose), and return the composed future."));
    Description.Builder description = buildDescription(tree).setMessage(message);
    SuggestedFix unwrap = unwrapFix(tree, awaited, async, state);
    if (unwrap != null) {
      description.addFix(unwrap);
    }
    return description.build();
  }

  /**
   * {@code completedFuture(other.join())} (or {@code Mono.just(mono.block())}) where {@code other}
   * already has the type of the completed value's call: return {@code other} itself, which also
   * turns a thrown failure into a failed future.
   */
  private static @Nullable SuggestedFix unwrapFix(
      MethodInvocationTree tree, ExpressionTree awaited, AsyncApis async, VisitorState state) {
    Tree parent = state.getPath().getParentPath().getLeaf();
    if (!(parent instanceof MethodInvocationTree wrapper)
        || wrapper.getArguments().size() != 1
        || wrapper.getArguments().get(0) != tree
        || !async.is(AsyncRole.COMPLETED_VALUE, ASTHelpers.getSymbol(wrapper), null, state)) {
      return null;
    }
    Type awaitedType = ASTHelpers.getType(awaited);
    Type wrapperType = ASTHelpers.getType(wrapper);
    if (awaitedType == null
        || wrapperType == null
        || !state.getTypes().isSameType(awaitedType, wrapperType)) {
      return null;
    }
    return SuggestedFix.replace(wrapper, state.getSourceForNode(awaited));
  }

  /**
   * Why this wait is inside async code, as a phrase for the message, or null when it is not: the
   * nearest enclosing method returns an async type, or the nearest lambda is a continuation of a
   * future or publisher, or the wait follows the start of the task in the same expression.
   * Lambdas that run in place ({@code forEach}) are looked through.
   */
  private static @Nullable String where(
      MethodInvocationTree tree, ExpressionTree awaited, Analysis analysis, VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    for (TreePath p = state.getPath().getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        String continuation = continuationOf(p, async, state);
        if (continuation != null) {
          return continuation;
        }
        if (analysis.contexts().contextOfFunctional(p, state).kind() == Kind.CALLER) {
          continue; // runs in place (forEach, Optional.map): the enclosing code decides
        }
        return startedInPlace(tree, awaited, analysis, state);
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
      if (leaf instanceof MethodTree methodTree) {
        MethodSymbol enclosing = ASTHelpers.getSymbol(methodTree);
        if (enclosing != null && async.isAsync(enclosing.getReturnType(), state)) {
          return "inside `"
              + enclosing.getSimpleName()
              + "`, which itself returns a "
              + AsyncApis.simpleName(enclosing.getReturnType());
        }
        return startedInPlace(tree, awaited, analysis, state);
      }
    }
    return null;
  }

  /** "inside a continuation passed to `thenApply`" when the lambda is passed to a method of an async type. */
  private static @Nullable String continuationOf(
      TreePath lambdaPath, AsyncApis async, VisitorState state) {
    if (!(lambdaPath.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains(lambdaPath.getLeaf())) {
      return null;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || method.isStatic() || !async.isAsync(ASTHelpers.getReceiverType(call), state)) {
      return null;
    }
    return "inside a continuation passed to `"
        + method.getSimpleName()
        + "` of a "
        + AsyncApis.simpleName(ASTHelpers.getReceiverType(call));
  }

  /**
   * "right after `supplyAsync` handed the task to another thread" for {@code supplyAsync(() ->
   * ...).get()}, when {@link #handedOffBy} names the call.
   */
  private static @Nullable String startedInPlace(
      MethodInvocationTree tree, ExpressionTree awaited, Analysis analysis, VisitorState state) {
    String started = handedOffBy(tree, awaited, analysis, state);
    return started == null
        ? null
        : "right after `" + started + "` handed the task to another thread: the caller gains nothing but a thread hop";
  }

  /**
   * The name of the call that the wait follows in the same expression, when that call hands a
   * lambda or method reference to a pool thread (per the callback rules) and the wait has no
   * timeout (a timed wait is a deliberate bound): {@code supplyAsync} in {@code
   * supplyAsync(() -> ...).get()}. Null otherwise.
   */
  private static @Nullable String handedOffBy(
      MethodInvocationTree tree, ExpressionTree awaited, Analysis analysis, VisitorState state) {
    if (!tree.getArguments().isEmpty()
        || !(ASTHelpers.stripParentheses(awaited) instanceof MethodInvocationTree start)) {
      return null;
    }
    TreePath startPath = TreePath.getPath(state.getPath(), start);
    if (startPath == null) {
      return null;
    }
    for (ExpressionTree argument : start.getArguments()) {
      if (argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree) {
        ThreadContext context =
            analysis.contexts().contextOfFunctional(new TreePath(startPath, argument), state);
        if (context.kind() == Kind.WORKER || context.kind() == Kind.COMMON_POOL) {
          MethodSymbol started = ASTHelpers.getSymbol(start);
          return started == null ? "the call" : started.getSimpleName().toString();
        }
      }
    }
    return null;
  }

}
