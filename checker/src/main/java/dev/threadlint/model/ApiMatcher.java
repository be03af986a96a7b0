package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Matches javac symbols against {@link MemberPattern}s. One instance per compilation: it caches
 * the types that model files name, so each is looked up once.
 */
public final class ApiMatcher {
  private final Map<String, Optional<Type>> types = new HashMap<>();

  /** The erased type of that name, or null when it is not on the classpath. */
  public @Nullable Type resolve(String name, VisitorState state) {
    // Get, then put: computeIfAbsent would allocate a lambda capturing `state` on every call.
    Optional<Type> type = types.get(name);
    if (type == null) {
      Type found = state.getTypeFromString(name);
      type = Optional.ofNullable(found == null ? null : state.getTypes().erasure(found));
      types.put(name, type);
    }
    return type.orElse(null);
  }

  /**
   * The class among the supertypes of the erased {@code subject} (itself included) whose
   * qualified name is {@code name}, or null. Read off javac's closure of the subject, which
   * completes the subject's supertypes and nothing else: the model's type itself is neither
   * looked up nor read. Most types the model names (a Vert.x, Reactor or Swing type in a
   * compilation of plain JDK code) are in no compilation's hierarchy; looking each one up on the
   * class path, and reading the class files of those it found, was a third of the plugin's fixed
   * cost per compilation.
   */
  @Nullable ClassSymbol supertypeNamed(@Nullable Type subject, String name, VisitorState state) {
    if (subject == null) {
      return null;
    }
    Types types = state.getTypes();
    Type erased = types.erasure(subject);
    if (!erased.hasTag(TypeTag.CLASS) || erased.tsym == null) {
      return null;
    }
    Name wanted = nameOf(erased.tsym, name);
    // Out of line through computeIfAbsent (see CallKey): inlined, javac's closure computation
    // made this method an 11 kB compilation that took C2 0.55 s in a JDK 17 run on vertx-core.
    List<Type> supertypes = closures.computeIfAbsent(erased.tsym, s -> supertypes(erased, types));
    for (Type supertype : supertypes) {
      if (supertype.tsym instanceof ClassSymbol found && found.getQualifiedName().equals(wanted)) {
        return found;
      }
    }
    return null;
  }

  /**
   * The supertypes of an erased class type, itself included (javac's closure, which javac
   * caches); none when one's class file is missing from the class path, as javac's own subtype
   * test would then fail too.
   */
  private static List<Type> supertypes(Type erased, Types types) {
    try {
      return types.closure(erased);
    } catch (Symbol.CompletionFailure missing) {
      return List.of();
    }
  }

  /**
   * Whether the erasure of {@code type} is {@code target} or a subtype of it, from the supertypes
   * of {@code type} alone.
   */
  static boolean inHierarchy(@Nullable Type type, Symbol target, VisitorState state) {
    if (type == null) {
      return false;
    }
    Types types = state.getTypes();
    Type erased = types.erasure(type);
    if (erased.tsym == target) {
      return true;
    }
    if (!erased.hasTag(TypeTag.CLASS)) {
      return types.isSubtype(erased, types.erasure(target.type)); // an array: Object, Cloneable
    }
    for (Type supertype : supertypes(erased, types)) {
      if (supertype.tsym == target) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is {@code superName} or a subtype of it (erased). */
  public boolean isSubtype(@Nullable Type type, String superName, VisitorState state) {
    if (type == null) {
      return false;
    }
    if (!state.getTypes().erasure(type).hasTag(TypeTag.CLASS)) {
      Type target = resolve(superName, state); // an array or a primitive: rare, asked of javac
      return target != null && state.getTypes().isSubtype(state.getTypes().erasure(type), target);
    }
    return supertypeNamed(type, superName, state) != null;
  }

  /**
   * Whether a call of {@code method} on a receiver of static type {@code receiver} (null for
   * static calls and constructors) is one the pattern names: the method is declared in the
   * pattern's type, overrides a method declared there, or is inherited by it and called on it;
   * for a name glob, also a public method declared in a subtype.
   */
  public boolean matchesCall(
      MemberPattern pattern, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (!pattern.nameMatches(method.getSimpleName().toString())
        || !pattern.paramsMatch(method, state.getTypes())) {
      return false;
    }
    if (!pattern.isExactType()) {
      return pattern.typeNameMatches(ownerName(method))
          || (receiver != null
              && receiver.tsym != null
              && pattern.typeNameMatches(receiver.tsym.getQualifiedName().toString()));
    }
    // The pattern's type is the method's owner, or above it (the owner overrides or inherits the
    // method), or between the receiver and the owner: found among the supertypes of those two.
    ClassSymbol aboveOwner = supertypeNamed(method.owner.type, pattern.type(), state);
    if (aboveOwner == method.owner) {
      return true;
    }
    if (receiver != null) {
      ClassSymbol target = supertypeNamed(receiver, pattern.type(), state);
      if (target != null && inHierarchy(target.type, method.owner, state)) {
        return true;
      }
    }
    if (aboveOwner == null) {
      return false;
    }
    if (pattern.exactName() == null && !method.isConstructor() && (method.flags() & Flags.PUBLIC) != 0) {
      // A name glob names a family of API methods across the type's hierarchy: `add*Listener` on
      // java.awt.Component covers JButton's addActionListener, declared in AbstractButton. Not a
      // subtype's internals: a promise aggregator's private awaitingPromises() is no await.
      return true;
    }
    if (method.isStatic() || method.isConstructor()) {
      return false;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (overridden.owner == aboveOwner) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code method} overrides (or is) a method the pattern names in its declaring type. */
  public boolean matchesOverride(MemberPattern pattern, MethodSymbol method, VisitorState state) {
    if (!pattern.nameMatches(method.getSimpleName().toString())) {
      return false;
    }
    if (declaredIn(pattern, method)) {
      return true;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (declaredIn(pattern, overridden)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaredIn(MemberPattern pattern, MethodSymbol method) {
    return pattern.typeNameMatches(ownerName(method));
  }

  /** Whether the symbol carries an annotation of that qualified name (matched by name only). */
  public boolean hasAnnotation(Symbol symbol, String annotation) {
    List<Attribute.Compound> mirrors = symbol.getAnnotationMirrors();
    if (mirrors.isEmpty()) {
      return false;
    }
    // Compared as interned javac names: Name.contentEquals decodes the name into a new String on
    // JDK 17, for each annotation of each symbol asked about (most of the Vert.x API is annotated).
    Name wanted = nameOf(symbol, annotation);
    for (Attribute.Compound mirror : mirrors) {
      if (mirror.type.tsym.getQualifiedName().equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the symbol carries an annotation of one of those qualified names: one pass over its
   * annotations, where asking {@link #hasAnnotation} for each name would make one per name.
   * {@code annotations} should be the same list object each time (its names are kept by it).
   */
  public boolean hasAnyAnnotation(Symbol symbol, List<String> annotations) {
    List<Attribute.Compound> mirrors = symbol.getAnnotationMirrors();
    if (mirrors.isEmpty()) {
      return false;
    }
    useTable(symbol);
    Set<Name> wanted = nameSets.get(annotations);
    if (wanted == null) {
      wanted = new HashSet<>();
      for (String annotation : annotations) {
        wanted.add(nameOf(symbol, annotation));
      }
      nameSets.put(annotations, wanted);
    }
    for (Attribute.Compound mirror : mirrors) {
      if (wanted.contains(mirror.type.tsym.getQualifiedName())) {
        return true;
      }
    }
    return false;
  }

  private Name.@Nullable Table table;
  private final Map<String, Name> names = new HashMap<>();
  /** The supertypes of classes, by class (per compilation, like {@link #names}). */
  private final Map<Symbol, List<Type>> closures = new HashMap<>();
  /** A model name in the current compilation's table: made once, for computeIfAbsent. */
  private final Function<String, Name> toName = text -> table.fromString(text);
  private final Map<List<String>, Set<Name>> nameSets = new IdentityHashMap<>();

  /** Forgets the names of an earlier compilation's table (each compilation has its own). */
  private void useTable(Symbol symbol) {
    Name.Table current = symbol.name.table;
    if (current != table) {
      names.clear();
      nameSets.clear();
      closures.clear();
      table = current;
    }
  }

  private Name nameOf(Symbol symbol, String text) {
    useTable(symbol);
    return names.computeIfAbsent(text, toName); // the name table's code out of line (see CallKey)
  }


  static String ownerName(MethodSymbol method) {
    return method.owner.getQualifiedName().toString();
  }
}
