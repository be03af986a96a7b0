package dev.threadlint.async;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.api.JavacTrees;
import java.util.ArrayList;
import java.util.List;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.BlockingApis;
import dev.threadlint.model.SelfReferences;
import dev.threadlint.model.ThreadModel.ReactiveType;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * A Reactor or RxJava publisher returned by a call and dropped: a call used as a statement (or as
 * the body of a lambda that returns nothing), or a local variable never read. Publishers are lazy:
 * until something subscribes, the work they stand for does not happen.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A Mono/Flux/RxJava source is dropped without a subscription: publishers are lazy, so the"
            + " work it stands for never happens",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "PublisherNeverSubscribed.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class PublisherNeverSubscribed extends BugChecker
    implements MethodInvocationTreeMatcher, VariableTreeMatcher {
  private static final String CAN_IGNORE_RETURN_VALUE =
      "com.google.errorprone.annotations.CanIgnoreReturnValue";

  private final ConfiguredAnalysis analysis;

  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public PublisherNeverSubscribed(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public PublisherNeverSubscribed() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    try {
      return checkStatement(tree, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    try {
      return checkLocal(tree, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  private Description checkStatement(MethodInvocationTree tree, VisitorState state) {
    if (!isDiscarded(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    ReactiveType reactive = droppable(tree, state);
    if (reactive == null) {
      return Description.NO_MATCH;
    }
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    String subject =
        "`" + method.getSimpleName() + "(...)` returns a `" + simpleName(tree) + "` that is dropped";
    return buildDescription(tree).setMessage(message(subject, reactive)).build();
  }

  private Description checkLocal(VariableTree tree, VisitorState state) {
    VarSymbol variable = ASTHelpers.getSymbol(tree);
    ExpressionTree initializer = ASTHelpers.stripParentheses(tree.getInitializer());
    if (variable == null
        || variable.getKind() != ElementKind.LOCAL_VARIABLE
        || !(initializer instanceof MethodInvocationTree call)
        || tree.getName().toString().startsWith("unused")
        || tree.getName().toString().startsWith("ignored")
        || !(state.getPath().getParentPath().getLeaf() instanceof BlockTree block)) {
      return Description.NO_MATCH;
    }
    // The type first: scanning the block for reads is the costly part, done for publishers only.
    ReactiveType reactive = droppable(call, state);
    if (reactive == null || isRead(variable, block)) {
      return Description.NO_MATCH;
    }
    return unusedLocal(tree, call, reactive);
  }

  /** The finding on a local publisher nothing reads (built apart: {@link #checkLocal} runs on every local). */
  private Description unusedLocal(VariableTree tree, MethodInvocationTree call, ReactiveType reactive) {
    String subject =
        "`" + tree.getName() + "` holds a `" + simpleName(call) + "` that is never used";
    return buildDescription(tree).setMessage(message(subject, reactive)).build();
  }

  /**
   * The reactive type of the publisher the call returns, when dropping it loses work: not for
   * calls that subscribe themselves, nor for methods whose result may be ignored.
   */
  private @Nullable ReactiveType droppable(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    Type type = ASTHelpers.getType(call);
    if (method == null || type == null) {
      return null;
    }
    Analysis analysis = this.analysis.get(state);
    if (analysis == null) {
      return null;
    }
    ReactiveType reactive = analysis.reactiveType(type, state);
    if (reactive == null
        || method.getReturnType().getKind() == TypeKind.TYPEVAR // put, requireNonNull: hands back
        || analysis.isHotSource(type, state)
        || analysis.subscribes(method, ASTHelpers.getReceiverType(call), state)
        || keepsWhatItReturns(method, state)
        || leftToSubclasses(call, method, state)
        || ASTHelpers.hasAnnotation(method, CAN_IGNORE_RETURN_VALUE, state)
        || (method.enclClass() != null
            && ASTHelpers.hasAnnotation(method.enclClass(), CAN_IGNORE_RETURN_VALUE, state))) {
      return null;
    }
    return reactive;
  }

  /**
   * Whether the value of the expression at {@code path} is thrown away: it is a statement, or the
   * body of a lambda whose functional interface returns nothing ({@code ids.forEach(id ->
   * repository.delete(id))}).
   */
  private static boolean isDiscarded(TreePath path, VisitorState state) {
    TreePath parent = path.getParentPath();
    Tree child = path.getLeaf();
    while (parent != null && parent.getLeaf() instanceof ParenthesizedTree) {
      child = parent.getLeaf();
      parent = parent.getParentPath();
    }
    if (parent == null) {
      return false;
    }
    if (parent.getLeaf() instanceof ExpressionStatementTree) {
      return true;
    }
    if (parent.getLeaf() instanceof LambdaExpressionTree lambda && lambda.getBody() == child) {
      MethodSymbol descriptor = BlockingApis.descriptorOf(ASTHelpers.getType(lambda), state);
      return descriptor != null && descriptor.getReturnType().getKind() == TypeKind.VOID;
    }
    return false;
  }

  /**
   * Whether an abstract class calls, on itself, a method it leaves to its subclasses (abstract, or
   * an interface's default that they may override): whether that publisher is lazy, or the work
   * was done before it is returned ({@code close()} returning {@code Mono.empty()}), is theirs to
   * say, and the analysis cannot see them.
   */
  private static boolean leftToSubclasses(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver != null
        && !(receiver instanceof IdentifierTree self && SelfReferences.isThis(self.getName()))) {
      return false;
    }
    if (!method.getModifiers().contains(Modifier.ABSTRACT) && !method.isDefault()) {
      return false;
    }
    ClassTree enclosing = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    return enclosing != null && enclosing.getModifiers().getFlags().contains(Modifier.ABSTRACT);
  }

  /**
   * Whether the method, compiled from source here, returns only publishers that live on elsewhere: a
   * local it also stores or hands on ({@code window = w; return w;}), a field, {@code this}. The
   * caller's copy is then not the only one.
   */
  private static boolean keepsWhatItReturns(MethodSymbol method, VisitorState state) {
    MethodTree tree = JavacTrees.instance(state.context).getTree(method);
    if (tree == null || tree.getBody() == null) {
      return false;
    }
    List<Symbol> returned = new ArrayList<>();
    boolean[] other = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        ExpressionTree value = ASTHelpers.stripParentheses(tree.getExpression());
        Symbol symbol = ASTHelpers.getSymbol(value);
        if (symbol instanceof VarSymbol local && local.getKind() == ElementKind.LOCAL_VARIABLE) {
          returned.add(local);
        } else if (value instanceof LiteralTree
            || (symbol instanceof VarSymbol field && field.getKind() == ElementKind.FIELD)
            || (value instanceof IdentifierTree id && SelfReferences.isThis(id.getName()))) {
          // null, a field, or the object itself: the publisher lives on where it is
        } else {
          other[0] = true; // returns something it does not keep: a new chain, a call
        }
        return super.visitReturn(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null; // its returns are the lambda's
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(tree.getBody(), null);
    if (other[0]) {
      return false;
    }
    for (Symbol local : returned) {
      if (!storedOrPassed(local, tree.getBody())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the local is assigned to something else or passed to a call in that body. */
  private static boolean storedOrPassed(Symbol local, BlockTree body) {
    boolean[] kept = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (local.equals(ASTHelpers.getSymbol(ASTHelpers.stripParentheses(tree.getExpression())))
            && !local.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
          kept[0] = true;
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        for (ExpressionTree argument : tree.getArguments()) {
          if (local.equals(ASTHelpers.getSymbol(ASTHelpers.stripParentheses(argument)))) {
            kept[0] = true;
          }
        }
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(body, null);
    return kept[0];
  }

  private static boolean isRead(VarSymbol variable, BlockTree block) {
    boolean[] read = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (variable.equals(symbol)) {
          read[0] = true;
        }
        return null;
      }
    }.scan(block, null);
    return read[0];
  }

  private static String simpleName(MethodInvocationTree call) {
    Type type = ASTHelpers.getType(call);
    return type.tsym.getSimpleName().toString();
  }

  private static String message(String subject, ReactiveType reactive) {
    return subject
        + ", so nothing subscribes to it and the work it stands for never happens: "
        + reactive.framework()
        + " sources are lazy, and a publisher nobody subscribes to does nothing (no query, no"
        + " request, no write, and no error either). Return it or compose it into the chain that"
        + " is returned (then(...), flatMap, when/zip); if fire-and-forget is really meant, call"
        + " subscribe() on it and handle its errors there.";
  }
}
