package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import dev.threadlint.model.ThreadModel.AnnotationTarget;
import dev.threadlint.model.ThreadModel.AsyncRole;
import dev.threadlint.model.ThreadModel.AsyncRule;
import dev.threadlint.model.ThreadModel.AsyncType;
import dev.threadlint.model.ThreadModel.ComposeRule;
import dev.threadlint.model.ThreadModel.ProxiedAsyncRule;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the knowledge base says about futures and publishers: which types are async, what their
 * value type is, and what role a call plays ({@code async-type}, {@code completed-value}, {@code
 * awaits}, ... in the model files). Lookups are cached per type and per method.
 */
public final class AsyncApis {
  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final Map<Symbol.TypeSymbol, Optional<AsyncType>> typeCache = new HashMap<>();
  private final Map<CallKey, Set<AsyncRole>> roleCache = new HashMap<>();
  private final Map<CallKey, List<String>> composeCache = new HashMap<>();
  // A call is matched only against the rules that can name it (most calls are none of these).
  private final RulesByName<AsyncRule> rulesByName;
  private final RulesByName<ComposeRule> composeRulesByName;

  public AsyncApis(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
    this.rulesByName = new RulesByName<>(model.asyncRules(), AsyncRule::member);
    this.composeRulesByName = new RulesByName<>(model.composeRules(), ComposeRule::member);
  }

  /** The async type {@code type} is (or extends), or null; the most specific when several match. */
  public @Nullable AsyncType asyncType(@Nullable Type type, VisitorState state) {
    if (type == null
        || type.tsym == null
        || !(type.hasTag(TypeTag.CLASS) || type.hasTag(TypeTag.TYPEVAR))) {
      return null; // primitives, method types of a method select, packages, errors
    }
    // Get, then put: asked of most calls' types, where computeIfAbsent would allocate a lambda
    // capturing `state` every time (the call caches use it only after their name filter).
    Optional<AsyncType> cached = typeCache.get(type.tsym);
    if (cached == null) {
      cached = Optional.ofNullable(computeAsyncType(type, state));
      typeCache.put(type.tsym, cached);
    }
    return cached.orElse(null);
  }

  private @Nullable AsyncType computeAsyncType(Type type, VisitorState state) {
    AsyncType found = null;
    ClassSymbol foundClass = null;
    for (AsyncType candidate : model.asyncTypes()) {
      ClassSymbol declared = matcher.supertypeNamed(type, candidate.type(), state);
      if (declared == null) {
        continue;
      }
      if (found == null || ApiMatcher.inHierarchy(declared.type, foundClass, state)) {
        found = candidate;
        foundClass = declared;
      }
    }
    return found;
  }

  public boolean isAsync(@Nullable Type type, VisitorState state) {
    return asyncType(type, state) != null;
  }

  /**
   * The type of the value an async type delivers ({@code T} of {@code CompletableFuture<T>}), or
   * null when unknown (raw, or no type argument, like RxJava's {@code Completable}).
   */
  public @Nullable Type valueType(@Nullable Type type, VisitorState state) {
    AsyncType async = asyncType(type, state);
    if (async == null) {
      return null;
    }
    Type declared = matcher.resolve(async.type(), state);
    Type asSuper = declared == null ? null : state.getTypes().asSuper(type, declared.tsym);
    if (asSuper == null || asSuper.getTypeArguments().size() != 1) {
      return null;
    }
    Type argument = asSuper.getTypeArguments().get(0);
    if (argument instanceof Type.WildcardType wildcard) {
      return wildcard.isExtendsBound() && wildcard.type != null ? wildcard.type : null;
    }
    return argument;
  }

  /**
   * Whether the value of the async type is nothing: {@code Void}, or no type argument at all
   * ({@code Completable}).
   */
  public boolean deliversNothing(Type type, VisitorState state) {
    Type value = valueType(type, state);
    if (value == null) {
      AsyncType async = asyncType(type, state);
      Type declared = async == null ? null : matcher.resolve(async.type(), state);
      return declared != null && declared.tsym.getTypeParameters().isEmpty();
    }
    return value.tsym != null && value.tsym.getQualifiedName().contentEquals("java.lang.Void");
  }

  /**
   * How a message names what a method returning {@code asyncType} would return if it were
   * synchronous: the value's simple name, or {@code void} when it delivers nothing.
   */
  public String syncTypeName(Type asyncType, VisitorState state) {
    Type value = valueType(asyncType, state);
    if (value == null || deliversNothing(asyncType, state)) {
      return "void";
    }
    return value.tsym == null ? value.toString() : value.tsym.getSimpleName().toString();
  }

  /** Whether the call plays that role per the model. */
  public boolean is(
      AsyncRole role, @Nullable MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (method == null) {
      return false;
    }
    return roles(method, receiver, state).contains(role);
  }

  /** Whether the call is made for its side effect only (a {@code side-effect} rule, no exception). */
  public boolean isSideEffect(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    Set<AsyncRole> roles = roles(method, receiver, state);
    return roles.contains(AsyncRole.SIDE_EFFECT) && !roles.contains(AsyncRole.NOT_SIDE_EFFECT);
  }

  private Set<AsyncRole> roles(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    List<AsyncRule> candidates = rulesByName.candidates(method.getSimpleName());
    if (candidates.isEmpty()) {
      return Set.of(); // most calls, asked about by several checks each
    }
    // Computed out of line on a call's first question (see CallKey).
    return roleCache.computeIfAbsent(
        CallKey.of(method, receiver), k -> computeRoles(candidates, method, receiver, state));
  }

  private Set<AsyncRole> computeRoles(
      List<AsyncRule> candidates, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    Set<AsyncRole> roles = EnumSet.noneOf(AsyncRole.class);
    for (AsyncRule rule : candidates) {
      if (!roles.contains(rule.role()) && matcher.matchesCall(rule.member(), method, receiver, state)) {
        roles.add(rule.role());
      }
    }
    return roles;
  }

  /**
   * The operator that flattens what the mapping call makes ({@code thenCompose} for {@code
   * thenApply}), per the model's {@code compose} rules: the first of the rule's operators that the
   * receiver has and whose function may return {@code inner}, the future the mapping function
   * returns ({@code Mono#flatMap} takes a function returning a Mono, so a Flux needs {@code
   * flatMapMany}). Null when no rule names the call or none of its operators fits.
   */
  public @Nullable MethodSymbol composeWith(
      MethodSymbol method, @Nullable Type receiver, Type inner, VisitorState state) {
    List<ComposeRule> candidates = composeRulesByName.candidates(method.getSimpleName());
    if (candidates.isEmpty()) {
      return null;
    }
    CallKey key = CallKey.of(method, receiver);
    List<String> operators =
        composeCache.computeIfAbsent(
            key,
            k -> {
              for (ComposeRule rule : candidates) {
                if (matcher.matchesCall(rule.member(), method, receiver, state)) {
                  return rule.with();
                }
              }
              return List.of();
            });
    Type site = receiver != null ? receiver : method.owner.type;
    for (String operator : operators) {
      MethodSymbol flattening = flattening(site, operator, inner, state);
      if (flattening != null) {
        return flattening;
      }
    }
    return null;
  }

  /**
   * The instance method {@code name} of {@code site} whose first parameter is a function that may
   * return {@code inner}, or null.
   */
  private static @Nullable MethodSymbol flattening(
      Type site, String name, Type inner, VisitorState state) {
    Types types = state.getTypes();
    Type innerErasure = types.erasure(inner);
    // The class and its supertypes, most specific first: CompletableFuture#thenCompose returns a
    // CompletableFuture, CompletionStage's a CompletionStage.
    for (Type supertype : types.closure(site)) {
      for (Symbol member : supertype.tsym.members().getSymbolsByName(state.getName(name))) {
        MethodSymbol candidate = member instanceof MethodSymbol m ? m : null;
        if (candidate != null
            && (candidate.flags() & (Flags.STATIC | Flags.SYNTHETIC | Flags.BRIDGE)) == 0 // erased bridges
            && !candidate.getParameters().isEmpty()
            && acceptsFunctionReturning(candidate, innerErasure, types)) {
          return candidate;
        }
      }
    }
    return null;
  }


  /** Whether the method's first parameter is a function whose result may be a {@code innerErasure}. */
  private static boolean acceptsFunctionReturning(
      MethodSymbol candidate, Type innerErasure, Types types) {
    // Its declared signature: only erasures are compared. A plain value parameter
    // (compose(Future)) is not a flattening operator's.
    Type returned = functionResult(candidate.asType().getParameterTypes().get(0), types);
    return returned != null && types.isSubtype(innerErasure, types.erasure(returned));
  }

  /** What a function of that functional interface type returns ({@code Supplier<T>}: T), or null if it is not one. */
  public static @Nullable Type functionResult(@Nullable Type type, Types types) {
    if (type == null || type.tsym == null || !type.tsym.isInterface()) {
      return null;
    }
    try {
      return types.findDescriptorType(type).getReturnType();
    } catch (RuntimeException notAFunction) {
      return null; // an interface that is not functional
    }
  }


  /**
   * The {@code proxied-async} annotation that makes the method run asynchronously through a proxy
   * (on the method, or on its class when the rule says {@code on=any}), or null.
   */
  public @Nullable String asyncAnnotation(MethodSymbol method) {
    for (ProxiedAsyncRule rule : model.proxiedAsyncRules()) {
      if (matcher.hasAnnotation(method, rule.annotation())
          || (rule.target() == AnnotationTarget.ANY
              && method.enclClass() != null
              && matcher.hasAnnotation(method.enclClass(), rule.annotation()))) {
        return rule.annotation();
      }
    }
    return null;
  }

  /** How messages show an async type: its simple name ({@code CompletableFuture}). */
  public static String simpleName(Type type) {
    return type.tsym == null ? type.toString() : type.tsym.getSimpleName().toString();
  }

  /** The call's receiver type, the way {@link ApiMatcher} wants it (null for static calls). */
  public static @Nullable Type receiverType(
      com.sun.source.tree.MethodInvocationTree call, MethodSymbol method) {
    return method.isStatic() ? null : ASTHelpers.getReceiverType(call);
  }
}
