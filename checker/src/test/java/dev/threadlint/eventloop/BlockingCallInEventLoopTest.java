package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class BlockingCallInEventLoopTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  @Test
  void vertxTimerHandlerThatSleeps() {
    helper
        .addSourceLines(
            "Ticker.java",
            "import io.vertx.core.Vertx;",
            "class Ticker {",
            "  void start(Vertx vertx) {",
            "    vertx.setPeriodic(1000, id -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `Thread.sleep()` sleeps the calling thread. This lambda is passed to `io.vertx.core.Vertx#setPeriodic`, whose callbacks run on a Vert.x event loop",
            "        Thread.sleep(10);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void transitiveChainIsNamed() {
    helper
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Cache {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    // BUG: Diagnostic contains: snapshot() → readLocked() → ReentrantLock.lock()",
            "    vertx.setTimer(10, id -> snapshot());",
            "  }",
            "  String snapshot() { return readLocked(); }",
            "  private String readLocked() { lock.lock(); try { return \"\"; } finally { lock.unlock(); } }",
            "}")
        .doTest();
  }

  @Test
  void executeBlockingIsAnEscapeHatch() {
    helper
        .addSourceLines(
            "Worker.java",
            "import io.vertx.core.Vertx;",
            "class Worker {",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> vertx.executeBlocking(() -> { Thread.sleep(5); return 1; }));",
            "  }",
            "}")
        .doTest();
  }
}
