package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadContext.Remedy;
import dev.threadlint.model.ThreadModel.ChainRole;
import dev.threadlint.model.ThreadModel.ChainRule;
import dev.threadlint.model.ThreadModel.ReactiveType;
import dev.threadlint.model.ThreadModel.SchedulerRule;
import org.jspecify.annotations.Nullable;

/**
 * Where the lambdas of a Reactor or RxJava chain run. Operators run on the thread that delivers
 * the signal, which must not block, unless the visible chain moves them: the nearest {@code
 * publishOn}/{@code observeOn} before the operator decides, else a {@code subscribeOn} anywhere
 * in the chain. Factories such as {@code fromCallable} run at subscription: they are known only
 * when the chain subscribes on a known scheduler. A chain consumed by a blocking terminal ({@code
 * block()}, {@code blockingGet()}) in the same expression runs on the caller's thread.
 */
final class ReactiveChains {
  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final BlockingApis blocking;

  private final ContextResolver contexts;

  ReactiveChains(
      ThreadModel model, ApiMatcher matcher, BlockingApis blocking, ContextResolver contexts) {
    this.model = model;
    this.matcher = matcher;
    this.blocking = blocking;
    this.contexts = contexts;
  }

  /** A scheduler move seen in the chain: the call, the kind of thread, the scheduler as written. */
  private record Move(MethodInvocationTree call, Kind kind, String scheduler) {}

  ThreadContext contextOfArgument(
      MethodInvocationTree call,
      TreePath callPath,
      MethodSymbol method,
      ReactiveType type,
      String what,
      VisitorState state) {
    boolean source = role(method, ASTHelpers.getReceiverType(call), state) == ChainRole.SOURCE;

    Move publishOn = null;
    Move subscribeOn = null;
    for (ExpressionTree up = ASTHelpers.getReceiver(call);
        up instanceof MethodInvocationTree upstream;
        up = ASTHelpers.getReceiver(upstream)) {
      MethodSymbol sym = ASTHelpers.getSymbol(upstream);
      if (sym == null) {
        break;
      }
      ChainRule rule = chainRule(sym, ASTHelpers.getReceiverType(upstream), state);
      ChainRole role = rule == null ? null : rule.role();
      if (role == ChainRole.PUBLISH_ON && publishOn == null) {
        publishOn = firstArgumentMove(upstream, state);
      } else if (role == ChainRole.EMITS_ON && publishOn == null) {
        publishOn = timedMove(upstream, rule, state);
      } else if (role == ChainRole.SUBSCRIBE_ON && subscribeOn == null) {
        subscribeOn = firstArgumentMove(upstream, state);
      }
    }

    boolean blockingTerminal = false;
    TreePath p = callPath;
    while (p.getParentPath() != null) {
      TreePath parent = p.getParentPath();
      while (parent.getLeaf() instanceof ParenthesizedTree && parent.getParentPath() != null) {
        parent = parent.getParentPath();
      }
      if (!(parent.getLeaf() instanceof MemberSelectTree select)
          || parent.getParentPath() == null
          || !(parent.getParentPath().getLeaf() instanceof MethodInvocationTree next)
          || next.getMethodSelect() != select) {
        break;
      }
      MethodSymbol sym = ASTHelpers.getSymbol(next);
      if (sym == null) {
        break;
      }
      Type receiver = ASTHelpers.getReceiverType(next);
      if (blocking.lookup(sym, receiver, state) != null) {
        blockingTerminal = true;
        break;
      }
      if (role(sym, receiver, state) == ChainRole.SUBSCRIBE_ON && subscribeOn == null) {
        subscribeOn = firstArgumentMove(next, state);
      }
      p = parent.getParentPath();
    }

    String operator =
        "`" + ApiMatcher.ownerName(method) + "#" + method.getSimpleName() + "`";
    String framework = type.framework();
    if (source) {
      if (subscribeOn != null) {
        return moved(subscribeOn, what + " is passed to " + operator + ", which runs it at subscription", framework);
      }
      if (blockingTerminal) {
        return ThreadContext.caller();
      }
      ThreadContext returned = returnedToEventLoop(p, state);
      if (returned != null) {
        return ThreadContext.of(
            Kind.EVENT_LOOP,
            what + " is passed to " + operator + ", which runs it at subscription, and the chain "
                + returned.reason(),
            returned.framework());
      }
      return ThreadContext.unknown();
    }
    if (publishOn != null) {
      // Name the call as written: RxJava's is observeOn.
      String move = ASTHelpers.getSymbol(publishOn.call()).getSimpleName().toString();
      return moved(publishOn, what + " is passed to " + operator + " after `" + move + "`", framework);
    }
    if (subscribeOn != null) {
      return moved(subscribeOn, what + " is passed to " + operator + " in a chain that subscribes on a scheduler", framework);
    }
    if (blockingTerminal) {
      return ThreadContext.caller();
    }
    String reason =
        what
            + " is passed to "
            + operator
            + "; "
            + framework
            + " operators run on the thread that delivers the signal, and nothing in this chain"
            + " moves them to a scheduler where blocking is allowed";
    Remedy remedy =
        type.offload() != null && !method.isStatic() && ASTHelpers.getReceiver(call) != null
            ? new Remedy(null, type.offload(), type.offloadImport())
            : null;
    return new ThreadContext(Kind.EVENT_LOOP, reason, framework, call, remedy);
  }

  /**
   * When the chain at {@code chain} is returned, as is, by a method that a framework calls on an
   * event loop and whose result it subscribes to there (a WebFlux handler returning a publisher):
   * a context whose reason says so ("is returned by `profile`, which ..."). Otherwise null.
   */
  private @Nullable ThreadContext returnedToEventLoop(TreePath chain, VisitorState state) {
    TreePath p = chain.getParentPath();
    while (p != null && p.getLeaf() instanceof ParenthesizedTree) {
      p = p.getParentPath();
    }
    if (p == null || !(p.getLeaf() instanceof ReturnTree)) {
      return null;
    }
    for (; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
        return null;
      }
      if (p.getLeaf() instanceof MethodTree tree) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        ThreadContext context = contexts.contextOfMethod(p, state);
        if (method == null
            || context.kind() != Kind.EVENT_LOOP
            || context.framework().isEmpty()
            || !matcher.isSubtype(method.getReturnType(), "org.reactivestreams.Publisher", state)) {
          return null;
        }
        String reason =
            "is returned by `" + method.getSimpleName() + "`, which " + context.framework()
                + " subscribes to on " + model.framework(context.framework()).thread()
                + " (no subscribeOn moves it)";
        return ThreadContext.of(Kind.EVENT_LOOP, reason, context.framework());
      }
    }
    return null;
  }

  private static ThreadContext moved(Move move, String reason, String framework) {
    return switch (move.kind()) {
      case WORKER, COMMON_POOL, EVENT_LOOP ->
          ThreadContext.of(
              move.kind(),
              reason
                  + " ("
                  + move.scheduler()
                  + (move.kind() == Kind.EVENT_LOOP
                      ? " runs on non-blocking threads)"
                      : " allows blocking)"),
              framework);
      default -> ThreadContext.unknown();
    };
  }

  private @Nullable ChainRole role(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    ChainRule rule = chainRule(method, receiver, state);
    return rule == null ? null : rule.role();
  }

  private @Nullable ChainRule chainRule(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    for (ChainRule rule : model.chainRules()) {
      if (matcher.matchesCall(rule.member(), method, receiver, state)) {
        return rule;
      }
    }
    return null;
  }

  /** publishOn/subscribeOn: the scheduler is the first argument. */
  private Move firstArgumentMove(MethodInvocationTree move, VisitorState state) {
    if (move.getArguments().isEmpty()) {
      return new Move(move, Kind.UNKNOWN, "");
    }
    ExpressionTree scheduler = move.getArguments().get(0);
    return new Move(move, schedulerKind(scheduler, state), scheduler.toString());
  }

  /** A timed source or operator: the scheduler among its arguments, else its default one. */
  private Move timedMove(MethodInvocationTree move, ChainRule rule, VisitorState state) {
    for (ExpressionTree argument : move.getArguments()) {
      Type type = ASTHelpers.getType(argument);
      if (type != null && type.tsym != null && type.tsym.getSimpleName().contentEquals("Scheduler")) {
        return new Move(move, schedulerKind(argument, state), argument.toString());
      }
    }
    Kind kind = rule.defaultKind() == null ? Kind.UNKNOWN : rule.defaultKind();
    return new Move(move, kind, "the scheduler it emits on by default");
  }

  /** The kind of thread a scheduler expression provides, from the {@code scheduler} rules. */
  private Kind schedulerKind(ExpressionTree expression, VisitorState state) {
    ExpressionTree scheduler = ASTHelpers.stripParentheses(expression);
    if (scheduler instanceof MethodInvocationTree factory) {
      MethodSymbol sym = ASTHelpers.getSymbol(factory);
      if (sym != null) {
        for (SchedulerRule rule : model.schedulerRules()) {
          if (matcher.matchesCall(rule.member(), sym, ASTHelpers.getReceiverType(factory), state)) {
            return rule.kind();
          }
        }
      }
    }
    return Kind.UNKNOWN;
  }
}
