package dev.threadlint.model;

import com.sun.source.tree.Tree;
import org.jspecify.annotations.Nullable;

/**
 * Where a piece of code runs, and why we believe it.
 *
 * @param kind the kind of thread
 * @param reason a sentence fragment for messages, e.g. "this lambda is passed to
 *     `io.vertx.core.Vertx#setPeriodic`, whose callbacks run on a Vert.x event loop"
 * @param framework the framework that decides the thread ("Vert.x", "Netty", ...), or empty
 * @param origin the call that hands the code to its thread (for fixes), or null
 * @param remedy a mechanical remedy the origin allows, or null
 */
public record ThreadContext(
    Kind kind, String reason, String framework, @Nullable Tree origin, @Nullable Remedy remedy) {

  /** The kinds of thread the model knows. */
  public enum Kind {
    /** An event loop or other non-blocking thread: a blocking call stalls every task on it. */
    EVENT_LOOP,
    /** A UI thread (Swing EDT, JavaFX application thread, Android main thread). */
    UI_THREAD,
    /** A thread where blocking is allowed (a worker pool, an executor, a blocking scheduler). */
    WORKER,
    /** The shared {@code ForkJoinPool.commonPool()}: blocking is possible but starves others. */
    COMMON_POOL,
    /** Runs synchronously on the thread of the code around it (forEach, Optional.map, ...). */
    CALLER,
    /** Nothing is known: checks stay silent. */
    UNKNOWN;

    /** Whether blocking here stalls other work that is waiting for this thread. */
    public boolean forbidsBlocking() {
      return this == EVENT_LOOP || this == UI_THREAD;
    }
  }

  /**
   * A mechanical change at the origin that moves the code off the thread.
   *
   * @param renameTo rename the origin call to this method (e.g. {@code handler} to {@code
   *     blockingHandler}), or null
   * @param insertBefore text to insert before the origin call in its chain (e.g. {@code
   *     .publishOn(Schedulers.boundedElastic())}), or null
   * @param importType a type the inserted text needs imported, or null
   */
  public record Remedy(
      @Nullable String renameTo, @Nullable String insertBefore, @Nullable String importType) {}

  private static final ThreadContext UNKNOWN_CONTEXT =
      new ThreadContext(Kind.UNKNOWN, "nothing tells which thread runs this code", "", null, null);
  private static final ThreadContext CALLER_CONTEXT =
      new ThreadContext(Kind.CALLER, "runs on the caller's thread", "", null, null);

  public static ThreadContext unknown() {
    return UNKNOWN_CONTEXT;
  }

  public static ThreadContext caller() {
    return CALLER_CONTEXT;
  }

  public static ThreadContext of(Kind kind, String reason, String framework) {
    return new ThreadContext(kind, reason, framework, null, null);
  }

  public ThreadContext withOrigin(Tree origin, @Nullable Remedy remedy) {
    return new ThreadContext(kind, reason, framework, origin, remedy);
  }
}
