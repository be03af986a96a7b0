package dev.threadlint.async;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis.ProxiedAsync;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.SelfReferences;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * A Spring {@code @Async} method called on {@code this} (implicitly, {@code this.m()}, {@code
 * Outer.this.m()}, {@code super.m()} or {@code this::m}): the call does not go through the proxy
 * that makes it asynchronous, so it runs synchronously on the calling thread.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "An @Async method called on this: the call bypasses the proxy that makes it asynchronous"
            + " and runs synchronously",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "AsyncSelfInvocation.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class AsyncSelfInvocation extends BugChecker
    implements MethodInvocationTreeMatcher, MemberReferenceTreeMatcher {
  private final ConfiguredAnalysis analysis;

  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public AsyncSelfInvocation(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public AsyncSelfInvocation() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    try {
      return check(tree, ASTHelpers.getSymbol(tree), ASTHelpers.getReceiver(tree), state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    try {
      return check(tree, ASTHelpers.getSymbol(tree), tree.getQualifierExpression(), state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  private Description check(
      Tree tree, @Nullable MethodSymbol method, @Nullable ExpressionTree receiver, VisitorState state) {
    if (method == null || !isSelf(receiver)) {
      return Description.NO_MATCH;
    }
    Analysis analysis = this.analysis.get(state);
    ProxiedAsync async = analysis == null ? null : analysis.proxiedAsync(method);
    // The finding's message in a method of its own: C1 compiles a whole method, and this one
    // runs on every call.
    return async == null ? Description.NO_MATCH : describe(tree, method, async);
  }

  private Description describe(Tree tree, MethodSymbol method, ProxiedAsync async) {
    String annotation = "@" + simpleName(async.rule().annotation());
    String why =
        async.onClass()
            ? "`" + method.getSimpleName() + "` is a public method of `"
                + method.enclClass().getSimpleName() + "`, which is annotated `" + annotation + "`"
            : "`" + method.getSimpleName() + "` is annotated `" + annotation + "`";
    String framework = async.rule().framework();
    return buildDescription(tree)
        .setMessage(
            why
                + ", but this call is on `this`: "
                + framework
                + " makes it asynchronous with a proxy around the object, and a call from inside"
                + " the object does not go through the proxy, so it runs synchronously on the"
                + " calling thread (a returned future is already complete when the call returns)."
                + " Call it through the proxy: move the method to another bean and inject that"
                + " one, or hand the work to an executor explicitly.")
        .build();
  }

  /**
   * Whether the call is made on the current object: no receiver (an instance method of this or an
   * enclosing class), {@code this}, {@code Outer.this} or {@code super}.
   */
  private static boolean isSelf(@Nullable ExpressionTree receiver) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(receiver);
    if (stripped == null) {
      return true;
    }
    return SelfReferences.isThisOrSuper(stripped);
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
