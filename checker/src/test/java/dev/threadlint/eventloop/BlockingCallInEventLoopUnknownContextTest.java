package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop}: the unknown-context rule. Blocking code is reported only where
 * the model knows it runs on an event loop; when it cannot tell, the check stays silent.
 */
class BlockingCallInEventLoopUnknownContextTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  @Test
  void blockingInMainIsSilent() {
    helper
        .addSourceLines(
            "Main.java",
            "class Main {",
            "  public static void main(String[] args) throws Exception {",
            "    Thread.sleep(1000);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingInAPlainMethodIsSilent() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class Report {",
            "  byte[] read(Path path) throws java.io.IOException {",
            "    return Files.readAllBytes(path);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingInANonAsyncCompletableFutureContinuationIsSilent() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Report {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  CompletableFuture<String> render(CompletableFuture<String> data) {",
            "    return data.thenApply(d -> { lock.lock(); return d; });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingInANonAsyncCompletableFutureContinuationInsideAHandlerIsSilent() {
    // thenApply runs on whichever thread completes the future: not known to be this event loop.
    helper
        .addSourceLines(
            "Report.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Report {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx, CompletableFuture<String> data) {",
            "    vertx.setTimer(10, id -> data.thenApply(d -> { lock.lock(); return d; }));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingInALambdaStoredInALocalVariableIsSilent() {
    helper
        .addSourceLines(
            "Report.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Report {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> {",
            "      Runnable task = () -> lock.lock();",
            "      hand(task);",
            "    });",
            "  }",
            "  void hand(Runnable task) {}",
            "}")
        .doTest();
  }

  @Test
  void blockingInALambdaPassedToAnUnknownMethodIsSilent() {
    helper
        .addSourceLines(
            "Report.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import java.util.function.Supplier;",
            "class Report {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> retry(() -> { lock.lock(); return \"\"; }));",
            "  }",
            "  <T> T retry(Supplier<T> attempt) { return null; }",
            "}")
        .doTest();
  }
}
