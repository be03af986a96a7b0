package dev.threadlint.eventloop;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The fixes {@link BlockingCallInEventLoop} suggests, checked against the exact output text. */
class BlockingCallInEventLoopFixTest {
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  @Test
  void webRouteHandlerBecomesBlockingHandler() {
    refactoring
        .addInputLines(
            "Routes.java",
            "import io.vertx.core.Vertx;",
            "import io.vertx.ext.web.Router;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Routes {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    Router router = Router.router(vertx);",
            "    router.route().handler(ctx -> {",
            "      lock.lock();",
            "      ctx.end();",
            "    });",
            "  }",
            "}")
        .addOutputLines(
            "Routes.java",
            "import io.vertx.core.Vertx;",
            "import io.vertx.ext.web.Router;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Routes {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    Router router = Router.router(vertx);",
            "    router.route().blockingHandler(ctx -> {",
            "      lock.lock();",
            "      ctx.end();",
            "    });",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void reactorOperatorGetsPublishOnBoundedElasticAndTheImport() {
    refactoring
        .addInputLines(
            "Prices.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Flux;",
            "class Prices {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Flux<String> latest(Flux<String> symbols) {",
            "    return symbols.map(symbol -> lookup(symbol));",
            "  }",
            "  private String lookup(String symbol) {",
            "    lock.lock();",
            "    try { return symbol; } finally { lock.unlock(); }",
            "  }",
            "}")
        .addOutputLines(
            "Prices.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.scheduler.Schedulers;",
            "class Prices {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Flux<String> latest(Flux<String> symbols) {",
            "    return symbols.publishOn(Schedulers.boundedElastic()).map(symbol -> lookup(symbol));",
            "  }",
            "  private String lookup(String symbol) {",
            "    lock.lock();",
            "    try { return symbol; } finally { lock.unlock(); }",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void rxJavaOperatorGetsObserveOnIoAndTheImport() {
    refactoring
        .addInputLines(
            "Prices.java",
            "import io.reactivex.rxjava3.core.Observable;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Prices {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Observable<String> latest(Observable<String> symbols) {",
            "    return symbols.map(symbol -> lookup(symbol));",
            "  }",
            "  private String lookup(String symbol) {",
            "    lock.lock();",
            "    try { return symbol; } finally { lock.unlock(); }",
            "  }",
            "}")
        .addOutputLines(
            "Prices.java",
            "import io.reactivex.rxjava3.core.Observable;",
            "import io.reactivex.rxjava3.schedulers.Schedulers;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Prices {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Observable<String> latest(Observable<String> symbols) {",
            "    return symbols.observeOn(Schedulers.io()).map(symbol -> lookup(symbol));",
            "  }",
            "  private String lookup(String symbol) {",
            "    lock.lock();",
            "    try { return symbol; } finally { lock.unlock(); }",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void handlerWithoutABlockingSiblingGetsNoFix() {
    refactoring
        .addInputLines(
            "Ticker.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Ticker {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> lock.lock());",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
