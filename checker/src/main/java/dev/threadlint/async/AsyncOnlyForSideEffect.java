package dev.threadlint.async;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.AsyncApis;
import dev.threadlint.model.ThreadModel.AsyncRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * A method that is async only because it waits for a side effect whose result it ignores: every
 * return is a {@code side-effect} call (a log, audit or metrics write returning a future) followed
 * by {@code sync-continuation}s doing synchronous work ({@code log(...).thenApply(v ->
 * placeOrder(cart))}). The async signature then spreads to every caller for a log write.
 * Conservative: the side effect must be named by the model, its value ignored (no value, or an
 * unused lambda parameter), and nothing else in the method may touch a future.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Async only to wait for a side effect (a log or audit write) whose result is ignored: the async signature spreads to every caller",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "AsyncOnlyForSideEffect.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class AsyncOnlyForSideEffect extends AsyncReturnsCheck {

  @Inject
  public AsyncOnlyForSideEffect(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public AsyncOnlyForSideEffect() {
    this(ErrorProneFlags.empty());
  }

  /** A returned chain: the side-effect call and the synchronous continuations after it. */
  private record Chain(MethodInvocationTree sideEffect, List<MethodInvocationTree> continuations) {}

  @Override
  Description matchAsyncReturns(
      MethodTree tree, List<ExpressionTree> returned, Analysis analysis, VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    List<Chain> chains = new ArrayList<>();
    for (ExpressionTree expression : returned) {
      Chain chain = chain(expression, analysis, state);
      if (chain == null) {
        return Description.NO_MATCH;
      }
      chains.add(chain);
    }
    Set<Object> returnedTrees = Collections.newSetFromMap(new IdentityHashMap<>());
    returnedTrees.addAll(returned);
    if (analysis.asyncSignatures().touchesAsync(tree.getBody(), returnedTrees::contains, state)
        || analysis.asyncSignatures().signatureFixedBy(tree, state) != null) {
      return Description.NO_MATCH;
    }
    Set<String> sideEffects = new LinkedHashSet<>();
    Set<String> continuations = new LinkedHashSet<>();
    for (Chain chain : chains) {
      MethodSymbol effect = ASTHelpers.getSymbol(chain.sideEffect());
      sideEffects.add(
          "`" + effect.owner.getSimpleName() + "." + effect.getSimpleName() + "(...)`");
      for (MethodInvocationTree continuation : chain.continuations()) {
        continuations.add("`" + ASTHelpers.getSymbol(continuation).getSimpleName() + "`");
      }
    }
    Type returnType = method.getReturnType();
    String syncType = async.syncTypeName(returnType, state);
    String name = method.getSimpleName().toString();
    String message =
        "Async only for a side effect: `"
            + name
            + "` returns a "
            + AsyncApis.simpleName(returnType)
            + " only because it waits for "
            + String.join(" / ", sideEffects)
            + ", whose result it ignores; what runs after it ("
            + String.join(", ", continuations)
            + ") is synchronous. Every caller of `"
            + name
            + "` has to become async for a log write, and a slow or failing write delays or fails"
            + " the real work. Decouple the side effect (hand it to a queue or an async sink that"
            + " reports its own failures) and make `"
            + name
            + "` synchronous (return "
            + syncType
            + ").";
    return buildDescription(tree).setMessage(message).build();
  }

  /**
   * The chain {@code sideEffect(...).cont(...)...} the expression is, or null: at least one
   * synchronous continuation, none doing async work, on a side-effect call whose value the first
   * continuation ignores.
   */
  private static @Nullable Chain chain(
      ExpressionTree expression, Analysis analysis, VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    List<MethodInvocationTree> continuations = new ArrayList<>();
    ExpressionTree current = ASTHelpers.stripParentheses(expression);
    while (current instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      if (method == null) {
        return null;
      }
      Type receiver = AsyncApis.receiverType(call, method);
      if (!method.isStatic() && async.is(AsyncRole.SYNC_CONTINUATION, method, receiver, state)) {
        for (ExpressionTree argument : call.getArguments()) {
          if (analysis.asyncSignatures().touchesAsync(body(argument), t -> false, state)) {
            return null;
          }
        }
        continuations.add(0, call);
        current = ASTHelpers.stripParentheses(ASTHelpers.getReceiver(call));
        continue;
      }
      if (continuations.isEmpty()
          || !async.isSideEffect(method, receiver, state)
          || !async.isAsync(ASTHelpers.getType(call), state)) {
        return null;
      }
      for (ExpressionTree argument : call.getArguments()) {
        if (analysis.asyncSignatures().touchesAsync(argument, t -> false, state)) {
          return null;
        }
      }
      boolean ignored =
          async.deliversNothing(ASTHelpers.getType(call), state)
              || ignoresItsInput(continuations.get(0), state);
      return ignored ? new Chain(call, continuations) : null;
    }
    return null;
  }

  /** A lambda argument's body (its parameters are of the async value, not async themselves). */
  private static com.sun.source.tree.Tree body(ExpressionTree argument) {
    return argument instanceof LambdaExpressionTree lambda ? lambda.getBody() : argument;
  }

  /**
   * Whether the continuation does not look at the value it continues from: a function of no
   * parameters ({@code thenRun}), a plain value ({@code thenReturn(receipt)}), or a lambda whose
   * parameters are all unused.
   */
  private static boolean ignoresItsInput(MethodInvocationTree continuation, VisitorState state) {
    for (ExpressionTree argument : continuation.getArguments()) {
      Type type = ASTHelpers.getType(argument);
      MethodSymbol descriptor = descriptor(type, state);
      if (descriptor == null) {
        if (argument instanceof MemberReferenceTree) {
          return false;
        }
        continue; // a plain value
      }
      if (descriptor.getParameters().isEmpty()) {
        continue;
      }
      if (!(argument instanceof LambdaExpressionTree lambda) || usesParameters(lambda)) {
        return false;
      }
    }
    return true;
  }

  private static boolean usesParameters(LambdaExpressionTree lambda) {
    Set<Symbol> parameters = new HashSet<>();
    for (VariableTree parameter : lambda.getParameters()) {
      parameters.add(ASTHelpers.getSymbol(parameter));
    }
    boolean[] used = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (parameters.contains(ASTHelpers.getSymbol(node))) {
          used[0] = true;
        }
        return null;
      }
    }.scan(lambda.getBody(), null);
    return used[0];
  }

  private static @Nullable MethodSymbol descriptor(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null || !type.tsym.isInterface()) {
      return null;
    }
    try {
      return state.getTypes().findDescriptorSymbol(type.tsym) instanceof MethodSymbol m ? m : null;
    } catch (RuntimeException notFunctional) {
      return null;
    }
  }
}
