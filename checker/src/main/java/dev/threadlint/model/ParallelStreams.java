package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.StreamModeRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the lambdas of a stream pipeline run. A pipeline is the chain of calls on a {@code stream}
 * type of the model, from its source ({@code list.parallelStream()}) to its terminal operation;
 * as at run time, the last {@code parallel()}/{@code sequential()} of the whole pipeline (or else
 * its source) decides for every operation of it, before or after. Lambdas passed to the
 * operations of a parallel pipeline, or to a call the model marks parallel itself ({@code
 * Arrays.parallelSetAll}), run on {@code ForkJoinPool.commonPool()}; the call that starts them
 * waits for them. Pipelines the chain does not show whole (a stream held in a variable) keep the
 * {@code callback} rules' answer.
 */
final class ParallelStreams {
  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final RulesByName<StreamModeRule> modeRules;

  ParallelStreams(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
    this.modeRules = new RulesByName<>(model.streamModeRules(), StreamModeRule::member);
  }

  /** What decided a pipeline: parallel or not (null: cannot tell), and the call that decided. */
  private record Mode(@Nullable Boolean parallel, MethodInvocationTree decidedBy) {}

  /**
   * The context of a lambda ({@code what}) passed to {@code call} at {@code callPath}, when the
   * call is an operation of a parallel pipeline or parallel itself: common pool; unknown when
   * the pipeline's mode depends on a value the code does not show; null when this is not a
   * parallel operation.
   */
  @Nullable ThreadContext contextOfArgument(
      MethodInvocationTree call, TreePath callPath, MethodSymbol method, String what, VisitorState state) {
    Mode mode;
    if (isOperation(call, method, state)) {
      mode = pipelineMode(call, callPath, state);
    } else {
      StreamModeRule own = rule(call, method, state);
      mode = own == null || !Boolean.TRUE.equals(own.parallel()) ? null : new Mode(true, call);
    }
    if (mode == null || Boolean.FALSE.equals(mode.parallel())) {
      return null;
    }
    if (mode.parallel() == null) {
      return ThreadContext.unknown();
    }
    String operation = "`" + ownerName(method, call, state) + "#" + method.getSimpleName() + "`";
    String reason =
        mode.decidedBy() == call
            ? what + " is passed to " + operation + ", which runs it on ForkJoinPool.commonPool()"
            : what
                + " is passed to "
                + operation
                + " of a parallel stream (made parallel by `"
                + ASTHelpers.getSymbol(mode.decidedBy()).getSimpleName()
                + "()`), which runs it on ForkJoinPool.commonPool()";
    return new ThreadContext(Kind.COMMON_POOL, reason, "JDK", call, null);
  }

  /**
   * Whether a lambda passed to {@code call} runs before the call returns: an operation of a
   * stream pipeline (the terminal operation waits for the parallel work), or a parallel call.
   */
  boolean waitsForArguments(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    if (isOperation(call, method, state)) {
      return true;
    }
    StreamModeRule own = rule(call, method, state);
    return own != null && Boolean.TRUE.equals(own.parallel());
  }

  private boolean isOperation(MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    return !method.isStatic() && isStream(ASTHelpers.getReceiverType(call), state);
  }

  private boolean isStream(@Nullable Type type, VisitorState state) {
    for (String stream : model.streamTypes()) {
      if (matcher.isSubtype(type, stream, state)) {
        return true;
      }
    }
    return false;
  }

  /** The mode of the pipeline {@code call} is an operation of; null when nothing decides it. */
  private @Nullable Mode pipelineMode(
      MethodInvocationTree call, TreePath callPath, VisitorState state) {
    // Downstream first: the calls the chain makes on this call's result, nearest the terminal
    // operation last, so the loop below meets the pipeline in order from its end.
    List<MethodInvocationTree> downstream = new ArrayList<>();
    TreePath p = callPath;
    while (isStream(ASTHelpers.getType((ExpressionTree) p.getLeaf()), state)) {
      TreePath parent = p.getParentPath();
      while (parent != null && parent.getLeaf() instanceof ParenthesizedTree) {
        parent = parent.getParentPath();
      }
      if (parent == null
          || !(parent.getLeaf() instanceof MemberSelectTree select)
          || parent.getParentPath() == null
          || !(parent.getParentPath().getLeaf() instanceof MethodInvocationTree next)
          || next.getMethodSelect() != select) {
        break;
      }
      downstream.add(0, next);
      p = parent.getParentPath();
    }
    List<MethodInvocationTree> pipeline = new ArrayList<>(downstream);
    pipeline.add(call);
    for (ExpressionTree up = ASTHelpers.stripParentheses(ASTHelpers.getReceiver(call));
        up instanceof MethodInvocationTree upstream;
        up = ASTHelpers.stripParentheses(ASTHelpers.getReceiver(upstream))) {
      pipeline.add(upstream);
      if (!isStream(ASTHelpers.getReceiverType(upstream), state)) {
        break; // the source: `list.parallelStream()`
      }
    }
    for (MethodInvocationTree step : pipeline) {
      MethodSymbol sym = ASTHelpers.getSymbol(step);
      StreamModeRule rule = sym == null ? null : rule(step, sym, state);
      if (rule != null) {
        return new Mode(parallelOf(rule, step), step);
      }
    }
    return null;
  }

  private static @Nullable Boolean parallelOf(StreamModeRule rule, MethodInvocationTree call) {
    if (rule.parallel() != null) {
      return rule.parallel();
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    int index = rule.argument() == -1 ? arguments.size() - 1 : rule.argument();
    if (index < 0 || index >= arguments.size()) {
      return null;
    }
    return ASTHelpers.constValue(arguments.get(index), Boolean.class);
  }

  private @Nullable StreamModeRule rule(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    List<StreamModeRule> candidates = modeRules.candidates(method.getSimpleName());
    if (candidates.isEmpty()) {
      return null; // asked for every call a lambda is passed to: most are no stream operation
    }
    Type receiver = ASTHelpers.getReceiverType(call);
    for (StreamModeRule rule : candidates) {
      if (matcher.matchesCall(rule.member(), method, receiver, state)) {
        return rule;
      }
    }
    return null;
  }

  private static String ownerName(MethodSymbol method, MethodInvocationTree call, VisitorState state) {
    Type receiver = ASTHelpers.getReceiverType(call);
    return !method.isStatic() && receiver != null && receiver.tsym != null
        ? state.getTypes().erasure(receiver).tsym.getQualifiedName().toString()
        : ApiMatcher.ownerName(method);
  }
}
