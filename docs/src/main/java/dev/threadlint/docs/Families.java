package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The families docs/README.md introduces, in its order. A family is a {@code ##} section whose
 * heading is followed by {@code <!-- family: id -->}; its introduction is the first paragraph after
 * the marker (what follows, such as the table of the family's checks, is for readers of the
 * Markdown).
 */
final class Families {
  private static final Pattern MARKER = Pattern.compile("^<!--\\s*family:\\s*([a-z0-9]+)\\s*-->\\s*$");

  private Families() {}

  static List<Family> parse(String readme) {
    List<String> lines = readme.lines().toList();
    List<Family> families = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).strip());
      if (!marker.matches()) {
        continue;
      }
      String title = "";
      for (int h = i - 1; h >= 0; h--) {
        if (lines.get(h).startsWith("## ")) {
          title = lines.get(h).substring(3).strip();
          break;
        }
        if (!lines.get(h).isBlank()) {
          break;
        }
      }
      StringBuilder intro = new StringBuilder();
      for (int j = i + 1; j < lines.size(); j++) {
        String line = lines.get(j);
        if (line.startsWith("|") || line.startsWith("#") || MARKER.matcher(line.strip()).matches()
            || (line.isBlank() && !intro.toString().isBlank())) {
          break;
        }
        intro.append(line).append('\n');
      }
      families.add(new Family(marker.group(1), title.isEmpty() ? marker.group(1) : title, intro.toString().strip()));
    }
    return families;
  }
}
