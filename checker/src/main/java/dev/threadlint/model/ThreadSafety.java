package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadModel.UnsafeType;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the model says about sharing objects between threads: which types are thread-safe, which
 * are not, which calls change an object, which classes declare themselves {@code @ThreadSafe}.
 * Lookups are memoized per type symbol; one instance per compilation.
 */
public final class ThreadSafety {
  /** How safe an object held in a variable is to use from several threads. */
  public enum Sharing {
    /** A thread-safe type or a thread-safe factory's result: every call is atomic. */
    SAFE,
    /** Known not thread-safe: its declared type, or every value it holds, is. */
    UNSAFE,
    /** The analysis cannot tell: checks stay silent. */
    UNKNOWN
  }

  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final Map<CallKey, Boolean> mutatorCalls = new HashMap<>();
  private final Map<TypeSymbol, Boolean> safeTypes = new HashMap<>();
  private final Map<TypeSymbol, Boolean> legacyTypes = new HashMap<>();
  private final Map<TypeSymbol, Optional<UnsafeType>> unsafeTypes = new HashMap<>();

  private final RulesByName<MemberPattern> mutators;
  private final RulesByName<MemberPattern> safeFactories;

  public ThreadSafety(ThreadModel model, ApiMatcher matcher) {
    this.mutators = RulesByName.of(model.mutators());
    this.safeFactories = RulesByName.of(model.threadSafeFactories());
    this.model = model;
    this.matcher = matcher;
  }

  /** Whether instances of the type are safe to share (atomics, concurrent collections). */
  public boolean isThreadSafe(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return false;
    }
    return safeTypes.computeIfAbsent(
        type.tsym,
        t -> model.threadSafeTypes().stream().anyMatch(name -> matcher.isSubtype(type, name, state)));
  }

  /**
   * Whether the type is thread-safe only by history ({@code legacy=true}: a {@code Properties} is a
   * Hashtable), so that holding one is no sign that the code shares it.
   */
  public boolean isLegacyThreadSafe(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null || model.legacyThreadSafeTypes().isEmpty()) {
      return false;
    }
    return legacyTypes.computeIfAbsent(
        type.tsym,
        t -> model.legacyThreadSafeTypes().stream().anyMatch(name -> matcher.isSubtype(type, name, state)));
  }

  /** The model's entry for a type whose instances must not be shared, or null. */
  public @Nullable UnsafeType unsafeType(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null || type.isPrimitive()) {
      return null;
    }
    return unsafeTypes
        .computeIfAbsent(
            type.tsym,
            t -> {
              if (isThreadSafe(type, state)) {
                return Optional.empty();
              }
              return model.unsafeTypes().stream()
                  .filter(u -> matcher.isSubtype(type, u.type(), state))
                  .findFirst();
            })
        .orElse(null);
  }

  /** Whether the call changes the state of the object it is called on. */
  public boolean isMutator(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    List<MemberPattern> candidates = mutators.candidates(method.getSimpleName());
    if (candidates.isEmpty()) {
      return false;
    }
    // `set*` and `add*` name half the setters of a code base: each answer is kept per call shape.
    return mutatorCalls.computeIfAbsent(
        CallKey.of(method, receiver),
        k -> candidates.stream().anyMatch(p -> matcher.matchesCall(p, method, receiver, state)));
  }

  /**
   * Whether the expression builds an executor that runs its tasks one at a time: a {@code
   * serial-executor} factory, or a {@code new} of a {@code serial-executor-type} (gRPC's {@code
   * new SynchronizationContext(...)}, kept in a field of type {@code Executor}).
   */
  public boolean isSerialExecutorFactory(ExpressionTree value, VisitorState state) {
    Tree stripped = strip(value);
    if (stripped instanceof NewClassTree created) {
      return created.getClassBody() == null && isSerialExecutorType(ASTHelpers.getType(created), state);
    }
    if (!(stripped instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method != null
        && model.serialExecutors().stream().anyMatch(p -> matcher.matchesCall(p, method, null, state));
  }

  /** Whether tasks handed over with the same queue of the type run one at a time, in order. */
  public boolean isSerialQueueType(@Nullable Type type, VisitorState state) {
    return type != null
        && !model.serialQueueTypes().isEmpty()
        && model.serialQueueTypes().stream().anyMatch(name -> matcher.isSubtype(type, name, state));
  }

  /** Whether executors of the type run their tasks one at a time on one thread. */
  public boolean isSerialExecutorType(@Nullable Type type, VisitorState state) {
    return type != null
        && model.serialExecutorTypes().stream().anyMatch(name -> matcher.isSubtype(type, name, state));
  }

  /**
   * How safe the object a variable holds is to share, from its declared type and the values the
   * unit assigns to it (its initializer included).
   */
  public Sharing sharingOf(Symbol variable, List<ExpressionTree> values, VisitorState state) {
    Type declared = variable.type;
    if (isThreadSafe(declared, state)) {
      return Sharing.SAFE;
    }
    if (unsafeType(declared, state) != null) {
      return Sharing.UNSAFE;
    }
    if (values.isEmpty()) {
      return Sharing.UNKNOWN;
    }
    boolean allUnsafe = true;
    for (ExpressionTree value : values) {
      Tree stripped = strip(value);
      if (stripped.getKind() == Tree.Kind.NULL_LITERAL) {
        continue;
      }
      if (stripped instanceof NewClassTree created && created.getClassBody() == null) {
        Type type = ASTHelpers.getType(created);
        if (isThreadSafe(type, state)) {
          return Sharing.SAFE;
        }
        allUnsafe &= unsafeType(type, state) != null;
      } else if (stripped instanceof MethodInvocationTree call && isSafeFactory(call, state)) {
        return Sharing.SAFE;
      } else {
        allUnsafe = false;
      }
    }
    return allUnsafe ? Sharing.UNSAFE : Sharing.UNKNOWN;
  }

  /** The type the {@code UNSAFE} verdict comes from: the declared one, or the first value's. */
  public @Nullable UnsafeType unsafeTypeOf(Symbol variable, List<ExpressionTree> values, VisitorState state) {
    UnsafeType declared = unsafeType(variable.type, state);
    if (declared != null) {
      return declared;
    }
    for (ExpressionTree value : values) {
      UnsafeType type = unsafeType(ASTHelpers.getType(strip(value)), state);
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  private boolean isSafeFactory(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    for (MemberPattern pattern : safeFactories.candidates(method.getSimpleName())) {
      if (matcher.matchesCall(pattern, method, null, state)) {
        return true;
      }
    }
    return isThreadSafe(method.getReturnType(), state);
  }

  /** The thread-safe annotation the class carries (its simple name), or null. */
  public @Nullable String threadSafeAnnotation(@Nullable ClassSymbol owner) {
    if (owner == null || owner.getAnnotationMirrors().isEmpty()) {
      return null;
    }
    // Asked for every method of the class: the annotation names are decoded once per class.
    return threadSafeAnnotations.computeIfAbsent(owner, o -> Optional.ofNullable(findThreadSafeAnnotation(o))).orElse(null);
  }

  private final Map<ClassSymbol, Optional<String>> threadSafeAnnotations = new IdentityHashMap<>();

  private @Nullable String findThreadSafeAnnotation(ClassSymbol owner) {
    for (var mirror : owner.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().asElement().toString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      for (String wanted : model.threadSafeAnnotations()) {
        if (wanted.equals(name) || (!wanted.contains(".") && wanted.equals(simple))) {
          return simple;
        }
      }
    }
    return null;
  }

  static Tree strip(Tree tree) {
    Tree t = tree;
    while (t instanceof ParenthesizedTree || t instanceof TypeCastTree) {
      t = t instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) t).getExpression();
    }
    return t;
  }
}
