package dev.threadlint.async;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.AsyncApis;
import dev.threadlint.model.ThreadModel.AsyncType;
import java.util.List;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * A future or publisher of a future or publisher: a mapping operator given a function that
 * returns a future ({@code thenApply(id -> fetch(id))}), a completed-future factory wrapping a
 * future, or an abstract method declared that way. Reported where the nesting is created, not
 * where it merely flows on.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A future of a future: the inner result must be unwrapped twice and its failure is easy to lose; compose instead",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "NestedFuture.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class NestedFuture extends AsyncCheck
    implements MethodInvocationTreeMatcher, MethodTreeMatcher {

  @Inject
  public NestedFuture(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public NestedFuture() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return guarded(state, analysis -> matchCall(tree, analysis, state));
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return guarded(state, analysis -> matchDeclaration(tree, analysis, state));
  }

  private Description matchCall(MethodInvocationTree tree, Analysis analysis, VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    Type result = ASTHelpers.getType(tree);
    if (method == null || result == null) {
      return Description.NO_MATCH;
    }
    AsyncType outer = async.asyncType(result, state);
    // Most calls make no future or publisher: the rest is a method of its own (C1 compiles a whole
    // method, and this one runs on every call).
    return outer == null
        ? Description.NO_MATCH
        : matchAsyncCall(tree, method, result, outer, analysis, state);
  }

  private Description matchAsyncCall(
      MethodInvocationTree tree,
      MethodSymbol method,
      Type result,
      AsyncType outer,
      Analysis analysis,
      VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    Type value = async.valueType(result, state);
    AsyncType inner = async.asyncType(value, state);
    if (inner == null) {
      return Description.NO_MATCH;
    }
    // Nesting the callee declares (Flux#window) is its API; nesting that flows on from an
    // already nested receiver was reported where it was created.
    Type receiver = AsyncApis.receiverType(tree, method);
    if (!createsNesting(method, state) || isNested(receiver, async, state)) {
      return Description.NO_MATCH;
    }
    MethodSymbol flattening = async.composeWith(method, receiver, value, state);
    String compose = flattening == null ? null : flattening.getSimpleName().toString();
    TreePath path = state.getPath();
    if (outer.many() && (compose == null || inner.many() || !isChainedOn(path))) {
      // A stream of streams is often deliberate (window, groupBy), and so is a stream of
      // futures kept or handed on (to Flux.concat, to a processor) as a queue of work; only a
      // map whose result the chain goes on to treat as flat is reported.
      return Description.NO_MATCH;
    }
    if (compose == null && !outer.flattens()) {
      // A task's handle (executor.submit(startsAsyncWork), Netty's too): nothing composes it, so
      // the future it holds is what the task returned, unwrapped by whoever waits for the task.
      return Description.NO_MATCH;
    }
    if (compose == null && (inner.many() || !wrapsAFuture(tree, async, state))) {
      // A factory's nesting is the type its context asks for: Mono.empty() or failedFuture(e)
      // wrap nothing, and a single result holding a stream (Spring's Mono<Flux<DataBuffer>> for
      // writeAndFlushWith) is a shape, not a future waiting to be flattened.
      return Description.NO_MATCH;
    }
    if (flattenedByTheNextOperator(path, compose, async, state)
        || handedToAParameterThatNests(path, async, state)) {
      return Description.NO_MATCH;
    }
    String name = method.getSimpleName().toString();
    StringBuilder message =
        new StringBuilder("Nested future: `")
            .append(name)
            .append("` returns a ")
            .append(render(result))
            .append(", a ")
            .append(AsyncApis.simpleName(result))
            .append(" whose value is itself a ")
            .append(AsyncApis.simpleName(value))
            .append(". Callers have to unwrap it twice, and a failure of the inner one is easily lost. ");
    if (compose != null) {
      message
          .append("The function passed to `")
          .append(name)
          .append("` returns a ")
          .append(AsyncApis.simpleName(value))
          .append(": use `")
          .append(compose)
          .append("`, which flattens it.");
    } else {
      message.append("Return or compose the inner ")
          .append(AsyncApis.simpleName(value))
          .append(" directly (thenCompose, flatMap) instead of wrapping it.");
    }
    Description.Builder description = buildDescription(tree).setMessage(message.toString());
    if (flattening != null) {
      description.addFix(composeFix(tree, flattening, async, state));
    }
    return description.build();
  }

  private Description matchDeclaration(MethodTree tree, Analysis analysis, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    // With a body, the nesting comes from a call there (reported) or from elsewhere.
    if (method == null || tree.getBody() != null || tree.getReturnType() == null) {
      return Description.NO_MATCH;
    }
    AsyncApis async = analysis.asyncApis();
    Type returned = method.getReturnType();
    AsyncType outer = async.asyncType(returned, state);
    if (outer == null || outer.many()) {
      return Description.NO_MATCH; // most abstract methods: the type test is a cached lookup
    }
    AsyncType inner = async.asyncType(async.valueType(returned, state), state);
    // An override declares the signature of the method it overrides: searched for last, as it
    // walks every supertype.
    if (inner == null || !ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty()) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree.getReturnType())
        .setMessage(
            "Nested future: `"
                + method.getSimpleName()
                + "` is declared to return a "
                + render(returned)
                + ", so every implementation wraps one future in another and every caller unwraps"
                + " twice. Declare the inner type and let implementations compose (thenCompose,"
                + " flatMap).")
        .build();
  }

  /** Whether the method's declared return type nests only through a type variable ({@code <U> CompletableFuture<U>}). */
  private static boolean createsNesting(MethodSymbol method, VisitorState state) {
    Type declared = method.getReturnType();
    return declared.getTypeArguments().size() == 1
        && declared.getTypeArguments().get(0).hasTag(com.sun.tools.javac.code.TypeTag.TYPEVAR);
  }

  private static boolean isNested(@Nullable Type type, AsyncApis async, VisitorState state) {
    return type != null
        && async.isAsync(type, state)
        && async.isAsync(async.valueType(type, state), state);
  }

  /**
   * Whether an argument is a future the call wraps ({@code completedFuture(pending)}) or a
   * function returning one ({@code supplyAsync(() -> fetch())}); an argument that is nested
   * already carries nesting made elsewhere ({@code then(nested)}).
   */
  private static boolean wrapsAFuture(MethodInvocationTree tree, AsyncApis async, VisitorState state) {
    for (ExpressionTree argument : tree.getArguments()) {
      Type type = ASTHelpers.getType(argument);
      if (async.isAsync(type, state)) {
        if (!isNested(type, async, state)) {
          return true;
        }
        continue;
      }
      if (async.isAsync(AsyncApis.functionResult(type, state.getTypes()), state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the next operator of the chain unwraps the nesting ({@code map(c -> c.find())
   * .flatMap(p -> Mono.from(p.first()))}): its result is async and flat, so the nesting is one step
   * of the chain, which nobody receives. An identity unwrap ({@code .thenCompose(f -> f)}) is still
   * reported: the pair is the flattening operator written twice, and the fix merges it. A later
   * operator that flattens, after operators that keep the nesting ({@code .map(i -> warm(i))
   * .startWith(primary).flatMap(identity(), n)}), also makes the nesting a step: the chain gathers
   * its inner publishers before merging them.
   */
  private static boolean flattenedByTheNextOperator(
      TreePath path, @Nullable String compose, AsyncApis async, VisitorState state) {
    boolean next = true;
    for (TreePath at = path;
        isChainedOn(at) && at.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call;
        at = at.getParentPath().getParentPath(), next = false) {
      Type result = ASTHelpers.getType(call);
      if (!async.isAsync(result, state)) {
        return false;
      }
      if (isNested(result, async, state)) {
        continue; // startWith(other), filter(...): the nesting goes on to a later operator
      }
      if (!next) {
        return true; // gathered with other inner publishers, then flattened (with a concurrency)
      }
      MethodSymbol nextMethod = ASTHelpers.getSymbol(call);
      return !(compose != null
          && nextMethod != null
          && nextMethod.getSimpleName().contentEquals(compose)
          && isIdentity(call));
    }
    return false;
  }

  /**
   * Whether the nested value goes straight to a parameter declared nested: the callee asks for
   * it ({@code fromMany(Publisher<? extends Publisher<ByteBuf>>)} takes a publisher of chunks).
   */
  private static boolean handedToAParameterThatNests(
      TreePath path, AsyncApis async, VisitorState state) {
    Tree parent = path.getParentPath().getLeaf();
    List<? extends ExpressionTree> arguments;
    if (parent instanceof MethodInvocationTree call) {
      arguments = call.getArguments();
    } else if (parent instanceof NewClassTree creation) {
      arguments = creation.getArguments();
    } else {
      return false;
    }
    int index = arguments.indexOf(path.getLeaf());
    Symbol callee = ASTHelpers.getSymbol(parent);
    if (index < 0 || !(callee instanceof MethodSymbol method) || method.getParameters().isEmpty()) {
      return false;
    }
    List<VarSymbol> parameters = method.getParameters();
    Type formal = parameters.get(Math.min(index, parameters.size() - 1)).asType();
    if (method.isVarArgs() && index >= parameters.size() - 1 && formal instanceof Type.ArrayType array) {
      formal = array.elemtype;
    }
    return isNested(formal, async, state);
  }

  /** Whether the call is the receiver of a further operator ({@code map(...).subscribe()}). */
  private static boolean isChainedOn(TreePath path) {
    return path.getParentPath().getLeaf() instanceof MemberSelectTree;
  }

  /**
   * Renames the operator; drops an identity compose that only unwrapped the nesting ({@code
   * .thenCompose(f -> f)}); rewrites the nested type of the variable or method the result goes
   * to.
   */
  private static SuggestedFix composeFix(
      MethodInvocationTree tree, MethodSymbol flattening, AsyncApis async, VisitorState state) {
    String compose = flattening.getSimpleName().toString();
    SuggestedFix.Builder fix =
        SuggestedFix.builder().merge(SuggestedFixes.renameMethodInvocation(tree, compose, state));
    TreePath path = state.getPath();
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree select
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree next
        && select.getIdentifier().contentEquals(compose)
        && isIdentity(next)) {
      fix.replace(state.getEndPosition(tree), state.getEndPosition(next), "");
      return fix.build();
    }
    Tree declared = null;
    if (parent instanceof VariableTree variable && variable.getInitializer() == tree) {
      declared = variable.getType();
    } else if (parent instanceof ReturnTree) {
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof LambdaExpressionTree) {
          break;
        }
        if (p.getLeaf() instanceof MethodTree method) {
          declared = method.getReturnType();
          break;
        }
      }
    }
    if (declared instanceof ParameterizedTypeTree outer
        && outer.getTypeArguments().size() == 1
        && outer.getTypeArguments().get(0) instanceof ParameterizedTypeTree inner
        && inner.getTypeArguments().size() == 1
        && async.isAsync(ASTHelpers.getType(inner), state)) {
      // The operator's own type: thenCompose keeps the outer one, flatMapMany makes the inner's.
      Types types = state.getTypes();
      Type flattened = types.erasure(flattening.getReturnType());
      if (types.isSubtype(flattened, types.erasure(ASTHelpers.getType(outer)))) {
        fix.replace(
            outer,
            state.getSourceForNode(outer.getType())
                + "<"
                + state.getSourceForNode(inner.getTypeArguments().get(0))
                + ">");
      } else if (types.isSubtype(flattened, types.erasure(ASTHelpers.getType(inner)))) {
        fix.replace(outer, state.getSourceForNode(inner));
      }
    }
    return fix.build();
  }

  /** {@code x -> x} or {@code Function.identity()}. */
  private static boolean isIdentity(MethodInvocationTree call) {
    if (call.getArguments().size() != 1) {
      return false;
    }
    ExpressionTree argument = call.getArguments().get(0);
    if (argument instanceof LambdaExpressionTree lambda
        && lambda.getParameters().size() == 1
        && lambda.getBody() instanceof IdentifierTree body) {
      return ASTHelpers.getSymbol(body) == ASTHelpers.getSymbol(lambda.getParameters().get(0));
    }
    if (argument instanceof MethodInvocationTree identity) {
      MethodSymbol symbol = ASTHelpers.getSymbol(identity);
      return symbol != null
          && symbol.getSimpleName().contentEquals("identity")
          && symbol.owner.getQualifiedName().contentEquals("java.util.function.Function");
    }
    return false;
  }

  private static String render(Type type) {
    // Simple names read better in a message than java.util.concurrent.CompletableFuture<...>.
    StringBuilder text = new StringBuilder(AsyncApis.simpleName(type));
    if (!type.getTypeArguments().isEmpty()) {
      text.append('<');
      for (int i = 0; i < type.getTypeArguments().size(); i++) {
        if (i > 0) {
          text.append(", ");
        }
        text.append(render(type.getTypeArguments().get(i)));
      }
      text.append('>');
    }
    return text.toString();
  }
}
