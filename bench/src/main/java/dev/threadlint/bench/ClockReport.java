package dev.threadlint.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error Prone's clock of one compilation ({@link CheckTimings} reads it), and its lines in a log:
 * the harness runs {@code CheckTimings} as a process of its own and reads the lines back. Apart
 * from {@code CheckTimings} so that the harness, which runs without access to javac's internals,
 * never loads a class that needs them.
 */
final class ClockReport {
  /** The prefix of the lines {@link #print} prints, which {@link #parse} reads back. */
  static final String LINE = "[check-time] ";

  private static final String SET_UP = "(set-up)";

  private ClockReport() {}

  /**
   * What Error Prone measured in one compilation.
   *
   * @param initialization setting up Error Prone: loading the plugins and the checks
   * @param byCheck time in each check's matchers, by check name, the largest first
   */
  record Timings(Duration initialization, Map<String, Duration> byCheck) {
    Duration checks() {
      return byCheck.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** One line: the set-up, the sum over checks and the {@code top} largest checks. */
    String describe(int top) {
      StringBuilder line = new StringBuilder();
      line.append(String.format("Error Prone set-up %.2f s, checks %.2f s", seconds(initialization), seconds(checks())));
      String separator = ": ";
      int shown = 0;
      for (Map.Entry<String, Duration> check : byCheck.entrySet()) {
        if (shown++ == top) {
          break;
        }
        line.append(separator).append(String.format("%s %.2f s", check.getKey(), seconds(check.getValue())));
        separator = ", ";
      }
      return line.toString();
    }

    private static double seconds(Duration d) {
      return d.toNanos() / 1e9;
    }
  }

  /** One line per check, {@code [check-time] <check> <nanoseconds>}, the set-up as {@code (set-up)}. */
  static void print(Timings timings, PrintWriter out) {
    out.println(LINE + SET_UP + " " + timings.initialization().toNanos());
    timings.byCheck().forEach((check, time) -> out.println(LINE + check + " " + time.toNanos()));
  }

  /** The clock that {@link #print} printed into {@code output}, or null if it printed none. */
  static Timings parse(String output) {
    Duration initialization = null;
    Map<String, Duration> byCheck = new LinkedHashMap<>();
    for (String line : output.split("\\R")) {
      if (!line.startsWith(LINE)) {
        continue;
      }
      String[] fields = line.substring(LINE.length()).split(" ");
      if (fields.length != 2) {
        continue;
      }
      Duration time = Duration.ofNanos(Long.parseLong(fields[1]));
      if (fields[0].equals(SET_UP)) {
        initialization = time;
      } else {
        byCheck.put(fields[0], time);
      }
    }
    return initialization == null ? null : new Timings(initialization, byCheck);
  }
}
