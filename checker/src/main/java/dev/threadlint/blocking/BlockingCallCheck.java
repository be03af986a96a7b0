package dev.threadlint.blocking;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.BlockingChain;
import dev.threadlint.model.ContextResolver;
import dev.threadlint.model.ThreadContext;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadContext.Remedy;
import org.jspecify.annotations.Nullable;

/**
 * The shared logic of the blocking-call checks of every family: a call that blocks (directly or
 * through methods of this unit), in code whose thread context is the one the concrete check
 * covers (an event loop, a UI thread, the common pool).
 */
public abstract class BlockingCallCheck extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodInvocationTreeMatcher,
        NewClassTreeMatcher,
        MemberReferenceTreeMatcher {

  private final ConfiguredAnalysis analysis;

  protected BlockingCallCheck(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** The context kind this check reports in. */
  protected abstract Kind reportedKind();

  /** The opening of the message, e.g. "Blocking call on an event loop". */
  protected abstract String headline();

  /** What the blocked thread stops doing, e.g. "every other callback on that loop waits". */
  protected abstract String consequence();

  /** Loads the model at the start of every unit, so a bad configuration is reported even in code with no calls. */
  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.enterUnit(tree, state, canonicalName());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    return method == null ? Description.NO_MATCH : check(tree, method, ASTHelpers.getReceiverType(tree), state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    MethodSymbol constructor = ASTHelpers.getSymbol(tree);
    return constructor == null ? Description.NO_MATCH : check(tree, constructor, null, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method == null) {
      return Description.NO_MATCH;
    }
    Type receiver =
        method.isStatic() || method.isConstructor()
            ? null
            : ASTHelpers.getType(tree.getQualifierExpression());
    return check(tree, method, receiver, state);
  }

  private Description check(
      Tree tree, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
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
    ContextResolver contexts = analysis.contexts();
    if (!contexts.unitMayRunIn(reportedKind(), state.getPath(), state)) {
      return Description.NO_MATCH; // no code of this unit runs there: most units
    }
    // The context first: the three blocking checks ask about the same node in turn, and the
    // context of its path is found once for all three; the knowledge base is asked only about
    // calls in the reported context.
    ThreadContext context = contexts.contextOf(state.getPath(), state);
    if (context.kind() != reportedKind()
        && reportedKind().forbidsBlocking()
        && contexts.unitMayRunIn(Kind.COMMON_POOL, state.getPath(), state)) {
      // A parallel stream's lambda runs on the common pool, but the event loop or UI thread that
      // runs the stream waits for it (and runs some elements itself).
      ThreadContext waiting = contexts.contextOfWaitingThread(state.getPath(), state);
      if (waiting != null) {
        context = waiting;
      }
    }
    if (context.kind() != reportedKind()) {
      return Description.NO_MATCH;
    }
    if (analysis.blockingApis().lookup(method, receiver, state) == null
        && !analysis.declaredInUnit(method, state)) {
      return Description.NO_MATCH; // neither blocking by the model nor a method with a summary
    }
    BlockingChain chain = analysis.blockingChain(method, receiver, state);
    if (chain == null) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        buildDescription(tree).setMessage(message(chain, context, analysis));
    SuggestedFix fix = fix(context, state);
    if (fix != null) {
      description.addFix(fix);
    }
    return description.build();
  }

  private String message(BlockingChain chain, ThreadContext context, Analysis analysis) {
    StringBuilder message = new StringBuilder(headline()).append(": ").append(chain.describe());
    message
        .append(". ")
        .append(capitalize(context.reason()))
        .append(". While it blocks, ")
        .append(consequence())
        .append(". ");
    String advice =
        context.framework().isEmpty() ? "" : analysis.model().framework(context.framework()).advice();
    message.append(capitalize(advice.isEmpty() ? defaultAdvice() : advice));
    if (message.charAt(message.length() - 1) != '.') {
      message.append('.');
    }
    return message.toString();
  }

  /** What to do when the framework of the context names no remedy of its own. */
  protected abstract String defaultAdvice();

  private static @Nullable SuggestedFix fix(ThreadContext context, VisitorState state) {
    Remedy remedy = context.remedy();
    if (remedy == null || !(context.origin() instanceof MethodInvocationTree origin)) {
      return null;
    }
    if (remedy.renameTo() != null) {
      return SuggestedFixes.renameMethodInvocation(origin, remedy.renameTo(), state);
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(origin);
    if (remedy.insertBefore() != null && receiver != null) {
      SuggestedFix.Builder fix = SuggestedFix.builder().postfixWith(receiver, remedy.insertBefore());
      if (remedy.importType() != null) {
        fix.addImport(remedy.importType());
      }
      return fix.build();
    }
    return null;
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
