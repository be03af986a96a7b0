package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A named handler class whose instances are passed to an event-loop API in the same file runs
 * its handler method there: {@code route.handler(new StockHandler())}. Found while writing the
 * samples (a lambda or a method reference was caught, a handler class was not).
 */
class HandlerInstanceTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  @Test
  void handlerClassPassedToRouteHandlerIsReported() {
    helper
        .addSourceLines(
            "StockApi.java",
            "import io.vertx.core.Handler;",
            "import io.vertx.ext.web.Router;",
            "import io.vertx.ext.web.RoutingContext;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class StockApi {",
            "  static class StockHandler implements Handler<RoutingContext> {",
            "    @Override public void handle(RoutingContext ctx) {",
            "      try {",
            "        // BUG: Diagnostic contains: An instance of `StockHandler` is passed to `io.vertx.ext.web.Route#handler`",
            "        ctx.end(Files.readString(Path.of(\"stock.json\")));",
            "      } catch (java.io.IOException e) { ctx.fail(e); }",
            "    }",
            "  }",
            "  void mount(Router router) {",
            "    router.get(\"/stock\").handler(new StockHandler());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void handlerClassPassedToBlockingHandlerIsSilent() {
    helper
        .addSourceLines(
            "StockApi.java",
            "import io.vertx.core.Handler;",
            "import io.vertx.ext.web.Router;",
            "import io.vertx.ext.web.RoutingContext;",
            "class StockApi {",
            "  static class StockHandler implements Handler<RoutingContext> {",
            "    @Override public void handle(RoutingContext ctx) {",
            "      try { Thread.sleep(10); } catch (InterruptedException e) {}",
            "    }",
            "  }",
            "  void mount(Router router) {",
            "    router.get(\"/stock\").blockingHandler(new StockHandler());",
            "  }",
            "}")
        .doTest();
  }

  private static final String[] PAUSE = {
    "  static class Pause implements Runnable {",
    "    @Override public void run() {",
    "      try {",
    "        // BUG: Diagnostic contains: An instance of `Pause` is passed to `io.netty.channel.EventLoop#execute`",
    "        Thread.sleep(10);",
    "      } catch (InterruptedException e) {}",
    "    }",
    "  }",
  };

  @Test
  void taskClassHandedToANettyEventLoopIsReported() {
    helper
        .addSourceLines(
            "Jobs.java",
            "import io.netty.channel.EventLoop;",
            "class Jobs {",
            PAUSE[0], PAUSE[1], PAUSE[2], PAUSE[3], PAUSE[4], PAUSE[5], PAUSE[6], PAUSE[7],
            "  void start(EventLoop loop) {",
            "    loop.execute(new Pause());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void classHandedBothToTheLoopAndToAnExecutorIsSilent() {
    helper
        .addSourceLines(
            "Jobs.java",
            "import io.netty.channel.EventLoop;",
            "import java.util.concurrent.ExecutorService;",
            "class Jobs {",
            "  static class Pause implements Runnable {",
            "    @Override public void run() {",
            "      try { Thread.sleep(10); } catch (InterruptedException e) {}",
            "    }",
            "  }",
            "  void start(EventLoop loop, ExecutorService pool) {",
            "    loop.execute(new Pause());",
            "    pool.execute(new Pause());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperMethodsOfTheHandlerClassAreNotContexts() {
    helper
        .addSourceLines(
            "StockApi.java",
            "import io.vertx.core.Handler;",
            "import io.vertx.ext.web.Router;",
            "import io.vertx.ext.web.RoutingContext;",
            "class StockApi {",
            "  static class StockHandler implements Handler<RoutingContext> {",
            "    @Override public void handle(RoutingContext ctx) { ctx.end(); }",
            "    void warmUp() {",
            "      try { Thread.sleep(10); } catch (InterruptedException e) {}",
            "    }",
            "  }",
            "  void mount(Router router) {",
            "    router.get(\"/stock\").handler(new StockHandler());",
            "  }",
            "}")
        .doTest();
  }
}
