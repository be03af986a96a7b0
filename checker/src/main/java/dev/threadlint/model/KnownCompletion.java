package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadModel.AsyncRole;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Whether waiting on a future at some point returns at once because the future is known to be
 * complete there: a {@code completion-check} on it earlier in the method ({@code isDone()}), an
 * earlier wait on it or on an {@code all-of} of futures ({@code allOf(a, b).join()}), inside a
 * continuation of an {@code all-of} ({@code allOf(a, b).thenApply(v -> a.join())}), in a {@code
 * done-callback}, or a future that a {@code completed-value} factory made. The facts of a method
 * body are collected once per method.
 */
public final class KnownCompletion {
  /** What a method body does that completes futures, with source positions. */
  private record BodyFacts(List<Fact> facts) {}

  /**
   * @param symbol the future checked or waited on (null when it is not a variable)
   * @param all a wait on an all-of: every future is complete after it
   */
  private record Fact(int position, @Nullable Symbol symbol, boolean all) {}

  private final AsyncApis async;
  private final BlockingApis blocking;
  private final Map<Tree, BodyFacts> bodies = new IdentityHashMap<>();
  private @Nullable Tree unit;

  KnownCompletion(AsyncApis async, BlockingApis blocking) {
    this.async = async;
    this.blocking = blocking;
  }

  /**
   * Whether the blocking call of {@code callee} at {@code path} returns at once because what it
   * waits on is complete there: a {@code done-callback}'s own future ({@link
   * BlockingApis#waitsOnCompletedObject}), or, for a wait on a future ({@code awaits}), a future
   * {@link #isKnownComplete} knows is (pulsar-client joins the futures of its connection pool
   * that {@code isDone()} said are done, on an event loop). Other blocking calls never are: a
   * second {@code read()} of a stream blocks like the first.
   */
  public boolean returnsAtOnce(
      TreePath path, MethodSymbol callee, @Nullable Type receiver, VisitorState state) {
    if (blocking.waitsOnCompletedObject(path, state)) {
      return true;
    }
    if (!(path.getLeaf() instanceof MethodInvocationTree call)
        || !async.is(AsyncRole.AWAITS, callee, callee.isStatic() ? null : receiver, state)) {
      return false;
    }
    ExpressionTree awaited = awaited(call, callee);
    return awaited != null && isKnownComplete(path, awaited, state);
  }

  /** What a wait waits on: its receiver, or the first argument of a static wait; null if none. */
  public static @Nullable ExpressionTree awaited(MethodInvocationTree call, MethodSymbol method) {
    if (!method.isStatic()) {
      return ASTHelpers.getReceiver(call);
    }
    return call.getArguments().isEmpty() ? null : call.getArguments().get(0);
  }

  /**
   * Whether the wait at {@code path} (an {@code awaits} call) waits on {@code awaited}, a future
   * known to be complete there.
   */
  public boolean isKnownComplete(TreePath path, ExpressionTree awaited, VisitorState state) {
    if (path.getCompilationUnit() != unit) {
      if (!bodies.isEmpty()) {
        bodies.clear(); // IdentityHashMap.clear() walks the whole table, even when empty
      }
      unit = path.getCompilationUnit();
    }
    ExpressionTree target = ASTHelpers.stripParentheses(awaited);
    if (target instanceof MethodInvocationTree created
        && async.is(AsyncRole.COMPLETED_VALUE, ASTHelpers.getSymbol(created), null, state)) {
      return true;
    }
    if (blocking.waitsOnCompletedObject(path, state)) {
      return true;
    }
    Symbol symbol = ASTHelpers.getSymbol(target);
    int position = ASTHelpers.getStartPosition(path.getLeaf());
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree && continuesAllOf(p, state)) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        BodyFacts facts = bodies.computeIfAbsent(leaf, l -> collect(l, state));
        for (Fact fact : facts.facts()) {
          if (fact.position() < position
              && (fact.all() || (symbol != null && fact.symbol() == symbol))) {
            return true;
          }
        }
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** Whether the lambda at {@code lambdaPath} is passed to a method called on an all-of. */
  private boolean continuesAllOf(TreePath lambdaPath, VisitorState state) {
    Tree parent = lambdaPath.getParentPath().getLeaf();
    if (!(parent instanceof MethodInvocationTree call)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return false;
    }
    if (isAllOf(receiver, state)) {
      return true;
    }
    // `KafkaFuture<Void> all = KafkaFuture.allOf(...); return all.thenApply(v -> ...)`: a local
    // that is never reassigned, declared in a block around the call with an all-of.
    ExpressionTree stripped = ASTHelpers.stripParentheses(receiver);
    Symbol local = ASTHelpers.getSymbol(stripped);
    if (!(stripped instanceof IdentifierTree)
        || !(local instanceof VarSymbol var)
        || var.getKind() != ElementKind.LOCAL_VARIABLE
        || (var.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) == 0) {
      return false;
    }
    for (TreePath p = lambdaPath.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement instanceof VariableTree declared && ASTHelpers.getSymbol(declared) == var) {
            return declared.getInitializer() != null && isAllOf(declared.getInitializer(), state);
          }
        }
      }
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private boolean isAllOf(ExpressionTree tree, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(tree);
    if (!(stripped instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method != null
        && async.is(
            AsyncRole.ALL_OF, method, method.isStatic() ? null : ASTHelpers.getReceiverType(call), state);
  }

  private BodyFacts collect(Tree body, VisitorState state) {
    List<Fact> facts = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol method = ASTHelpers.getSymbol(call);
        if (method != null) {
          boolean statik = method.isStatic();
          ExpressionTree subject =
              statik
                  ? (call.getArguments().isEmpty() ? null : call.getArguments().get(0))
                  : ASTHelpers.getReceiver(call);
          var receiverType = statik ? null : ASTHelpers.getReceiverType(call);
          int end = state.getEndPosition(call);
          if (subject != null && async.is(AsyncRole.AWAITS, method, receiverType, state)) {
            facts.add(new Fact(end, symbolOf(subject), isAllOf(subject, state)));
          } else if (subject != null
              && !statik
              && async.is(AsyncRole.COMPLETION_CHECK, method, receiverType, state)) {
            facts.add(new Fact(end, symbolOf(subject), false));
          }
        }
        return super.visitMethodInvocation(call, unused);
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null; // another body
      }
    }.scan(body, null);
    return new BodyFacts(facts);
  }

  private static @Nullable Symbol symbolOf(ExpressionTree tree) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(tree);
    if (stripped instanceof MemberSelectTree || stripped instanceof com.sun.source.tree.IdentifierTree) {
      return ASTHelpers.getSymbol(stripped);
    }
    return null;
  }
}
