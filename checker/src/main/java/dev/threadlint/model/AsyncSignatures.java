package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Facts about methods that return a future or publisher: what they return, whether something
 * other than their own body decides that they are async (an interface they implement, a proxy, a
 * functional interface they are passed as), and whether their body touches async values besides
 * what it returns. Used by the checks that ask whether a method needs its async signature.
 */
public final class AsyncSignatures {
  private final AsyncApis async;
  private @Nullable CompilationUnitTree unit;
  private final Set<Symbol> referenced = new HashSet<>();

  AsyncSignatures(AsyncApis async) {
    this.async = async;
  }

  /**
   * Why the method must keep its async signature whatever its body does, as a phrase, or null:
   * it overrides or implements another method, carries a {@code proxied-async} annotation (Spring's
   * {@code @Async} proxy runs it on an executor) or another annotation a framework dispatches on
   * ({@code @GetMapping}), is an overridable base implementation in an
   * interface or abstract class, is used in this file where a function must return a future (a
   * method reference, the result of a lambda or an override, a branch of a conditional), or belongs to a future or publisher type itself
   * ({@code Mono.justOrEmpty}).
   */
  public @Nullable String signatureFixedBy(MethodTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (method == null) {
      return "unknown";
    }
    if (!ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty()) {
      return "it overrides a method";
    }
    String annotation = async.asyncAnnotation(method);
    if (annotation != null) {
      return "it is `@" + annotation.substring(annotation.lastIndexOf('.') + 1) + "`";
    }
    String dispatched = frameworkAnnotation(method);
    if (dispatched != null) {
      return "it is annotated `@" + dispatched + "`, so a framework calls it and decides its shape";
    }
    ClassSymbol owner = method.enclClass();
    boolean overridable =
        (method.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) == 0
            && (owner.flags() & Flags.FINAL) == 0;
    if (overridable && (owner.isInterface() || (owner.flags() & Flags.ABSTRACT) != 0)) {
      return "it is a base implementation that subclasses override";
    }
    if (referencedInUnit(state).contains(method)) {
      return "it is used as a function that returns a future (a method reference, a lambda's result)";
    }
    if (async.isAsync(owner.type, state)) {
      return "it is part of the API of a future or publisher type itself";
    }
    return null;
  }

  /**
   * An annotation a framework finds by reflection to call the method ({@code @GetMapping},
   * {@code @KafkaListener}, {@code @Scheduled}): one retained at run time, other than the JDK's
   * and nullness annotations. Such a framework often expects a future or publisher back.
   */
  private static @Nullable String frameworkAnnotation(MethodSymbol method) {
    for (Attribute.Compound annotation : method.getAnnotationMirrors()) {
      Symbol.TypeSymbol type = annotation.type.tsym;
      String name = type.getQualifiedName().toString();
      String simple = type.getSimpleName().toString();
      if (name.startsWith("java.") || name.startsWith("javax.annotation.") || simple.contains("Null")) {
        continue;
      }
      Retention retention = type.getAnnotation(Retention.class);
      if (retention != null && retention.value() == RetentionPolicy.RUNTIME) {
        return simple;
      }
    }
    return null;
  }

  /**
   * The methods of this unit used where a function must return a future: as method references,
   * called as the result of a lambda ({@code flatMap(x -> x.isEmpty() ? Mono.error(...) :
   * initialize(x))}) or of an override (an {@code AsyncFunction#apply}), or as one branch of a
   * conditional whose other branch may be a real future ({@code ok ? pending :
   * failed(t)}).
   */
  private Set<Symbol> referencedInUnit(VisitorState state) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      unit = current;
      referenced.clear();
      new LazyPathScanner<Void, Void>() {
        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
          add(tree);
          return super.visitMemberReference(tree, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
          if (tree.getBody() instanceof ExpressionTree body) {
            addCalls(body);
          }
          return super.visitLambdaExpression(tree, unused);
        }

        @Override
        public Void visitReturn(ReturnTree tree, Void unused) {
          for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof LambdaExpressionTree
                || (p.getLeaf() instanceof MethodTree method && overrides(method))) {
              if (tree.getExpression() != null) {
                addCalls(tree.getExpression());
              }
              break;
            }
            if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
              break;
            }
          }
          return super.visitReturn(tree, unused);
        }

        @Override
        public Void visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
          if (async.isAsync(ASTHelpers.getType(tree), state)) {
            addCalls(tree);
          }
          return super.visitConditionalExpression(tree, unused);
        }

        private boolean overrides(MethodTree method) {
          MethodSymbol symbol = ASTHelpers.getSymbol(method);
          return symbol != null && !ASTHelpers.findSuperMethods(symbol, state.getTypes()).isEmpty();
        }

        private void addCalls(ExpressionTree expression) {
          List<ExpressionTree> branches = new ArrayList<>();
          addBranches(expression, branches);
          for (ExpressionTree branch : branches) {
            if (branch instanceof MethodInvocationTree) {
              add(branch);
            }
          }
        }

        private void add(Tree tree) {
          Symbol symbol = ASTHelpers.getSymbol(tree);
          if (symbol != null) {
            referenced.add(symbol);
          }
        }
      }.scan(current, null);
    }
    return referenced;
  }

  /**
   * The expressions the method returns (its own {@code return}s, not those of lambdas or classes
   * in it), with both branches of a conditional; empty if it returns nothing.
   */
  public static List<ExpressionTree> returnedExpressions(MethodTree tree) {
    List<ExpressionTree> returned = new ArrayList<>();
    if (tree.getBody() == null) {
      return returned;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() != null) {
          addBranches(node.getExpression(), returned);
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(tree.getBody(), null);
    return returned;
  }

  private static void addBranches(ExpressionTree expression, List<ExpressionTree> into) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    if (stripped instanceof ConditionalExpressionTree conditional) {
      addBranches(conditional.getTrueExpression(), into);
      addBranches(conditional.getFalseExpression(), into);
    } else {
      into.add(stripped);
    }
  }

  /**
   * Whether {@code tree} contains an expression of an async type (a call, a variable, a {@code
   * new}, a lambda) that is not inside one of the {@code allowed} subtrees: async work besides the
   * expected. Type names ({@code CompletableFuture} in {@code CompletableFuture.completedFuture})
   * do not count.
   */
  public boolean touchesAsync(Tree tree, Predicate<Tree> allowed, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (node == null || found[0] || allowed.test(node)) {
          return null;
        }
        if (node instanceof MethodInvocationTree
            || node instanceof NewClassTree
            || node instanceof LambdaExpressionTree
            || node instanceof MemberReferenceTree
            || ((node instanceof IdentifierTree || node instanceof MemberSelectTree)
                && !(ASTHelpers.getSymbol(node) instanceof Symbol.TypeSymbol)
                && !(ASTHelpers.getSymbol(node) instanceof Symbol.PackageSymbol))) {
          Type type = ASTHelpers.getType(node);
          if (async.isAsync(type, state)
              || (node instanceof MethodInvocationTree call && returnsAsync(call, state))) {
            found[0] = true;
            return null;
          }
        }
        return super.scan(node, unused);
      }
    }.scan(tree, null);
    return found[0];
  }

  private boolean returnsAsync(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method != null && async.isAsync(method.getReturnType(), state);
  }
}
