package dev.threadlint.samples.sharedstate;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * An audit service writes one log line per event, formatting each event's time with a
 * {@code SimpleDateFormat} kept in a static field so it is built once. The events are written by
 * tasks on a pool, and {@code SimpleDateFormat#format} keeps the date being formatted in the
 * instance's own {@code Calendar}: two tasks formatting at once overwrite each other's fields, and
 * the log shows dates that never happened (or the parse side throws). The fix uses the immutable
 * {@link DateTimeFormatter}, which any number of threads can share.
 */
public final class AuditLogFormatter {
  private AuditLogFormatter() {}

  /** One audited action. */
  record Event(String user, String action, long epochMillis) {}

  static void write(String line) {
    System.out.println(line);
  }

  /** A shared SimpleDateFormat, used by every task. */
  static final class Pitfall {
    private static final SimpleDateFormat TIMESTAMP = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS");

    void record(ExecutorService pool, List<Event> events) {
      for (Event event : events) {
        pool.execute(
            () ->
                write(
                    // BUG: Diagnostic contains: UnsynchronizedSharedMutation
                    // use the thread-safe java.time.format.DateTimeFormatter
                    TIMESTAMP.format(new Date(event.epochMillis()))
                        + " "
                        + event.user()
                        + " "
                        + event.action()));
      }
    }
  }

  /** The immutable java.time formatter: safe to share. */
  static final class Fix {
    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    void record(ExecutorService pool, List<Event> events) {
      for (Event event : events) {
        pool.execute(
            () ->
                write(
                    TIMESTAMP.format(Instant.ofEpochMilli(event.epochMillis()))
                        + " "
                        + event.user()
                        + " "
                        + event.action()));
      }
    }
  }
}
