package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a field is declared confined to one thread by its author: annotated {@code
 * @ThreadConfined} (Infer's, by simple name), or described so by the comment on its declaration
 * ({@code // only accessed on the channel's event loop}, {@code // accessed only from the I/O
 * thread}, {@code // confined to the event loop}). A race the analysis finds on such a field is
 * one the author has ruled out with knowledge it does not have (which thread calls a callback), so
 * the shared-state checks stay silent on it.
 *
 * <p>Only a claim about every access counts: {@code // only mutated on the admin thread} says the
 * writes are confined, and reads from other threads still need the field to be volatile.
 *
 * <p>Asked only of a field about to be reported: it finds the declaration and reads its comments.
 */
public final class Confinement {
  private Confinement() {}

  /** Any character of the same sentence: a dot ends it only before a space ({@code a.b} does not). */
  private static final String SAME = "(?:[^.;]|\\.(?=\\S))";

  private static final String THREAD = SAME + "{0,60}?(thread|event ?-?loop|executor)";

  /** "only (ever) accessed/used/read and written ... on/from/in/by ... thread". */
  private static final Pattern ONLY_ACCESSED =
      Pattern.compile(
          "\\b(only|exclusively)\\b" + SAME + "{0,20}?\\b(accessed|used|touched|read (and|or) (written|write|modified))\\b"
              + SAME + "{0,20}?\\b(on|from|in|by|within)\\b"
              + THREAD);

  /** "accessed/used only on/from/in/by ... thread", "confined to ... thread". */
  private static final Pattern ACCESSED_ONLY =
      Pattern.compile(
          "(\\b(accessed|used|touched)\\s+(only|exclusively)\\s+(on|from|in|by|within)\\b|\\bconfined to\\b)"
              + THREAD);

  /** Whether the field's author declares every access to it confined to one thread. */
  public static boolean isDeclared(VarSymbol field, VisitorState state) {
    for (var mirror : field.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("ThreadConfined")) {
        return true;
      }
    }
    TreePath declaration = JavacTrees.instance(state.context).getPath(field);
    if (declaration == null
        || !(declaration.getCompilationUnit() instanceof JCCompilationUnit unit)
        || !(declaration.getLeaf() instanceof JCTree tree)) {
      return false;
    }
    String text = SourceText.of(unit);
    if (text == null) {
      return false;
    }
    int start = ASTHelpers.getStartPosition(tree);
    int end = tree.getEndPosition(unit.endPositions);
    return claimsConfinement(commentsAround(text, start, end));
  }

  /** Whether a comment's text says that every access happens on one thread. */
  static boolean claimsConfinement(String comment) {
    String text = comment.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return ONLY_ACCESSED.matcher(text).find() || ACCESSED_ONLY.matcher(text).find();
  }

  /**
   * The comments attached to the declaration at [start, end): the line and block comments right
   * above it (no blank line between) and a line comment after it on its last line.
   */
  static String commentsAround(String text, int start, int end) {
    StringBuilder comments = new StringBuilder();
    if (start < 0 || start > text.length()) {
      return "";
    }
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (!text.substring(lineStart, start).isBlank()) {
      return ""; // another declaration on the same line: nothing above is its own
    }
    int at = lineStart; // the start of the line being looked above
    while (at > 0) {
      int previousStart = text.lastIndexOf('\n', at - 2) + 1;
      String line = text.substring(previousStart, at - 1).strip();
      if (line.startsWith("//")) {
        comments.insert(0, line.substring(2) + " ");
      } else if (line.endsWith("*/")) {
        int open = text.lastIndexOf("/*", at - 1);
        if (open < 0) {
          break;
        }
        comments.insert(0, text.substring(open + 2, text.lastIndexOf("*/", at - 1)).replace('*', ' ') + " ");
        at = text.lastIndexOf('\n', open) + 1;
        continue;
      } else if (!line.startsWith("@")) {
        break; // code or a blank line: the comments above belong to something else
      }
      at = previousStart;
    }
    if (end > start && end <= text.length()) {
      int lineEnd = text.indexOf('\n', end);
      String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd);
      int slashes = rest.indexOf("//");
      if (slashes >= 0) {
        comments.append(rest.substring(slashes + 2));
      }
    }
    return comments.toString();
  }
}
