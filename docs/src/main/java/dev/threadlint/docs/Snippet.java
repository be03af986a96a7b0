package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Code shown on a page: lines of a sample file, each with its line number in that file so the
 * compiler's findings can be placed on them. The test markers ({@code // BUG: Diagnostic
 * contains: ...} and the {@code //} lines of expected message parts after it) are left out: the
 * page shows the real warning on the line instead.
 */
record Snippet(List<Line> lines) {
  static final String MARKER = "// BUG: Diagnostic contains:";

  record Line(int fileLine, String text) {}

  Snippet {
    lines = List.copyOf(lines);
  }

  /** Lines {@code from} to {@code to} (1-based, inclusive) of the file, markers removed, dedented. */
  static Snippet of(List<String> fileLines, int from, int to) {
    List<Line> kept = new ArrayList<>();
    boolean inMarker = false;
    for (int n = from; n <= to; n++) {
      String text = fileLines.get(n - 1);
      String trimmed = text.strip();
      if (trimmed.startsWith(MARKER)) {
        inMarker = true;
        continue;
      }
      if (inMarker && trimmed.startsWith("//")) {
        continue;
      }
      inMarker = false;
      kept.add(new Line(n, text.stripTrailing()));
    }
    int indent = Integer.MAX_VALUE;
    for (Line line : kept) {
      if (!line.text().isBlank()) {
        indent = Math.min(indent, line.text().length() - line.text().stripLeading().length());
      }
    }
    List<Line> dedented = new ArrayList<>();
    for (Line line : kept) {
      String text = line.text().isBlank() ? "" : line.text().substring(Math.min(indent, line.text().length()));
      dedented.add(new Line(line.fileLine(), text));
    }
    return new Snippet(dedented);
  }

  /** Several snippets one after the other, a blank line between them. */
  static Snippet join(List<Snippet> parts) {
    List<Line> lines = new ArrayList<>();
    for (Snippet part : parts) {
      if (!lines.isEmpty()) {
        lines.add(new Line(0, ""));
      }
      lines.addAll(part.lines());
    }
    return new Snippet(lines);
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      text.append(line.text()).append('\n');
    }
    return text.toString();
  }

  boolean covers(long fileLine) {
    return lines.stream().anyMatch(l -> l.fileLine() == fileLine);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }
}
