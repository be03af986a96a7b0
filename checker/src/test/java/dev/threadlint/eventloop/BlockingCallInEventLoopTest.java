package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop}: the message, blocking reached through methods of the same file,
 * and suppression. The unknown-context rule: {@code ...UnknownContextTest}. Per framework:
 * the {@code ...VertxTest}, {@code ...NettyTest}, {@code ...ReactiveTest} and {@code
 * ...WebFluxAndAnnotationsTest} classes; per blocking API: {@code ...BlockingApisTest}.
 */
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

  /**
   * A unit with no event-loop code is skipped whole; the decision is per unit, so units before
   * and after it in the same compilation are still checked.
   */
  @Test
  void unitsWithAndWithoutEventLoopCodeInOneCompilation() {
    String[] plain = {
      "  void pause() throws InterruptedException {",
      "    Thread.sleep(10);",
      "  }",
      "}"
    };
    helper
        .addSourceLines("PlainBefore.java", concat("class PlainBefore {", plain))
        .addSourceLines("Ticker.java", sleepingTimer("Ticker", "setPeriodic"))
        .addSourceLines("PlainAfter.java", concat("class PlainAfter {", plain))
        .addSourceLines("Timer.java", sleepingTimer("Timer", "setTimer"))
        .doTest();
  }

  /** A class whose Vert.x timer handler sleeps, marked as reported. */
  private static String[] sleepingTimer(String name, String timerMethod) {
    return new String[] {
      "import io.vertx.core.Vertx;",
      "class " + name + " {",
      "  void start(Vertx vertx) {",
      "    vertx." + timerMethod + "(1000, id -> {",
      "      try {",
      "        // BUG: Diagnostic contains: `Thread.sleep()` sleeps the calling thread",
      "        Thread.sleep(10);",
      "      } catch (InterruptedException e) {}",
      "    });",
      "  }",
      "}"
    };
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void transitiveChainIsNamed() {
    helper
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Cache {",
            "  final ReentrantLock lock = new ReentrantLock();",
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

  // --- The message ------------------------------------------------------------------------------

  @Test
  void messageSaysWhatBlocksWhyThisIsAnEventLoopTheChainAndWhatToDo() {
    helper
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Cache {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    // BUG: Diagnostic contains: [BlockingCallInEventLoop] Blocking call on an event loop: `snapshot()` blocks: snapshot() → readLocked() → ReentrantLock.lock(), which waits for the lock. This lambda is passed to `io.vertx.core.Vertx#setTimer`, whose callbacks run on a Vert.x event loop. While it blocks, every other task on that thread waits (other connections, timers, callbacks). Move the blocking work to vertx.executeBlocking(...), a WorkerExecutor or a worker verticle, or use the asynchronous Vert.x API.",
            "    vertx.setTimer(10, id -> snapshot());",
            "  }",
            "  String snapshot() { return readLocked(); }",
            "  private String readLocked() { lock.lock(); try { return \"\"; } finally { lock.unlock(); } }",
            "}")
        .doTest();
  }

  @Test
  void messageForADirectCallNamesTheApiAndWhatItDoes() {
    helper
        .addSourceLines(
            "Loader.java",
            "import io.vertx.core.Vertx;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class Loader {",
            "  void start(Vertx vertx, Path config) {",
            "    vertx.runOnContext(v -> {",
            "      try {",
            "        // BUG: Diagnostic contains: [BlockingCallInEventLoop] Blocking call on an event loop: `Files.readString()` reads a file. This lambda is passed to `io.vertx.core.Vertx#runOnContext`, whose callbacks run on a Vert.x event loop. While it blocks, every other task on that thread waits (other connections, timers, callbacks). Move the blocking work to vertx.executeBlocking(...), a WorkerExecutor or a worker verticle, or use the asynchronous Vert.x API.",
            "        Files.readString(config);",
            "      } catch (java.io.IOException e) {",
            "        throw new java.io.UncheckedIOException(e);",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  // --- Blocking through methods of the same file ------------------------------------------------

  @Test
  void chainOfThreeMethodsIsReportedAtTheCallInTheHandler() {
    helper
        .addSourceLines(
            "Orders.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Orders {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    vertx.setPeriodic(1000, id -> {",
            "      // BUG: Diagnostic contains: `refresh()` blocks: refresh() → load() → fetch() → ReentrantLock.lock(), which waits for the lock",
            "      refresh();",
            "    });",
            "  }",
            "  void refresh() { load(); }",
            "  void load() { fetch(); }",
            "  void fetch() { lock.lock(); lock.unlock(); }",
            "}")
        .doTest();
  }

  @Test
  void helpersAreNotReportedThemselvesOutsideAnEventLoop() {
    helper
        .addSourceLines(
            "Orders.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Orders {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void refresh() { load(); }",
            "  void load() { lock.lock(); lock.unlock(); }",
            "}")
        .doTest();
  }

  @Test
  void mutuallyRecursiveMethodsThatBlockAreReported() {
    helper
        .addSourceLines(
            "Tree.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Tree {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    // BUG: Diagnostic contains: `walk()` blocks: walk() → visit() → ReentrantLock.lock()",
            "    vertx.setTimer(10, id -> walk(3));",
            "  }",
            "  void walk(int depth) { if (depth > 0) visit(depth - 1); }",
            "  void visit(int depth) { lock.lock(); lock.unlock(); walk(depth); }",
            "}")
        .doTest();
  }

  @Test
  void mutuallyRecursiveMethodsThatDoNotBlockTerminateSilently() {
    helper
        .addSourceLines(
            "Tree.java",
            "import io.vertx.core.Vertx;",
            "class Tree {",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> walk(3));",
            "  }",
            "  int walk(int depth) { return depth == 0 ? 0 : visit(depth - 1) + walk(depth - 1); }",
            "  int visit(int depth) { return walk(depth) + 1; }",
            "}")
        .doTest();
  }

  @Test
  void helperThatBlocksOnlyInATaskHandedToAnExecutorIsNotBlocking() {
    helper
        .addSourceLines(
            "Audit.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Audit {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx, ExecutorService executor) {",
            "    vertx.setTimer(10, id -> record(executor));",
            "  }",
            "  void record(ExecutorService executor) {",
            "    executor.execute(() -> { lock.lock(); lock.unlock(); });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperThatBlocksInsideForEachIsBlocking() {
    helper
        .addSourceLines(
            "Audit.java",
            "import io.vertx.core.Vertx;",
            "import java.util.List;",
            "import java.util.concurrent.BlockingQueue;",
            "class Audit {",
            "  void start(Vertx vertx, List<String> events, BlockingQueue<String> sink) {",
            "    // BUG: Diagnostic contains: `flush()` blocks: flush() → BlockingQueue.put(), which waits for space in the queue",
            "    vertx.setTimer(10, id -> flush(events, sink));",
            "  }",
            "  void flush(List<String> events, BlockingQueue<String> sink) {",
            "    events.forEach(event -> {",
            "      try {",
            "        sink.put(event);",
            "      } catch (InterruptedException e) {",
            "        Thread.currentThread().interrupt();",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodOfAnotherFileIsNotFollowed() {
    helper
        .addSourceLines(
            "Store.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Store {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void save() { lock.lock(); lock.unlock(); }",
            "}")
        .addSourceLines(
            "Ticker.java",
            "import io.vertx.core.Vertx;",
            "class Ticker {",
            "  void start(Vertx vertx, Store store) {",
            "    vertx.setTimer(10, id -> store.save());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void chainThroughANonBlockingMethodStopsThere() {
    helper
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.jetbrains.annotations.NonBlocking;",
            "class Cache {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> refresh());",
            "  }",
            "  void refresh() { peek(); }",
            "  @NonBlocking",
            "  void peek() {",
            "    // BUG: Diagnostic contains: `peek` is annotated `@NonBlocking`",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void chainEndingInABlockingAnnotatedMethodIsReported() {
    helper
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import org.jetbrains.annotations.Blocking;",
            "class Cache {",
            "  void start(Vertx vertx) {",
            "    // BUG: Diagnostic contains: `refresh()` blocks: refresh() → Cache.load(), which is annotated `@Blocking`",
            "    vertx.setTimer(10, id -> refresh());",
            "  }",
            "  void refresh() { load(); }",
            "  @Blocking",
            "  void load() {}",
            "}")
        .doTest();
  }

  @Test
  void blockingInsideForEachInsideAHandlerIsReported() {
    helper
        .addSourceLines(
            "Audit.java",
            "import io.vertx.core.Vertx;",
            "import java.util.List;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Audit {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx, List<String> events) {",
            "    vertx.setTimer(10, id -> events.forEach(event -> {",
            "      // BUG: Diagnostic contains: This lambda is passed to `io.vertx.core.Vertx#setTimer`",
            "      lock.lock();",
            "    }));",
            "  }",
            "}")
        .doTest();
  }

  // --- Suppression ------------------------------------------------------------------------------

  // The check reports from its unit matcher (it scans only units with event-loop code), so these
  // suppressions are its own, not Error Prone's per-node ones: they must agree with Error Prone's.

  @Test
  void suppressWarningsOnTheMethodSilencesIt() {
    ticker("", "@SuppressWarnings(\"BlockingCallInEventLoop\")", false).doTest();
  }

  @Test
  void suppressWarningsOnTheClassSilencesIt() {
    ticker("@SuppressWarnings(\"BlockingCallInEventLoop\")", "", false).doTest();
  }

  @Test
  void suppressWarningsAllSilencesIt() {
    ticker("", "@SuppressWarnings({\"unchecked\", \"all\", \"all\"})", false).doTest();
  }

  @Test
  void suppressWarningsOnOneMethodLeavesTheOthersReported() {
    helper
        .addSourceLines(
            "Ticker.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Ticker {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @SuppressWarnings(\"BlockingCallInEventLoop\")",
            "  void startQuietly(Vertx vertx) {",
            "    vertx.setTimer(10, id -> lock.lock());",
            "  }",
            "  void start(Vertx vertx) {",
            "    // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock",
            "    vertx.setTimer(10, id -> lock.lock());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressWarningsOnAFieldSilencesItsInitialiser() {
    helper
        .addSourceLines(
            "Ticker.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Ticker {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  private final Vertx vertx = Vertx.vertx();",
            "  @SuppressWarnings(\"BlockingCallInEventLoop\")",
            "  private final long quiet = vertx.setTimer(10, id -> lock.lock());",
            "  // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock",
            "  private final long loud = vertx.setTimer(10, id -> lock.lock());",
            "}")
        .doTest();
  }

  @Test
  void generatedCodeIsSilentWithDisableWarningsInGeneratedCode() {
    ticker(GENERATED, "", false).setArgs("-XepDisableWarningsInGeneratedCode").doTest();
  }

  @Test
  void generatedCodeIsReportedWithoutTheFlag() {
    ticker(GENERATED, "", true).doTest();
  }

  @Test
  void generatedCodeIsReportedWhenTheCheckIsRaisedToAnError() {
    ticker(GENERATED, "", true)
        .setArgs("-XepDisableWarningsInGeneratedCode", "-Xep:BlockingCallInEventLoop:ERROR")
        .doTest();
  }

  private static final String GENERATED = "@javax.annotation.processing.Generated(\"a generator\")";

  /**
   * A class whose timer handler takes a lock, with {@code onClass} and {@code onMethod} (an
   * annotation, or nothing) on the class and on the method that sets the timer, marked as reported
   * or not.
   */
  private CompilationTestHelper ticker(String onClass, String onMethod, boolean reported) {
    return helper.addSourceLines(
        "Ticker.java",
        "import io.vertx.core.Vertx;",
        "import java.util.concurrent.locks.ReentrantLock;",
        onClass,
        "class Ticker {",
        "  final ReentrantLock lock = new ReentrantLock();",
        "  " + onMethod,
        "  void start(Vertx vertx) {",
        reported ? "    // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock" : "",
        "    vertx.setTimer(10, id -> lock.lock());",
        "  }",
        "}");
  }
}
