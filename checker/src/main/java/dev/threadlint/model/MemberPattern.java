package dev.threadlint.model;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
  private final @Nullable Pattern typeGlob;
  private final String name;
  /** The literal parts of a name glob around its stars ({@code get*Async}: "get", "Async"), or null. */
  private final String @Nullable [] nameGlob;
  private final @Nullable List<String> params;

  private MemberPattern(
      String text, String type, String name, @Nullable List<String> params) {
    this.text = text;
    this.type = type;
    this.typeGlob = type.contains("*") ? glob(type) : null;
    this.name = name;
    this.nameGlob = name.contains("*") ? STARS.split(name, -1) : null;
    this.params = params;
  }

  // Compiled once: the knowledge base is parsed at the start of every compilation, and
  // String.matches compiles its regex on each call.
  private static final Pattern PARAMETER = Pattern.compile("[\\w$]+(\\.[\\w$]+)*(\\[\\])*");
  private static final Pattern TYPE = Pattern.compile("[\\w.$*]+");
  private static final Pattern NAME = Pattern.compile("[\\w$*<>]+");
  private static final Pattern STARS = Pattern.compile("\\*+");

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
        if (!anyRest && !p.equals("*") && !PARAMETER.matcher(p).matches()) {
          throw new IllegalArgumentException("malformed parameter '" + p + "' in '" + text + "'");
        }
      }
      rest = rest.substring(0, open);
    }
    if (!TYPE.matcher(type).matches() || !NAME.matcher(rest).matches()) {
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
    return typeGlob == null ? type.equals(qualifiedName) : typeGlob.matcher(qualifiedName).matches();
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

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean deep = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        regex.append(deep ? ".*" : "[^.]*");
        if (deep) {
          i++;
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return text;
  }
}
