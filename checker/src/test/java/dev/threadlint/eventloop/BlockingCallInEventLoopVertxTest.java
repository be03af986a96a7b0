package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop} on Vert.x: every way code lands on an event loop (handlers,
 * future callbacks, verticle lifecycle). The ways off it: {@code ...VertxEscapeHatchesTest}.
 */
class BlockingCallInEventLoopVertxTest {
  private static final String LOCK = "`ReentrantLock.lock()` waits for the lock";

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** {@link EventLoopTestSources#vertxService} with this class's helper. */
  private CompilationTestHelper service(String... members) {
    return EventLoopTestSources.vertxService(helper, members);
  }

  // --- Handlers given to Vert.x APIs --------------------------------------------------------------

  @Test
  void setTimerLambda() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, id -> {",
            "    // BUG: Diagnostic contains: " + LOCK + ". This lambda is passed to `io.vertx.core.Vertx#setTimer`, whose callbacks run on a Vert.x event loop",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void setPeriodicLambda() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setPeriodic(1000, id -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#setPeriodic`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void setPeriodicWithInitialDelayLambda() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setPeriodic(10, 1000, id -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#setPeriodic`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void vertxRunOnContextLambda() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.runOnContext(v -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#runOnContext`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void contextRunOnContextLambda() {
    service(
            "void start(Context context) {",
            "  context.runOnContext(v -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Context#runOnContext`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void httpServerRequestHandler() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.createHttpServer().requestHandler(request -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.http.HttpServer#requestHandler`",
            "    lock.lock();",
            "    request.response().end();",
            "  }).listen(8080);",
            "}")
        .doTest();
  }

  @Test
  void eventBusConsumer() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.eventBus().<String>consumer(\"orders\", message -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.eventbus.EventBus#consumer`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void messageConsumerHandler() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.eventBus().<String>consumer(\"orders\").handler(message -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.eventbus.MessageConsumer#handler`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void webRouteHandler() {
    service(
            "void start(Vertx vertx) {",
            "  Router router = Router.router(vertx);",
            "  router.get(\"/orders\").handler(ctx -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.ext.web.Route#handler`",
            "    lock.lock();",
            "    ctx.end();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void anonymousHandlerPassedToSetTimer() {
    service(
            "void start(Vertx vertx) {",
            "  vertx.setTimer(10, new Handler<Long>() {",
            "    @Override",
            "    public void handle(Long id) {",
            "      // BUG: Diagnostic contains: This anonymous class is passed to `io.vertx.core.Vertx#setTimer`",
            "      lock.lock();",
            "    }",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void methodReferencePassedToSetPeriodicWhoseTargetBlocks() {
    service(
            "void start(Vertx vertx) {",
            "  // BUG: Diagnostic contains: `tick()` blocks: tick() → ReentrantLock.lock(), which waits for the lock. This method reference is passed to `io.vertx.core.Vertx#setPeriodic`",
            "  vertx.setPeriodic(1000, this::tick);",
            "}",
            "private void tick(long id) {",
            "  lock.lock();",
            "  lock.unlock();",
            "}")
        .doTest();
  }

  // --- io.vertx.core.Future callbacks -----------------------------------------------------------

  @Test
  void futureOnComplete() {
    service(
            "void await(Future<String> price) {",
            "  price.onComplete(result -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#onComplete`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureOnCompleteWithSuccessAndFailureHandlers() {
    service(
            "void await(Future<String> price) {",
            "  price.onComplete(",
            "      value -> {",
            "        // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#onComplete`",
            "        lock.lock();",
            "      },",
            "      failure -> {",
            "        // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#onComplete`",
            "        lock.lock();",
            "      });",
            "}")
        .doTest();
  }

  @Test
  void futureOnSuccess() {
    service(
            "void await(Future<String> price) {",
            "  price.onSuccess(value -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#onSuccess`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureOnFailure() {
    service(
            "void await(Future<String> price) {",
            "  price.onFailure(failure -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#onFailure`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureCompose() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.compose(value -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#compose`",
            "    lock.lock();",
            "    return Future.succeededFuture(value);",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureComposeWithFailureMapper() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.compose(",
            "      value -> Future.succeededFuture(value),",
            "      failure -> {",
            "        // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#compose`",
            "        lock.lock();",
            "        return Future.succeededFuture(\"none\");",
            "      });",
            "}")
        .doTest();
  }

  @Test
  void futureMap() {
    service(
            "Future<Integer> next(Future<String> price) {",
            "  return price.map(value -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#map`",
            "    lock.lock();",
            "    return value.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureFlatMap() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.flatMap(value -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#flatMap`",
            "    lock.lock();",
            "    return Future.succeededFuture(value);",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureTransform() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.transform(result -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#transform`",
            "    lock.lock();",
            "    return Future.succeededFuture(\"done\");",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureEventuallyWithFunction() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.eventually(v -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#eventually`",
            "    lock.lock();",
            "    return Future.succeededFuture();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureEventuallyWithSupplier() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.eventually(() -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#eventually`",
            "    lock.lock();",
            "    return Future.succeededFuture();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureRecover() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.recover(failure -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#recover`",
            "    lock.lock();",
            "    return Future.succeededFuture(\"cached\");",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureOtherwise() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.otherwise(failure -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#otherwise`",
            "    lock.lock();",
            "    return \"cached\";",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void futureAndThen() {
    service(
            "Future<String> next(Future<String> price) {",
            "  return price.andThen(result -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Future#andThen`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  // --- Verticle lifecycle -----------------------------------------------------------------------

  @Test
  void verticleStart() {
    helper
        .addSourceLines(
            "OrdersVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class OrdersVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public void start() {",
            "    // BUG: Diagnostic contains: `start` overrides `io.vertx.core.AbstractVerticle#start`, which Vert.x calls on a Vert.x event loop",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void verticleStartWithPromise() {
    helper
        .addSourceLines(
            "OrdersVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import io.vertx.core.Promise;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class OrdersVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public void start(Promise<Void> started) {",
            "    // BUG: Diagnostic contains: `start` overrides `io.vertx.core.AbstractVerticle#start`",
            "    lock.lock();",
            "    started.complete();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void verticleStop() {
    helper
        .addSourceLines(
            "OrdersVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class OrdersVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public void stop() {",
            "    // BUG: Diagnostic contains: `stop` overrides `io.vertx.core.AbstractVerticle#stop`",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void verticleHelperThatIsNotALifecycleMethodIsNotAContext() {
    helper
        .addSourceLines(
            "OrdersVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class OrdersVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void migrate() {",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  /**
   * vertx-core's launcher Watcher takes Handlers but calls them from its own thread: the launcher
   * is not the event-loop API the catch-all Handler rule describes.
   */
  @Test
  void handlersPassedToTheVertxLauncherAreUnknown() {
    helper
        .addSourceLines(
            "Launcher.java",
            "import io.vertx.core.impl.launcher.commands.Watcher;",
            "import java.io.File;",
            "import java.util.List;",
            "class Launcher {",
            "  Watcher watch(File root, List<String> includes) {",
            "    return new Watcher(root, includes, next -> pause(), onDeploy -> pause(), null, 100, 100);",
            "  }",
            "  static void pause() {",
            "    try { Thread.sleep(100); } catch (InterruptedException e) {}",
            "  }",
            "}")
        .doTest();
  }

  /**
   * Vert.x's internal APIs call their result handlers on the context's event loop like the public
   * ones (vertx-core's own VertxImpl#close waits in awaitTermination there: a real finding the
   * benchmark lost when every impl package was made unknown).
   */
  @Test
  void resultHandlerOfInternalExecuteBlockingRunsOnTheEventLoop() {
    helper
        .addSourceLines(
            "Shutdown.java",
            "import io.vertx.core.impl.VertxInternal;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.TimeUnit;",
            "class Shutdown {",
            "  void close(VertxInternal vertx, ExecutorService pool) {",
            "    vertx.<Void>executeBlockingInternal(p -> p.complete(), ar -> {",
            "      pool.shutdown();",
            "      try {",
            "        // BUG: Diagnostic contains: ExecutorService.awaitTermination()",
            "        pool.awaitTermination(10, TimeUnit.SECONDS);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }
}
