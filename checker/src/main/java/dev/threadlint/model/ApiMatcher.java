package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Matches javac symbols against {@link MemberPattern}s. One instance per compilation: it caches
 * the types that model files name, so each is looked up once.
 */
public final class ApiMatcher {
  private final Map<String, Optional<Type>> types = new HashMap<>();

  /** The erased type of that name, or null when it is not on the classpath. */
  public @Nullable Type resolve(String name, VisitorState state) {
    Optional<Type> type = types.get(name); // no computeIfAbsent: see RulesByName
    if (type == null) {
      Type found = state.getTypeFromString(name);
      type = Optional.ofNullable(found == null ? null : state.getTypes().erasure(found));
      types.put(name, type);
    }
    return type.orElse(null);
  }

  /** Whether {@code type} is {@code superName} or a subtype of it (erased). */
  public boolean isSubtype(@Nullable Type type, String superName, VisitorState state) {
    Type target = resolve(superName, state);
    if (type == null || target == null) {
      return false;
    }
    Types javacTypes = state.getTypes();
    return javacTypes.isSubtype(javacTypes.erasure(type), target);
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
    Type target = resolve(pattern.type(), state);
    if (target == null) {
      return false;
    }
    Types javacTypes = state.getTypes();
    if (method.owner == target.tsym) {
      return true;
    }
    if (receiver != null
        && javacTypes.isSubtype(javacTypes.erasure(receiver), target)
        && javacTypes.isSubtype(target, javacTypes.erasure(method.owner.type))) {
      return true;
    }
    if (pattern.exactName() == null
        && !method.isConstructor()
        && (method.flags() & Flags.PUBLIC) != 0
        && javacTypes.isSubtype(javacTypes.erasure(method.owner.type), target)) {
      // A name glob names a family of API methods across the type's hierarchy: `add*Listener` on
      // java.awt.Component covers JButton's addActionListener, declared in AbstractButton. Not a
      // subtype's internals: a promise aggregator's private awaitingPromises() is no await.
      return true;
    }
    if (method.isStatic() || method.isConstructor()) {
      return false;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, javacTypes)) {
      if (overridden.owner == target.tsym) {
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
  private final Map<List<String>, Set<Name>> nameSets = new IdentityHashMap<>();

  /** Forgets the names of an earlier compilation's table (each compilation has its own). */
  private void useTable(Symbol symbol) {
    Name.Table current = symbol.name.table;
    if (current != table) {
      names.clear();
      nameSets.clear();
      table = current;
    }
  }

  private Name nameOf(Symbol symbol, String text) {
    useTable(symbol);
    Name name = names.get(text); // no computeIfAbsent: see RulesByName
    if (name == null) {
      name = symbol.name.table.fromString(text);
      names.put(text, name);
    }
    return name;
  }


  static String ownerName(MethodSymbol method) {
    return method.owner.getQualifiedName().toString();
  }
}
