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
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.AsyncApis;
import dev.threadlint.model.BlockingChain;
import dev.threadlint.model.MethodSummary;
import dev.threadlint.model.ThreadModel.AsyncRole;
import dev.threadlint.model.ThreadModel.AsyncType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * A method that returns a future or publisher but does no asynchronous work: every return is an
 * already-completed value ({@code completedFuture}, {@code Mono.just}, ...) computed on the
 * caller's thread, and nothing else in the body touches a future. Not reported when something
 * else decides the signature (an interface, Spring's {@code @Async} proxy, a base class, a
 * method reference), nor when a real async value is among the returns or anywhere in the body,
 * nor for streams ({@code values=many}: a {@code Flux} of known values is a way to hand out
 * several).
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Returns a future or publisher but does all its work synchronously: the async signature spreads to every caller for nothing",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "NeedlessAsync.md",
    tags = BugPattern.StandardTags.SIMPLIFICATION)
public final class NeedlessAsync extends AsyncReturnsCheck {

  @Inject
  public NeedlessAsync(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public NeedlessAsync() {
    this(ErrorProneFlags.empty());
  }

  @Override
  Description matchAsyncReturns(
      MethodTree tree, List<ExpressionTree> returned, Analysis analysis, VisitorState state) {
    AsyncApis async = analysis.asyncApis();
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    AsyncType returnedType = async.asyncType(method.getReturnType(), state);
    if (returnedType != null && returnedType.many()) {
      // A stream of values known at once (spring-context's CacheAspectSupport#valueToFlux:
      // Flux.fromIterable, Flux.just, Flux.empty) hands out several values the way its callers
      // consume them; the synchronous alternative, a collection, is another type, not the same
      // value without the wrapper.
      return Description.NO_MATCH;
    }
    Type value = async.valueType(method.getReturnType(), state);
    if (value != null && value.hasTag(TypeTag.TYPEVAR) && method.getTypeParameters().contains(value.tsym)) {
      // Generic in the future's value (azure-core's FluxUtil#toMono(Response<T>), #monoError): an
      // adapter of any value or error into the async type, for async callers; its synchronous
      // form would be the value itself.
      return Description.NO_MATCH;
    }
    Set<Object> completed = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> factories = new LinkedHashSet<>();
    for (ExpressionTree expression : returned) {
      if (!(expression instanceof MethodInvocationTree call)) {
        return Description.NO_MATCH; // a future from elsewhere: a field, a parameter, a variable
      }
      MethodSymbol callee = ASTHelpers.getSymbol(call);
      if (!async.is(AsyncRole.COMPLETED_VALUE, callee, null, state)) {
        return Description.NO_MATCH; // a real async return (the cache-miss path)
      }
      // The completed value must itself be computed without futures.
      for (ExpressionTree argument : call.getArguments()) {
        if (analysis.asyncSignatures().touchesAsync(argument, t -> false, state)) {
          return Description.NO_MATCH;
        }
      }
      completed.add(call);
      factories.add(
          "`" + AsyncApis.simpleName(callee.owner.type) + "." + callee.getSimpleName() + "(...)`");
    }
    if (analysis.asyncSignatures().touchesAsync(tree.getBody(), completed::contains, state)) {
      return Description.NO_MATCH; // async work another way, or a future returned from a callback
    }
    if (analysis.asyncSignatures().signatureFixedBy(tree, state) != null) {
      return Description.NO_MATCH;
    }
    MethodSummary summary = analysis.summaries(state).summary(method);
    BlockingChain blocks = summary == null ? null : summary.blocking();
    if (blocks != null && returnsFromEagerFactory(completed, analysis, state)) {
      return Description.NO_MATCH; // Mono.just(blockingCall()): EagerBlockingInReactiveAssembly's
    }
    Type returnType = method.getReturnType();
    String syncType = async.syncTypeName(returnType, state);
    String message =
        "Needless async: every return of `"
            + method.getSimpleName()
            + "` is an already-completed value ("
            + String.join(", ", factories)
            + ") computed synchronously on the caller's thread, and "
            + (blocks == null
                ? "nothing in it waits for anything"
                : "the caller waits while it blocks (" + blocks.render() + ", which " + blocks.what() + ")")
            + ". The "
            + AsyncApis.simpleName(returnType)
            + " signature makes every caller compose or wait for nothing, and spreads up the"
            + " call chain. Make it synchronous (return "
            + syncType
            + ") and let the callers that need a future wrap the result.";
    return buildDescription(tree).setMessage(message).build();
  }

  /** Whether one of the completed values comes from a factory of values computed at assembly. */
  private static boolean returnsFromEagerFactory(
      Set<Object> completed, Analysis analysis, VisitorState state) {
    for (Object call : completed) {
      MethodInvocationTree invocation = (MethodInvocationTree) call;
      if (analysis.eagerFactory(
              ASTHelpers.getSymbol(invocation), ASTHelpers.getReceiverType(invocation), state)
          != null) {
        return true;
      }
    }
    return false;
  }
}
