package dev.threadlint.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /usr/bin/time -v} measured for one javac process: wall-clock seconds, CPU seconds
 * (user + system, all threads: javac's own, the JIT's and the GC's) and peak resident memory.
 */
record Measurement(double wallSeconds, double cpuSeconds, long peakRssKb, int exitStatus) {

  private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
  private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
  private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");
  private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final Pattern EXIT = Pattern.compile("Exit status: (\\d+)");

  /** Parses the report {@code /usr/bin/time -v} writes. */
  static Measurement parseTimeVerbose(String report) {
    return new Measurement(
        clock(find(WALL, report)),
        Double.parseDouble(find(USER, report)) + Double.parseDouble(find(SYSTEM, report)),
        Long.parseLong(find(RSS, report)),
        Integer.parseInt(find(EXIT, report)));
  }

  /** {@code h:mm:ss} or {@code m:ss.ss} in seconds. */
  static double clock(String text) {
    double seconds = 0;
    for (String part : text.split(":")) {
      seconds = seconds * 60 + Double.parseDouble(part);
    }
    return seconds;
  }

  private static String find(Pattern pattern, String report) {
    Matcher m = pattern.matcher(report);
    if (!m.find()) {
      throw new IllegalArgumentException("no '" + pattern + "' in /usr/bin/time output:\n" + report);
    }
    return m.group(1);
  }
}
