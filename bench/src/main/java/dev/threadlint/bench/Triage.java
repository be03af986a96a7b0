package dev.threadlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The checked-in verdicts on findings someone has read ({@code bench/triage.tsv}): one line per
 * finding, tab-separated: project, check, {@code file:line}, {@code real} or {@code false-alarm},
 * a one-line reason. Lines starting with {@code #} are comments.
 */
final class Triage {
  enum Verdict { REAL, FALSE_ALARM }

  record Entry(String project, String check, String location, Verdict verdict, String reason) {
    String key() {
      return Triage.key(project, check, location);
    }
  }

  private final Map<String, Entry> entries;

  private Triage(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static Triage load(Path file) throws IOException {
    Map<String, Entry> entries = new HashMap<>();
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
      Entry entry = new Entry(fields[0].trim(), fields[1].trim(), fields[2].trim(), verdict, fields[4].trim());
      entries.put(entry.key(), entry);
    }
    return new Triage(entries);
  }

  /** The verdict on that finding, or null if nobody has read it. */
  Entry verdict(String project, Diagnostics.Finding finding) {
    return entries.get(key(project, finding.check(), finding.location()));
  }

  static String key(String project, String check, String location) {
    return project + "\t" + check + "\t" + location;
  }
}
