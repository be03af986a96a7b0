package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Waiting for a lock on an event loop costs as long as its holders keep it. When the lock is a
 * private field and none of its critical sections blocks or takes another lock, the wait is as
 * short as entering a {@code synchronized} block, and is not reported (the Cassandra driver's
 * rate limiter and continuous-paging handler). A lock held across blocking work, one taken inside
 * another's section, or one other files can take is still a blocking wait.
 */
class ShortLockWaitTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** RateLimitingRequestThrottler: drain() runs on the event loop, every section is short. */
  @Test
  void privateLockWithShortSectionsIsNotReported() {
    helper
        .addSourceLines(
            "Throttler.java",
            "import io.netty.util.concurrent.EventExecutor;",
            "import java.util.ArrayDeque;",
            "import java.util.concurrent.TimeUnit;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Throttler {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();",
            "  private final EventExecutor scheduler;",
            "  Throttler(EventExecutor scheduler) { this.scheduler = scheduler; }",
            "  void register(Runnable request) {",
            "    lock.lock();",
            "    try {",
            "      if (queue.isEmpty()) {",
            "        scheduler.schedule(this::drain, 10, TimeUnit.MILLISECONDS);",
            "      }",
            "      queue.add(request);",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "  private void drain() {",
            "    lock.lock();",
            "    try {",
            "      Runnable next = queue.poll();",
            "      if (next != null) { next.run(); }",
            "      if (!queue.isEmpty()) {",
            "        scheduler.schedule(this::drain, 10, TimeUnit.MILLISECONDS);",
            "      }",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * ContinuousRequestHandlerBase: a listener on the loop takes the lock and calls abort(), which
   * takes it again (reentrant: it waits for nobody).
   */
  @Test
  void reentrantAcquisitionInsideItsOwnSectionIsShort() {
    helper
        .addSourceLines(
            "Handler.java",
            "import io.netty.channel.ChannelFuture;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Handler {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  private boolean done;",
            "  void sent(ChannelFuture write) {",
            "    write.addListener(f -> {",
            "      if (!f.isSuccess()) {",
            "        lock.lock();",
            "        try { abort(); } finally { lock.unlock(); }",
            "        abort();",
            "      }",
            "    });",
            "  }",
            "  private void abort() {",
            "    lock.lock();",
            "    try { done = true; } finally { lock.unlock(); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lockHeldAcrossBlockingWorkElsewhereIsReported() {
    helper
        .addSourceLines(
            "Store.java",
            "import io.netty.channel.ChannelFuture;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Store {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  private String cached = \"\";",
            "  void sent(ChannelFuture write) {",
            "    write.addListener(f -> {",
            "      // BUG: Diagnostic contains: `read()` blocks: read() → ReentrantLock.lock(), which waits for the lock",
            "      read();",
            "    });",
            "  }",
            "  private String read() {",
            "    lock.lock();",
            "    try { return cached; } finally { lock.unlock(); }",
            "  }",
            "  void reload(Path file) throws Exception {",
            "    lock.lock();",
            "    try { cached = load(file); } finally { lock.unlock(); }",
            "  }",
            "  private String load(Path file) throws Exception { return Files.readString(file); }",
            "}")
        .doTest();
  }

  @Test
  void lockHeldWhileTakingAnotherLockOrAwaitingIsReported() {
    helper
        .addSourceLines(
            "Pair.java",
            "import io.netty.channel.ChannelFuture;",
            "import java.util.concurrent.locks.Condition;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Pair {",
            "  private final ReentrantLock first = new ReentrantLock();",
            "  private final ReentrantLock second = new ReentrantLock();",
            "  private final ReentrantLock third = new ReentrantLock();",
            "  private final Condition ready = third.newCondition();",
            "  void sent(ChannelFuture write) {",
            "    write.addListener(f -> {",
            "      // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock",
            "      first.lock();",
            "      first.unlock();",
            "      // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock",
            "      third.lock();",
            "      third.unlock();",
            "    });",
            "  }",
            "  void both() {",
            "    first.lock();",
            "    try { second.lock(); second.unlock(); } finally { first.unlock(); }",
            "  }",
            "  void await() throws InterruptedException {",
            "    third.lock();",
            "    try { ready.await(); } finally { third.unlock(); }",
            "  }",
            "}")
        .doTest();
  }

  /** A lock other files can take (not private), or one a method is handed, may be held long. */
  @Test
  void lockOutOfViewIsReported() {
    helper
        .addSourceLines(
            "Shared.java",
            "import io.netty.channel.ChannelFuture;",
            "import java.util.concurrent.locks.Lock;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Shared {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void sent(ChannelFuture write, Lock given) {",
            "    write.addListener(f -> {",
            "      // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock",
            "      lock.lock();",
            "      lock.unlock();",
            "      // BUG: Diagnostic contains: `Lock.lock()` waits for the lock",
            "      given.lock();",
            "      given.unlock();",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  /** A helper that takes a short lock and also blocks on its own is reported. */
  @Test
  void helperThatAlsoBlocksOtherwiseIsReported() {
    helper
        .addSourceLines(
            "Mixed.java",
            "import io.netty.channel.ChannelFuture;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Mixed {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  void sent(ChannelFuture write) {",
            "    write.addListener(f -> {",
            "      // BUG: Diagnostic contains: `step()` blocks",
            "      step();",
            "    });",
            "  }",
            "  private void step() throws InterruptedException {",
            "    lock.lock();",
            "    lock.unlock();",
            "    Thread.sleep(5);",
            "  }",
            "}")
        .doTest();
  }
}
