package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Tasks handed to one executor that runs them one at a time never race with each other: a
 * single-thread executor, and gRPC's {@code SynchronizationContext} and {@code
 * SerializingExecutor} (grpc.model), whether the task is a lambda or an instance of a named class
 * of the file handed over in one place.
 */
class SerialExecutorTasksTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnsynchronizedSharedMutation.class, getClass());

  private static final String[] CHANNEL_HEAD = {
    "import io.grpc.SynchronizationContext;",
    "import java.util.HashSet;",
    "import java.util.Set;",
    "import java.util.concurrent.ExecutorService;",
    "import java.util.concurrent.Executors;",
    "class Channel {",
    "  private final SynchronizationContext syncContext =",
    "      new SynchronizationContext((thread, error) -> {});",
    "  private final ExecutorService pool = Executors.newCachedThreadPool();",
    "  private final Set<String> names = new HashSet<>();",
    "  private int pending;",
  };

  private static final String[] SILENT_TASKS = {
    "  final class Add implements Runnable {",
    "    @Override public void run() { names.add(\"a\"); }",
    "  }",
    "  final class Clear implements Runnable {",
    "    @Override public void run() { names.clear(); }",
    "  }",
  };

  private static final String[] REPORTED_TASKS = {
    "  final class Add implements Runnable {",
    "    // BUG: Diagnostic contains: `names`, a `HashSet`, is changed in the task at line",
    "    @Override public void run() { names.add(\"a\"); }",
    "  }",
    "  final class Clear implements Runnable {",
    "    // BUG: Diagnostic contains: passed to `java.util.concurrent.ExecutorService#execute`",
    "    @Override public void run() { names.clear(); }",
    "  }",
  };

  private CompilationTestHelper channel(String[] tasks, String... body) {
    java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(CHANNEL_HEAD));
    lines.addAll(java.util.List.of(tasks));
    lines.addAll(java.util.List.of(body));
    lines.add("}");
    return helper.addSourceLines("Channel.java", lines.toArray(new String[0]));
  }

  @Test
  void lambdasOnOneSynchronizationContextRunOneAtATime() {
    channel(
            SILENT_TASKS,
            "  void add() { syncContext.execute(() -> pending++); }",
            "  void reset() { syncContext.execute(() -> pending = 0); }")
        .doTest();
  }

  @Test
  void lambdasOnAPoolAreReported() {
    channel(
            SILENT_TASKS,
            "  // BUG: Diagnostic contains: `pending` is updated in place",
            "  void add() { pool.execute(() -> pending++); }",
            "  // BUG: Diagnostic contains: `pending` is written in the task",
            "  void reset() { pool.execute(() -> pending = 0); }")
        .doTest();
  }

  @Test
  void namedTasksHandedToOneSynchronizationContextRunOneAtATime() {
    channel(
            SILENT_TASKS,
            "  void add() { syncContext.execute(new Add()); }",
            "  void clear() { syncContext.execute(new Clear()); }")
        .doTest();
  }

  @Test
  void namedTaskHandedInSeveralPlacesToOneSynchronizationContextRunsOneAtATime() {
    // grpc-core's ManagedChannelImpl: `syncContext.execute(new PendingCallRemoval())` three times.
    channel(
            SILENT_TASKS,
            "  void add() { syncContext.execute(new Add()); }",
            "  void clear() { syncContext.execute(new Clear()); }",
            "  void clearOnCancel() { syncContext.execute(new Clear()); }")
        .doTest();
  }

  @Test
  void synchronizationContextKeptInAFieldOfTypeExecutor() {
    // grpc-core's RetriableStream#listenerSerializeExecutor.
    helper
        .addSourceLines(
            "Stream.java",
            "import io.grpc.SynchronizationContext;",
            "import java.util.concurrent.Executor;",
            "class Stream {",
            "  private final Executor listeners = new SynchronizationContext((thread, error) -> {});",
            "  private boolean closed;",
            "  void close() { listeners.execute(() -> closed = true); }",
            "  void onMessage() { listeners.execute(() -> { if (!closed) { closed = false; } }); }",
            "}")
        .doTest();
  }

  @Test
  void namedTaskAlsoHandedToAPoolIsReported() {
    // Clear runs on both: its context names the first place it is handed to.
    channel(
            new String[] {
              "  final class Add implements Runnable {",
              "    // BUG: Diagnostic contains: and also changed at line",
              "    @Override public void run() { names.add(\"a\"); }",
              "  }",
              "  final class Clear implements Runnable {",
              "    // BUG: Diagnostic contains: and also changed at line",
              "    @Override public void run() { names.clear(); }",
              "  }",
            },
            "  void add() { syncContext.execute(new Add()); }",
            "  void clear() { syncContext.execute(new Clear()); }",
            "  void clearLater() { pool.execute(new Clear()); }")
        .doTest();
  }

  @Test
  void namedTasksOnTwoExecutorsAreReported() {
    channel(
            REPORTED_TASKS,
            "  void add() { syncContext.execute(new Add()); }",
            "  void clear() { pool.execute(new Clear()); }")
        .doTest();
  }

  @Test
  void namedTasksHandedToOneSingleThreadExecutorRunOneAtATime() {
    helper
        .addSourceLines(
            "Log.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "class Log {",
            "  private final ExecutorService writer = Executors.newSingleThreadExecutor();",
            "  private final List<String> lines = new ArrayList<>();",
            "  final class Append implements Runnable {",
            "    @Override public void run() { lines.add(\"x\"); }",
            "  }",
            "  final class Flush implements Runnable {",
            "    @Override public void run() { lines.clear(); }",
            "  }",
            "  void append() { writer.execute(new Append()); }",
            "  void flush() { writer.execute(new Flush()); }",
            "}")
        .doTest();
  }

  @Test
  void tasksOnOneSerializingExecutorRunOneAtATime() {
    helper
        .addSourceLines(
            "Call.java",
            "import io.grpc.internal.SerializingExecutor;",
            "import java.util.concurrent.Executor;",
            "class Call {",
            "  private final SerializingExecutor callExecutor;",
            "  private boolean closed;",
            "  Call(Executor executor) { callExecutor = new SerializingExecutor(executor); }",
            "  void close() { callExecutor.execute(() -> closed = true); }",
            "  void onMessage() { callExecutor.execute(() -> { if (!closed) closed = false; }); }",
            "}")
        .doTest();
  }

  /**
   * vertx-jdbc-client's JDBCSQLRowStream: blocking tasks handed to a context with the same
   * TaskQueue run one at a time, in order (vertx.model's serial-queue-type), lambdas and method
   * references alike; with two different queues, or none, they may run at once on the worker
   * pool. The result handler runs on the event loop, not on the queue.
   */
  @Test
  void blockingTasksOnOneVertxTaskQueueRunOneAtATime() {
    helper
        .addSourceLines(
            "RowStream.java",
            "import io.vertx.core.impl.ContextInternal;",
            "import io.vertx.core.impl.TaskQueue;",
            "class RowStream {",
            "  private final ContextInternal ctx;",
            "  private final TaskQueue statements = new TaskQueue();",
            "  private final TaskQueue other = new TaskQueue();",
            "  private int cols;",
            "  private int rows;",
            "  private int batch;",
            "  RowStream(ContextInternal ctx) { this.ctx = ctx; }",
            "  void fetch() {",
            "    // The result handler runs on the event loop, beside the next task on the queue.",
            "    // BUG: Diagnostic contains: `batch` is read in the task",
            "    ctx.executeBlocking(p -> p.complete(), statements, ar -> { int b = batch; });",
            "    // BUG: Diagnostic contains: `batch` is written in the task",
            "    ctx.executeBlocking(p -> { batch = 2; p.complete(); }, statements);",
            "  }",
            "  private void reset(io.vertx.core.Promise<Void> p) { cols = 3; p.complete(); }",
            "  void readBatch() {",
            "    ctx.executeBlocking(p -> { p.complete(cols); }, statements);",
            "    // BUG: Diagnostic contains: `rows` is read in the task",
            "    ctx.executeBlocking(p -> { p.complete(rows); }, other);",
            "  }",
            "  void next() {",
            "    ctx.executeBlocking(this::reset, statements, ar -> {});",
            "    // BUG: Diagnostic contains: `rows` is written in the task",
            "    ctx.executeBlocking(p -> { rows = 3; p.complete(); }, statements);",
            "  }",
            "}")
        .doTest();
  }
}
