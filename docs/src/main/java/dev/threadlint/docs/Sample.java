package dev.threadlint.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One sample file of samples/: a realistic scenario with the pitfall (nested class {@code
 * Pitfall}) and its fix (nested class {@code Fix}).
 *
 * @param id the file's class name, also the example's anchor on the pages
 * @param path the file, relative to the repository root
 * @param family the folder under {@code samples/}, e.g. {@code eventloop}
 * @param story the file's Javadoc, with inline tags such as {@code {@code x}} left in
 * @param pitfall the {@code Pitfall} class, or null when the file has none
 * @param fix the {@code Fix} class, or null when the file has none
 * @param shared the rest of the file the two use (helpers, records), possibly empty
 * @param markers the {@code // BUG: Diagnostic contains:} lines inside Pitfall: file line → text after the colon
 * @param frameworks the frameworks the file uses, from its imports
 */
record Sample(
    String id,
    Path path,
    String family,
    String story,
    Part pitfall,
    Part fix,
    Snippet shared,
    Map<Integer, String> markers,
    List<String> frameworks) {

  /** A nested class of the sample: its Javadoc as a caption, and its code. */
  record Part(String caption, Snippet code, int firstLine, int lastLine) {
    boolean contains(long line) {
      return firstLine <= line && line <= lastLine;
    }
  }

  /** Whether the Pitfall's markers name the check. */
  boolean shows(String check) {
    return markers.values().stream().anyMatch(marker -> marker.strip().equals(check) || marker.contains(check));
  }

  /** The story's first sentence, without its period (and cut at its first comma when long): the example's title. */
  String title() {
    String plain = JavadocText.toPlainText(story);
    int end = plain.length();
    for (int i = 0; i + 1 < plain.length(); i++) {
      if (plain.charAt(i) == '.' && Character.isWhitespace(plain.charAt(i + 1))) {
        end = i;
        break;
      }
    }
    String title = plain.substring(0, end).strip();
    int comma = title.indexOf(", ");
    if (title.length() > 72 && comma > 20) {
      title = title.substring(0, comma);
    }
    return title.isEmpty() ? id : title;
  }

  /** The story to show under the title: all of it when the title is cut short, else what follows the first sentence. */
  String storyUnderTitle() {
    String firstSentence = JavadocText.toPlainText(story).split("\\.\\s", 2)[0].strip();
    return title().equals(firstSentence) ? storyRest() : story;
  }

  /** The story after its first sentence. */
  String storyRest() {
    int depth = 0;
    for (int i = 0; i + 1 < story.length(); i++) {
      char c = story.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0 && c == '.' && Character.isWhitespace(story.charAt(i + 1))) {
        return story.substring(i + 1).strip();
      }
    }
    return "";
  }
}
