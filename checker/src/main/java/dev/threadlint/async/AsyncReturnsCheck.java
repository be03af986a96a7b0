package dev.threadlint.async;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.AsyncApis;
import dev.threadlint.model.AsyncSignatures;
import java.util.List;

/**
 * A check of the methods that return a future or a publisher, given what they return. Most
 * methods return neither: the filter runs here for every method, and the check's own work is a
 * method of its own, which the JIT compiles only where many methods return futures (C1 compiles a
 * whole method, its rarely taken code included).
 */
abstract class AsyncReturnsCheck extends AsyncCheck implements MethodTreeMatcher {

  AsyncReturnsCheck(ErrorProneFlags flags) {
    super(flags);
  }

  @Override
  public final Description matchMethod(MethodTree tree, VisitorState state) {
    return guarded(state, analysis -> match(tree, analysis, state));
  }

  private Description match(MethodTree tree, Analysis analysis, VisitorState state) {
    List<ExpressionTree> returned = asyncReturns(tree, analysis.asyncApis(), state);
    return returned.isEmpty() ? Description.NO_MATCH : matchAsyncReturns(tree, returned, analysis, state);
  }

  /**
   * The method's returned expressions when it is a method with a body (not a constructor) that
   * returns a future or publisher and returns something; empty otherwise.
   */
  private static List<ExpressionTree> asyncReturns(MethodTree tree, AsyncApis async, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method == null
        || tree.getBody() == null
        || method.isConstructor()
        || !async.isAsync(method.getReturnType(), state)) {
      return List.of();
    }
    return AsyncSignatures.returnedExpressions(tree);
  }

  /**
   * The finding on a method with a body that returns a future or publisher, if any; {@code
   * returned} holds its returned expressions (at least one).
   */
  abstract Description matchAsyncReturns(
      MethodTree tree, List<ExpressionTree> returned, Analysis analysis, VisitorState state);
}
