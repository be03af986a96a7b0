package dev.threadlint.samples.sharedstate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * A nightly job imports one invoice file per task on a pool of eight threads and reports how many
 * invoices it imported and which files failed. The counter is a plain {@code long} incremented by
 * every task, and the failures go into an {@code ArrayList} that every task adds to: two tasks
 * finishing at once lose an increment or an entry (or the list throws while it grows), so the
 * report undercounts on exactly the nights with the most files. The fix counts with a
 * {@link LongAdder}, collects failures in a concurrent queue, and waits for the tasks before it
 * reads either.
 */
public final class ParallelInvoiceImport {
  private ParallelInvoiceImport() {}

  /** Parses one file and stores its invoices; returns how many it stored. */
  static int importFile(Path file) throws Exception {
    return file.getFileName().toString().length();
  }

  /** One task per file; the tasks share a counter and a list. */
  static final class Pitfall {
    private long imported;
    private final List<Path> failed = new ArrayList<>();

    String run(ExecutorService pool, List<Path> files) {
      for (Path file : files) {
        pool.execute(
            () -> {
              try {
                // BUG: Diagnostic contains: UnsynchronizedSharedMutation
                // `imported` is updated in place (read, then written back) in the task
                imported += importFile(file);
              } catch (Exception e) {
                // BUG: Diagnostic contains: UnsynchronizedSharedMutation
                // `ArrayList` is not thread-safe
                failed.add(file);
              }
            });
      }
      // BUG: Diagnostic contains: UnsynchronizedSharedMutation
      // by the task at line 37, which runs while this code goes on
      return "imported " + imported + ", failed " + failed;
    }
  }

  /** A LongAdder, a concurrent queue, and the futures waited for before the report. */
  static final class Fix {
    private final LongAdder imported = new LongAdder();
    private final Queue<Path> failed = new ConcurrentLinkedQueue<>();

    String run(ExecutorService pool, List<Path> files) throws Exception {
      List<Future<?>> tasks = new ArrayList<>();
      for (Path file : files) {
        tasks.add(
            pool.submit(
                () -> {
                  try {
                    imported.add(importFile(file));
                  } catch (Exception e) {
                    failed.add(file);
                  }
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
      return "imported " + imported.sum() + ", failed " + failed;
    }
  }
}
