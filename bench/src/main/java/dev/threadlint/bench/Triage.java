package dev.threadlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked-in verdicts on findings someone has read ({@code bench/triage.tsv}): one line per
 * finding, tab-separated: project, check, {@code file:line}, {@code real} or {@code false-alarm},
 * a one-line reason, and, for one of several findings of a check on one line, a text its message
 * contains. Lines starting with {@code #} are comments.
 */
final class Triage {
  enum Verdict { REAL, FALSE_ALARM }

  /**
   * @param matches a text the finding's message contains, or empty for any finding there
   */
  record Entry(
      String project, String check, String location, Verdict verdict, String reason, String matches) {
    String key() {
      return Triage.key(project, check, location);
    }
  }

  private final Map<String, List<Entry>> entries;

  private Triage(Map<String, List<Entry>> entries) {
    this.entries = entries;
  }

  static Triage load(Path file) throws IOException {
    Map<String, List<Entry>> entries = new HashMap<>();
    if (!Files.exists(file)) {
      return new Triage(entries);
    }
    int number = 0;
    for (String line : Files.readAllLines(file)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length < 5 || fields[4].isBlank()) {
        throw new IllegalArgumentException(file + ":" + number + ": expected 5 tab-separated fields (project, check, file:line, real|false-alarm, reason)");
      }
      Verdict verdict = switch (fields[3].trim()) {
        case "real" -> Verdict.REAL;
        case "false-alarm" -> Verdict.FALSE_ALARM;
        default -> throw new IllegalArgumentException(file + ":" + number + ": verdict must be real or false-alarm, not " + fields[3]);
      };
      String matches = fields.length > 5 ? fields[5].trim() : "";
      Entry entry =
          new Entry(fields[0].trim(), fields[1].trim(), fields[2].trim(), verdict, fields[4].trim(), matches);
      entries.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
    }
    return new Triage(entries);
  }

  /** The verdict on that finding, or null if nobody has read it. */
  Entry verdict(String project, Diagnostics.Finding finding) {
    for (Entry entry : entries.getOrDefault(key(project, finding.check(), finding.location()), List.of())) {
      if (finding.message().contains(entry.matches())) {
        return entry;
      }
    }
    return null;
  }

  static String key(String project, String check, String location) {
    return project + "\t" + check + "\t" + location;
  }
}
