package dev.threadlint.model;

import com.sun.source.tree.CompilationUnitTree;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Questions about a compilation unit's source text, asked before a scan of its tree to skip the
 * scan when the answer is certain: searching the text costs a small part of visiting every node.
 */
final class SourceText {
  private SourceText() {}

  /** The unit's source text, or null when it cannot be read (then nothing is certain). */
  static @Nullable String of(CompilationUnitTree unit) {
    try {
      // javac keeps the content it parsed: this does not read the file again.
      CharSequence content = unit.getSourceFile().getCharContent(false);
      return content == null ? null : content.toString();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether {@code word} occurs in {@code text} as a whole identifier: not inside a longer one
   * ({@code lock} is not in {@code block} or {@code lockCount}). Comments and strings count: the
   * answer may be a false yes, never a false no.
   */
  static boolean containsIdentifier(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
          && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the text may spell identifiers other than as written: a Unicode escape (a backslash,
   * {@code u} and four hex digits, which javac reads as the character anywhere in a file) can
   * spell any of them, so a search of the text proves nothing.
   */
  static boolean mayEscape(String text) {
    return text.indexOf("\\u") >= 0;
  }
}
