package dev.threadlint.model;

import com.sun.source.tree.CompilationUnitTree;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
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
   * Whether any of {@code words} occurs in {@code text} as a whole identifier, where every word
   * contains {@code anchor}: one search for the anchor, and at each occurrence a look at the
   * identifier around it, instead of one search of the whole text per word. Same answers as
   * {@link #containsIdentifier} for each word.
   */
  static boolean containsAnyIdentifier(String text, String anchor, Set<String> words, int longest) {
    int length = text.length();
    for (int at = text.indexOf(anchor); at >= 0; ) {
      int start = at;
      while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
        start--;
      }
      int end = at + anchor.length();
      while (end < length && Character.isJavaIdentifierPart(text.charAt(end))) {
        end++;
      }
      if (end - start <= longest && words.contains(text.substring(start, end))) {
        return true;
      }
      at = text.indexOf(anchor, end); // the rest of this identifier holds no other word
    }
    return false;
  }

  /**
   * The longest string that every word contains (the first found among those of equal length),
   * or the empty string.
   */
  static String commonPart(Collection<String> words) {
    String shortest = null;
    for (String word : words) {
      if (shortest == null || word.length() < shortest.length()) {
        shortest = word;
      }
    }
    if (shortest == null) {
      return "";
    }
    for (int size = shortest.length(); size > 0; size--) {
      for (int from = 0; from + size <= shortest.length(); from++) {
        String part = shortest.substring(from, from + size);
        if (words.stream().allMatch(word -> word.contains(part))) {
          return part;
        }
      }
    }
    return "";
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
