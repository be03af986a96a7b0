package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingInCommonPool}: blocking work in {@code *Async} tasks without an executor, in
 * parallel streams and in parallel array operations; not with an executor, not in sequential
 * streams, not in code whose thread the model does not know.
 */
class BlockingInCommonPoolTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingInCommonPool.class, getClass());

  /** A class {@code Reports} with a lock, a JDBC data source and {@code members}. */
  private CompilationTestHelper reports(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import java.util.*;");
    lines.add("import java.util.concurrent.*;");
    lines.add("import java.util.concurrent.locks.ReentrantLock;");
    lines.add("import java.util.stream.*;");
    lines.add("import javax.sql.DataSource;");
    lines.add("class Reports {");
    lines.add("  final ReentrantLock lock = new ReentrantLock();");
    lines.add("  private DataSource db;");
    lines.addAll(List.of(members));
    lines.add("}");
    return helper.addSourceLines("Reports.java", lines.toArray(new String[0]));
  }

  // --- CompletableFuture *Async without an executor ----------------------------------------------

  @Test
  void supplyAsyncWithoutExecutorBlocking() {
    reports(
            "CompletableFuture<Integer> count() {",
            "  return CompletableFuture.supplyAsync(() -> {",
            "    try {",
            "      // BUG: Diagnostic contains: Blocking call on ForkJoinPool.commonPool():"
                + " `DataSource.getConnection()` waits for a database connection. This lambda is"
                + " passed to `java.util.concurrent.CompletableFuture#supplyAsync`, which runs it on"
                + " ForkJoinPool.commonPool()",
            "      return db.getConnection().getNetworkTimeout();",
            "    } catch (java.sql.SQLException e) {",
            "      throw new IllegalStateException(e);",
            "    }",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void runAsyncWithoutExecutorBlocking() {
    reports(
            "CompletableFuture<Void> refresh() {",
            "  // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock",
            "  return CompletableFuture.runAsync(() -> lock.lock());",
            "}")
        .doTest();
  }

  @Test
  void messageAdvisesADedicatedExecutor() {
    reports(
            "CompletableFuture<Void> refresh() {",
            "  // BUG: Diagnostic contains: pass a dedicated executor (a pool sized for the waiting,"
                + " or Executors.newVirtualThreadPerTaskExecutor()) as the last argument",
            "  return CompletableFuture.runAsync(() -> lock.lock());",
            "}")
        .doTest();
  }

  @Test
  void asyncContinuationWithoutExecutorBlocking() {
    reports(
            "CompletableFuture<String> load(CompletableFuture<String> id) {",
            "  return id.thenApplyAsync(i -> {",
            "    // BUG: Diagnostic contains: `java.util.concurrent.CompletableFuture#thenApplyAsync`",
            "    lock.lock();",
            "    return i;",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void asyncContinuationOnACompletionStageWithoutExecutor() {
    reports(
            "CompletionStage<String> load(CompletionStage<String> a, CompletionStage<String> b) {",
            "  return a.thenCombineAsync(b, (x, y) -> {",
            "    // BUG: Diagnostic contains: BlockingInCommonPool",
            "    lock.lock();",
            "    return x + y;",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void blockingThroughMethodsOfTheSameFileNamesTheChain() {
    reports(
            "CompletableFuture<Void> refresh() {",
            "  // BUG: Diagnostic contains: `reload()` blocks: reload() → readAll() →"
                + " ReentrantLock.lock(), which waits for the lock",
            "  return CompletableFuture.runAsync(() -> reload());",
            "}",
            "private void reload() { readAll(); }",
            "private void readAll() { lock.lock(); }")
        .doTest();
  }

  @Test
  void methodReferenceToABlockingMethod() {
    reports(
            "CompletableFuture<Void> refresh() {",
            "  // BUG: Diagnostic contains: `reload()` blocks: reload() → ReentrantLock.lock()",
            "  return CompletableFuture.runAsync(this::reload);",
            "}",
            "private void reload() { lock.lock(); }")
        .doTest();
  }

  @Test
  void synchronousCallbackInsideAnAsyncTaskIsStillOnTheCommonPool() {
    reports(
            "CompletableFuture<Void> refresh(List<String> keys) {",
            "  return CompletableFuture.runAsync(() -> keys.forEach(k -> {",
            "    // BUG: Diagnostic contains: `java.util.concurrent.CompletableFuture#runAsync`",
            "    lock.lock();",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void futureJoinInsideAnAsyncTask() {
    reports(
            "CompletableFuture<String> both(CompletableFuture<String> other) {",
            "  // BUG: Diagnostic contains: `CompletableFuture.join()` waits for the result",
            "  return CompletableFuture.supplyAsync(() -> other.join() + \"!\");",
            "}")
        .doTest();
  }

  // --- Parallel streams and array operations --------------------------------------------------

  @Test
  void parallelStreamLambdaBlocking() {
    reports(
            "void warm(List<String> keys) {",
            "  // BUG: Diagnostic contains: This lambda is passed to `java.util.stream.Stream#forEach`"
                + " of a parallel stream (made parallel by `parallelStream()`), which runs it on"
                + " ForkJoinPool.commonPool()",
            "  keys.parallelStream().forEach(k -> lock.lock());",
            "}")
        .doTest();
  }

  @Test
  void parallelLaterInTheChainBlocking() {
    reports(
            "long warm(List<String> keys) {",
            "  return keys.stream()",
            "      // BUG: Diagnostic contains: made parallel by `parallel()`",
            "      .filter(k -> { lock.lock(); return true; })",
            "      .parallel()",
            "      .count();",
            "}")
        .doTest();
  }

  @Test
  void parallelSetAllBlocking() {
    reports(
            "void fill(long[] sizes, List<String> names) {",
            "  // BUG: Diagnostic contains: `java.util.Arrays#parallelSetAll`",
            "  Arrays.parallelSetAll(sizes, i -> { lock.lock(); return i; });",
            "}")
        .doTest();
  }

  // --- Negatives --------------------------------------------------------------------------------

  @Test
  void supplyAsyncWithAnExecutorMayBlock() {
    reports(
            "CompletableFuture<Void> refresh(ExecutorService io) {",
            "  return CompletableFuture.runAsync(() -> lock.lock(), io);",
            "}")
        .doTest();
  }

  @Test
  void asyncContinuationWithAnExecutorMayBlock() {
    reports(
            "CompletableFuture<String> load(CompletableFuture<String> id, Executor io) {",
            "  return id.thenApplyAsync(i -> { lock.lock(); return i; }, io);",
            "}")
        .doTest();
  }

  @Test
  void nonAsyncContinuationRunsWhereverTheFutureCompletes() {
    reports(
            "CompletableFuture<String> load(CompletableFuture<String> id) {",
            "  return id.thenApply(i -> { lock.lock(); return i; });",
            "}")
        .doTest();
  }

  @Test
  void sequentialStreamRunsOnTheCaller() {
    reports(
            "void warm(List<String> keys) {",
            "  keys.stream().forEach(k -> lock.lock());",
            "}")
        .doTest();
  }

  @Test
  void sequentialAfterParallelRunsOnTheCaller() {
    reports(
            "void warm(List<String> keys) {",
            "  keys.parallelStream().sequential().forEach(k -> lock.lock());",
            "}")
        .doTest();
  }

  @Test
  void nonBlockingWorkOnTheCommonPool() {
    reports(
            "CompletableFuture<Integer> size(List<String> keys) {",
            "  return CompletableFuture.supplyAsync(() -> keys.stream().mapToInt(String::length).sum());",
            "}")
        .doTest();
  }

  @Test
  void executorTaskInsideAnAsyncTaskMayBlock() {
    reports(
            "CompletableFuture<Void> refresh(ExecutorService io) {",
            "  return CompletableFuture.runAsync(() -> io.execute(() -> lock.lock()));",
            "}")
        .doTest();
  }

  @Test
  void lambdaStoredInAVariableIsNotKnownToRunOnThePool() {
    reports(
            "CompletableFuture<Void> refresh() {",
            "  Runnable task = () -> lock.lock();",
            "  return CompletableFuture.runAsync(task);",
            "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    reports(
            "@SuppressWarnings(\"BlockingInCommonPool\")",
            "CompletableFuture<Void> refresh() {",
            "  return CompletableFuture.runAsync(() -> lock.lock());",
            "}")
        .doTest();
  }
}
