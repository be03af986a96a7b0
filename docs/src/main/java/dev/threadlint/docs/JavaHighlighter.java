package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small Java highlighter: a lexer good enough for readable code (comments, strings and text
 * blocks, characters, numbers, keywords, annotations, types, constants, method names), producing
 * one HTML line per source line so pages can number and mark lines. Spans never cross a line.
 */
final class JavaHighlighter {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record",
          "yield", "sealed", "permits", "true", "false", "null");

  private JavaHighlighter() {}

  /** The code as HTML, one string per line (no trailing empty line for a final newline). */
  static List<String> highlightLines(String code) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      int end;
      String kind;
      if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        end = indexOrEnd(code, "\n", i);
        kind = "c";
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int close = code.indexOf("*/", i + 2);
        end = close < 0 ? n : close + 2;
        kind = "c";
      } else if (code.startsWith("\"\"\"", i)) {
        int close = code.indexOf("\"\"\"", i + 3);
        end = close < 0 ? n : close + 3;
        kind = "s";
      } else if (c == '"' || c == '\'') {
        end = quoted(code, i, c);
        kind = "s";
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1)))) {
        end = i + 1;
        while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_' || code.charAt(end) == '.')) {
          end++;
        }
        kind = "n";
      } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(code.charAt(i + 1))) {
        end = i + 1;
        while (end < n && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '.')) {
          end++;
        }
        kind = code.startsWith("@interface", i) ? "k" : "a";
      } else if (Character.isJavaIdentifierStart(c)) {
        end = i + 1;
        while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
          end++;
        }
        kind = identifierKind(code, i, end);
      } else {
        end = i + 1;
        kind = null;
      }
      append(lines, line, code.substring(i, end), kind);
      i = end;
    }
    if (line.length() > 0 || (!code.isEmpty() && !code.endsWith("\n"))) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static String identifierKind(String code, int start, int end) {
    String word = code.substring(start, end);
    if (KEYWORDS.contains(word)) {
      return "k";
    }
    if (word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT)) && word.chars().anyMatch(Character::isLetter)) {
      // URI in "URI reportUri" or "new URI(...)" is a type; LOG in "LOG.info" a constant.
      return declaresOrConstructs(code, start, end) ? "t" : "cn";
    }
    if (Character.isUpperCase(word.charAt(0))) {
      return "t";
    }
    int next = end;
    while (next < code.length() && (code.charAt(next) == ' ')) {
      next++;
    }
    return next < code.length() && code.charAt(next) == '(' ? "f" : null;
  }

  private static boolean declaresOrConstructs(String code, int start, int end) {
    int next = end;
    while (next < code.length() && code.charAt(next) == ' ') {
      next++;
    }
    boolean declares =
        next > end && next < code.length() && Character.isJavaIdentifierStart(code.charAt(next))
            || next < code.length() && code.charAt(next) == '<';
    return declares || code.substring(Math.max(0, start - 4), start).equals("new ");
  }

  private static int quoted(String code, int start, char quote) {
    int i = start + 1;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote || c == '\n') {
        return c == quote ? i + 1 : i;
      }
      i++;
    }
    return code.length();
  }

  private static int indexOrEnd(String code, String what, int from) {
    int at = code.indexOf(what, from);
    return at < 0 ? code.length() : at;
  }

  /** Appends a token, closing its span at each line break and reopening it on the next line. */
  private static void append(List<String> lines, StringBuilder line, String token, String kind) {
    String[] parts = token.split("\n", -1);
    for (int p = 0; p < parts.length; p++) {
      if (p > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (parts[p].isEmpty()) {
        continue;
      }
      if (kind == null) {
        line.append(Html.escape(parts[p]));
      } else {
        line.append("<span class=\"tok-").append(kind).append("\">").append(Html.escape(parts[p])).append("</span>");
      }
    }
  }
}
