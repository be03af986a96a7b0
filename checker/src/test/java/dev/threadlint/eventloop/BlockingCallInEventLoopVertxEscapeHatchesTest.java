package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop} on Vert.x: the ways off the event loop (executeBlocking, worker
 * executors, blockingHandler, plain executors, even from inside a handler) and handlers that Vert.x
 * runs on the caller's thread.
 */
class BlockingCallInEventLoopVertxEscapeHatchesTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** {@link EventLoopTestSources#vertxService} with this class's helper. */
  private CompilationTestHelper service(String... members) {
    return EventLoopTestSources.vertxService(helper, members);
  }

  // --- Escape hatches ---------------------------------------------------------------------------

  @Test
  void executeBlockingWithCallableMayBlock() {
    service(
            "Future<Integer> load(Vertx vertx) {",
            "  return vertx.executeBlocking(() -> {",
            "    lock.lock();",
            "    return 1;",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void executeBlockingWithPromiseHandlerMayBlock() {
    service(
            "Future<Integer> load(Vertx vertx) {",
            "  return vertx.<Integer>executeBlocking(promise -> {",
            "    lock.lock();",
            "    promise.complete(1);",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void executeBlockingNestedInAHandlerMayBlock() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> vertx.executeBlocking(() -> {",
            "    lock.lock();",
            "    return 1;",
            "  }).onSuccess(count -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#onSuccess`",
            "    lock.lock();",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void executeBlockingResultHandlerRunsOnTheEventLoop() {
    service(
            "void load(Vertx vertx) {",
            "  vertx.<Integer>executeBlocking(",
            "      promise -> {",
            "        lock.lock();",
            "        promise.complete(1);",
            "      },",
            "      result -> {",
            "        // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#executeBlocking`, whose callbacks run on a Vert.x event loop",
            "        lock.lock();",
            "      });",
            "}")
        .doTest();
  }

  @Test
  void contextExecuteBlockingMayBlock() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> vertx.getOrCreateContext().executeBlocking(() -> {",
            "    lock.lock();",
            "    return 1;",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void workerExecutorExecuteBlockingMayBlock() {
    service(
            "void start(Vertx vertx) {",
            "  WorkerExecutor pool = vertx.createSharedWorkerExecutor(\"db\");",
            "  vertx.setTimer(10, id -> pool.executeBlocking(() -> {",
            "    lock.lock();",
            "    return 1;",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void webRouteBlockingHandlerMayBlock() {
    service(
            "void start(Vertx vertx) {",
            "  Router router = Router.router(vertx);",
            "  router.get(\"/orders\").blockingHandler(ctx -> {",
            "    lock.lock();",
            "    ctx.end();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void taskSubmittedToAnExecutorServiceFromAHandlerMayBlock() {
    service(
            "private final ExecutorService executor = Executors.newFixedThreadPool(4);",
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> executor.submit(() -> lock.lock()));",
            "}")
        .doTest();
  }

  @Test
  void taskPassedToAnExecutorFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx, Executor executor) {",
            "  vertx.setTimer(10, id -> executor.execute(() -> {",
            "    lock.lock();",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void newThreadStartedFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> new Thread(() -> lock.lock()).start());",
            "}")
        .doTest();
  }

  @Test
  void completableFutureRunAsyncOnAnExecutorFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx, Executor executor) {",
            "  vertx.setTimer(10, id -> CompletableFuture.runAsync(() -> lock.lock(), executor));",
            "}")
        .doTest();
  }

  @Test
  void methodReferenceSubmittedToAnExecutorFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx, ExecutorService executor) {",
            "  vertx.setTimer(10, id -> executor.submit(this::reindex));",
            "}",
            "private void reindex() {",
            "  lock.lock();",
            "}")
        .doTest();
  }

  @Test
  void anonymousRunnablePassedToAnExecutorFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx, Executor executor) {",
            "  vertx.setTimer(10, id -> executor.execute(new Runnable() {",
            "    @Override",
            "    public void run() {",
            "      lock.lock();",
            "    }",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void taskScheduledOnAScheduledExecutorFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx, java.util.concurrent.ScheduledExecutorService scheduler) {",
            "  vertx.setTimer(10, id -> scheduler.schedule(() -> lock.lock(), 1, java.util.concurrent.TimeUnit.SECONDS));",
            "}")
        .doTest();
  }

  @Test
  void asyncContinuationOnAnExecutorFromAHandlerMayBlock() {
    service(
            "void start(Vertx vertx, CompletableFuture<String> data, Executor executor) {",
            "  vertx.setTimer(10, id -> data.thenApplyAsync(d -> { lock.lock(); return d; }, executor));",
            "}")
        .doTest();
  }

  @Test
  void runAsyncWithoutAnExecutorIsTheCommonPoolNotAnEventLoop() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> CompletableFuture.runAsync(() -> lock.lock()));",
            "}")
        .doTest();
  }

  @Test
  void onlyTheHandlerPartOfAHandlerThatAlsoOffloadsIsReported() {
    service(
            "void start(Vertx vertx, ExecutorService executor) {",
            "  vertx.setTimer(10, id -> {",
            "    executor.submit(() -> lock.lock());",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#setTimer`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureAwaitIsNotReportedBecauseItOnlyWorksOnVirtualThreads() {
    service(
            "void start(Vertx vertx, Future<String> price) {",
            "  vertx.setTimer(10, id -> Future.await(price));",
            "}")
        .doTest();
  }

  // --- Handlers run on the caller's thread -------------------------------------------------------

  @Test
  void futureFutureRunsItsHandlerOnTheCallerSoInsideAHandlerItIsReported() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> Future.<String>future(promise -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#setTimer`",
            "    lock.lock();",
            "    promise.complete(\"done\");",
            "  }));",
            "}")
        .doTest();
  }

  @Test
  void futureFutureRunsItsHandlerOnTheCallerSoInPlainCodeItIsSilent() {
    service(
            "Future<String> load() {",
            "  return Future.future(promise -> {",
            "    lock.lock();",
            "    promise.complete(\"done\");",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureFutureInsideExecuteBlockingMayBlock() {
    service(
            "Future<String> load(Vertx vertx) {",
            "  return vertx.executeBlocking(() -> Future.<String>future(promise -> {",
            "    lock.lock();",
            "    promise.complete(\"done\");",
            "  }).result());",
            "}")
        .doTest();
  }
}
