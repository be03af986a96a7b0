package dev.threadlint.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /usr/bin/time -v} measured for one javac process: wall-clock seconds, CPU seconds
 * (user + system, all threads: javac's own, the JIT's and the GC's) and peak resident memory;
 * and, from the JVM's own report ({@code -XX:+CITime}) in javac's output, the time its JIT
 * compilers spent compiling (NaN when the output has no such report).
 */
record Measurement(double wallSeconds, double cpuSeconds, long peakRssKb, int exitStatus, double jitSeconds) {

  Measurement(double wallSeconds, double cpuSeconds, long peakRssKb, int exitStatus) {
    this(wallSeconds, cpuSeconds, peakRssKb, exitStatus, Double.NaN);
  }

  private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
  private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
  private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");
  private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final Pattern EXIT = Pattern.compile("Exit status: (\\d+)");
  /** The total of {@code -XX:+CITime}'s report, printed when the JVM exits (JDK 17 to 25). */
  private static final Pattern JIT = Pattern.compile("Total compilation time\\s*:\\s*([\\d.]+) s");

  /** Parses the report {@code /usr/bin/time -v} writes. */
  static Measurement parseTimeVerbose(String report) {
    return new Measurement(
        clock(find(WALL, report)),
        Double.parseDouble(find(USER, report)) + Double.parseDouble(find(SYSTEM, report)),
        Long.parseLong(find(RSS, report)),
        Integer.parseInt(find(EXIT, report)));
  }

  /**
   * This measurement with the JIT compile time of {@code -XX:+CITime}'s report in the process's
   * {@code output}; unchanged (NaN) when there is none, as when the JVM was killed.
   */
  Measurement withJitFrom(String output) {
    Matcher m = JIT.matcher(output);
    return m.find()
        ? new Measurement(wallSeconds, cpuSeconds, peakRssKb, exitStatus, Double.parseDouble(m.group(1)))
        : this;
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
