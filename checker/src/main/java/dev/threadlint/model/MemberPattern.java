package dev.threadlint.model;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pattern naming methods in a model file: {@code type#name} or {@code type#name(params)}.
 *
 * <ul>
 *   <li>{@code type} is a fully qualified name (matched with its subtypes), a package tree {@code
 *       io.vertx.**}, or a name glob such as {@code java.awt.event.*Listener} (globs match by name
 *       only, no subtypes).
 *   <li>{@code name} is a method name, a glob such as {@code blocking*}, {@code *} or {@code
 *       <init>} for constructors.
 *   <li>{@code params}, when given, are erased parameter types separated by commas; {@code *}
 *       matches one parameter of any type and a trailing {@code ..} any remaining ones.
 * </ul>
 */
public final class MemberPattern {
  private final String text;
  private final String type;
  /** The literal parts of a type glob around its stars, or null for an exact type. */
  private final String @Nullable [] typeGlob;
  /** Per star of {@link #typeGlob}: whether it is {@code **} (crosses dots) or {@code *} (does not). */
  private final boolean @Nullable [] deepStars;
  private final String name;
  /** The literal parts of a name glob around its stars ({@code get*Async}: "get", "Async"), or null. */
  private final String @Nullable [] nameGlob;
  private final @Nullable List<String> params;

  private MemberPattern(
      String text, String type, String name, @Nullable List<String> params) {
    this.text = text;
    this.type = type;
    Glob typeParts = type.indexOf('*') >= 0 ? Glob.of(type) : null;
    this.typeGlob = typeParts == null ? null : typeParts.literals();
    this.deepStars = typeParts == null ? null : typeParts.deep();
    this.name = name;
    this.nameGlob = name.indexOf('*') >= 0 ? Glob.of(name).literals() : null;
    this.params = params;
  }

  // The knowledge base is parsed at the start of every compilation (some 900 patterns), and a
  // type glob is tested against the owner of every distinct method a rule may name: both are
  // written out on characters. With java.util.regex, the plugin made the regex engine's code hot
  // enough for the JIT to compile more of it in every javac run (guava, JFR: C1 + C2 time on
  // java.util.regex 80 ms without the plugin, 100-200 ms with it).

  /**
   * A glob split at its runs of stars: the literal parts around them ({@code get*Async}: "get",
   * "Async"; one more than the runs) and, per run, whether it has two stars or more.
   */
  private record Glob(String[] literals, boolean[] deep) {
    static Glob of(String glob) {
      List<String> literals = new ArrayList<>();
      List<Boolean> deep = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < glob.length(); i++) {
        if (glob.charAt(i) == '*') {
          literals.add(glob.substring(start, i));
          int first = i;
          while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
          }
          deep.add(i > first);
          start = i + 1;
        }
      }
      literals.add(glob.substring(start));
      boolean[] deepRuns = new boolean[deep.size()];
      for (int i = 0; i < deepRuns.length; i++) {
        deepRuns[i] = deep.get(i);
      }
      return new Glob(literals.toArray(String[]::new), deepRuns);
    }
  }

  /** A character of a Java name as the model files spell them: ASCII letters, digits, _ and $. */
  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  }

  /** Whether {@code text} is not empty and has only name characters and those of {@code others}. */
  static boolean namesOnly(String text, String others) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isNameChar(c) && others.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} is one or more ASCII digits. */
  static boolean isNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A parameter type: a qualified name of non-empty dot-separated parts, then {@code []}s. */
  private static boolean isParameterType(String text) {
    int end = text.length();
    while (end >= 2 && text.charAt(end - 1) == ']' && text.charAt(end - 2) == '[') {
      end -= 2;
    }
    String qualified = text.substring(0, end);
    if (!namesOnly(qualified, ".") || qualified.startsWith(".") || qualified.endsWith(".")) {
      return false;
    }
    return !qualified.contains("..");
  }

  /** Parses {@code type#name[(params)]}; the message of the exception says what is wrong. */
  public static MemberPattern parse(String text) {
    int hash = text.indexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      throw new IllegalArgumentException("expected type#method, got '" + text + "'");
    }
    String type = text.substring(0, hash);
    String rest = text.substring(hash + 1);
    List<String> params = null;
    int open = rest.indexOf('(');
    if (open >= 0) {
      if (!rest.endsWith(")")) {
        throw new IllegalArgumentException("unclosed parameter list in '" + text + "'");
      }
      params = new ArrayList<>();
      String inside = rest.substring(open + 1, rest.length() - 1).trim();
      if (!inside.isEmpty()) {
        for (String p : inside.split(",", -1)) {
          params.add(p.trim());
        }
      }
      for (int i = 0; i < params.size(); i++) {
        String p = params.get(i);
        boolean anyRest = p.equals("..") && i == params.size() - 1;
        if (!anyRest && !p.equals("*") && !isParameterType(p)) {
          throw new IllegalArgumentException("malformed parameter '" + p + "' in '" + text + "'");
        }
      }
      rest = rest.substring(0, open);
    }
    if (!namesOnly(type, ".*") || !namesOnly(rest, "*<>")) {
      throw new IllegalArgumentException("malformed member pattern '" + text + "'");
    }
    return new MemberPattern(text, type, rest, params);
  }

  /** The type part: a qualified name, a package tree or a glob. */
  public String type() {
    return type;
  }

  /** Whether {@link #type()} is one exact type (matched with its subtypes). */
  public boolean isExactType() {
    return typeGlob == null;
  }

  /** Whether the method name is a glob of stars only ({@code Type#*}), which any name matches. */
  public boolean namesAnyMethod() {
    return nameGlob != null && name.chars().allMatch(c -> c == '*');
  }

  /** The exact method name, or null when the name is a glob. */
  public @Nullable String exactName() {
    return nameGlob == null ? name : null;
  }

  public boolean nameMatches(String methodName) {
    return nameGlob == null ? name.equals(methodName) : globMatches(nameGlob, methodName);
  }

  /**
   * Whether a name matches a glob, given the glob's literal parts: the first is a prefix, the
   * last a suffix, the others occur in order between them (leftmost first, which is enough for
   * stars). Method names have no dots, so a star matches anything; a regex per name costs more.
   */
  private static boolean globMatches(String[] parts, String text) {
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (text.length() < first.length() + last.length()
        || !text.startsWith(first)
        || !text.endsWith(last)) {
      return false;
    }
    int from = first.length();
    int until = text.length() - last.length();
    for (int i = 1; i < parts.length - 1; i++) {
      int at = text.indexOf(parts[i], from);
      if (at < 0 || at + parts[i].length() > until) {
        return false;
      }
      from = at + parts[i].length();
    }
    return true;
  }

  /** Whether a type name matches a glob type pattern (only for non-exact patterns). */
  public boolean typeNameMatches(String qualifiedName) {
    if (typeGlob == null) {
      return type.equals(qualifiedName);
    }
    return qualifiedName.startsWith(typeGlob[0]) && starsMatch(qualifiedName, 0, typeGlob[0].length());
  }

  /**
   * Whether star {@code star} of the type glob and everything after it match {@code text} from
   * {@code from}: the star takes as few characters as it can (a single star no dot) such that the
   * literal after it follows and the rest matches too. Type globs have a star or two, and names
   * are short: the backtracking stays small.
   */
  private boolean starsMatch(String text, int star, int from) {
    if (star == deepStars.length) {
      return from == text.length();
    }
    String next = typeGlob[star + 1];
    for (int at = from; at + next.length() <= text.length(); at++) {
      if (at > from && !deepStars[star] && text.charAt(at - 1) == '.') {
        return false; // a single star does not cross into the next package or class
      }
      if (text.startsWith(next, at) && starsMatch(text, star + 1, at + next.length())) {
        return true;
      }
    }
    return false;
  }

  public boolean paramsMatch(MethodSymbol method, Types types) {
    if (params == null) {
      return true;
    }
    List<Symbol.VarSymbol> actual = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      String expected = params.get(i);
      if (expected.equals("..")) {
        return i == params.size() - 1;
      }
      if (i >= actual.size()) {
        return false;
      }
      if (expected.equals("*")) {
        continue;
      }
      if (!erasedName(types.erasure(actual.get(i).type)).equals(expected)) {
        return false;
      }
    }
    return actual.size() == params.size();
  }

  /**
   * An erased type as a parameter pattern spells it: a class by its qualified name (a nested one
   * with dots), a primitive by its keyword, {@code []} per array dimension. Not {@code
   * Type.toString}: javac's printer is large code to run and compile for every parameter compared
   * (C2 spent 100-126 ms compiling this method around it on vertx-core), and it prints type
   * annotations, which erasure keeps on {@code String} and primitives.
   */
  static String erasedName(Type erased) {
    if (erased instanceof Type.ArrayType array) {
      return erasedName(array.elemtype) + "[]";
    }
    if ((erased.hasTag(TypeTag.CLASS) || erased.isPrimitive()) && erased.tsym != null) {
      return erased.tsym.getQualifiedName().toString();
    }
    return erased.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
