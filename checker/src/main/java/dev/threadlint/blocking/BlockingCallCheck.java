package dev.threadlint.blocking;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
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
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.config.UnitReports;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.BlockingChain;
import dev.threadlint.model.ContextResolver;
import dev.threadlint.model.ThreadContext;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadContext.Remedy;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The shared logic of the blocking-call checks of every family: a call that blocks (directly or
 * through methods of this unit), in code whose thread context is the one the concrete check
 * covers (an event loop, a UI thread, the common pool).
 */
public abstract class BlockingCallCheck extends BugChecker implements CompilationUnitTreeMatcher {

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

  /** The nodes that call a method: invocations, constructor calls, method references. */
  private static final Set<Tree.Kind> CALLS =
      EnumSet.of(Tree.Kind.METHOD_INVOCATION, Tree.Kind.NEW_CLASS, Tree.Kind.MEMBER_REFERENCE);

  /**
   * Loads the model at the start of every unit (a bad configuration is reported even in code with
   * no calls) and scans the calls of the unit only if some of its code may run in the reported
   * context: most units have no event-loop, UI or common-pool code, and this check then costs
   * them nothing per call.
   */
  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.analyseUnit(
        tree,
        state,
        canonicalName(),
        facts -> {
          if (facts.contexts().unitMayRunIn(reportedKind(), new TreePath(tree), state)) {
            UnitReports.scan(
                this, tree, CALLS, (call, path, unitState) -> matchCall(call, path, facts, unitState), state);
          }
        });
  }

  /** One call of the unit; an internal error skips that call only. */
  private Description matchCall(
      Tree tree, Supplier<TreePath> path, Analysis analysis, VisitorState state) {
    try {
      return checkCall(tree, path, analysis, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  private Description checkCall(
      Tree tree, Supplier<TreePath> path, Analysis analysis, VisitorState state) {
    if (tree instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      return method == null
          ? Description.NO_MATCH
          : checkCall(call, method, ASTHelpers.getReceiverType(call), path, analysis, state);
    }
    if (tree instanceof NewClassTree creation) {
      MethodSymbol constructor = ASTHelpers.getSymbol(creation);
      return constructor == null
          ? Description.NO_MATCH
          : checkCall(creation, constructor, null, path, analysis, state);
    }
    MemberReferenceTree reference = (MemberReferenceTree) tree;
    MethodSymbol method = ASTHelpers.getSymbol(reference);
    if (method == null) {
      return Description.NO_MATCH;
    }
    Type receiver =
        method.isStatic() || method.isConstructor()
            ? null
            : ASTHelpers.getType(reference.getQualifierExpression());
    return checkCall(reference, method, receiver, path, analysis, state);
  }

  private Description checkCall(
      Tree tree,
      MethodSymbol method,
      @Nullable Type receiver,
      Supplier<TreePath> path,
      Analysis analysis,
      VisitorState unitState) {
    if (!analysis.mayBlock(method, receiver, unitState)) {
      return Description.NO_MATCH; // most calls
    }
    VisitorState state = unitState.withPath(path.get());
    ContextResolver contexts = analysis.contexts();
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
    BlockingChain chain = analysis.blockingChain(method, receiver, state);
    if (chain == null || analysis.isShortLockWait(chain, tree, method, state)) {
      return Description.NO_MATCH; // a lock whose holders never block is held as briefly as theirs
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
