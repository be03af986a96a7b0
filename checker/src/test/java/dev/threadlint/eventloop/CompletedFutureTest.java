package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Waiting on a future inside the callback that announces its completion returns at once:
 * Netty's {@code operationComplete(future)} and Swing's {@code SwingWorker#done}. Found on
 * netty-transport's {@code DelegatingChannelPromiseNotifier}, a false alarm before this rule.
 */
class CompletedFutureTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  @Test
  void getOnTheCompletedFutureInOperationCompleteIsNotBlocking() {
    helper
        .addSourceLines(
            "Notifier.java",
            "import io.netty.channel.ChannelFuture;",
            "import io.netty.channel.ChannelFutureListener;",
            "class Notifier implements ChannelFutureListener {",
            "  @Override public void operationComplete(ChannelFuture future) throws Exception {",
            "    if (future.isSuccess()) { Void v = future.get(); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void getOnTheCompletedFutureInAListenerLambdaIsNotBlocking() {
    helper
        .addSourceLines(
            "Writer.java",
            "import io.netty.channel.Channel;",
            "class Writer {",
            "  void write(Channel ch, Object msg) {",
            "    ch.writeAndFlush(msg).addListener(f -> { if (f.isSuccess()) f.get(); });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void waitingOnAnotherFutureInOperationCompleteIsStillReported() {
    helper
        .addSourceLines(
            "Chained.java",
            "import io.netty.channel.ChannelFuture;",
            "import io.netty.channel.ChannelFutureListener;",
            "class Chained implements ChannelFutureListener {",
            "  private final ChannelFuture other;",
            "  Chained(ChannelFuture other) { this.other = other; }",
            "  @Override public void operationComplete(ChannelFuture future) throws Exception {",
            "    // BUG: Diagnostic contains: `ChannelFuture.sync()` waits for the future",
            "    other.sync();",
            "  }",
            "}")
        .doTest();
  }

  /** netty-common's PromiseNotifier: an override delegates to super, whose get() is exempt. */
  @Test
  void delegatingToASuperListenerThatGetsTheCompletedFutureIsNotBlocking() {
    helper
        .addSourceLines(
            "Notifier.java",
            "import io.netty.util.concurrent.Future;",
            "import io.netty.util.concurrent.GenericFutureListener;",
            "class Notifier implements GenericFutureListener<Future<Object>> {",
            "  @Override public void operationComplete(Future<Object> f) throws Exception {",
            "    Object v = f.get();",
            "  }",
            "  static void link(Future<Object> future) {",
            "    future.addListener(new Notifier() {",
            "      @Override public void operationComplete(Future<Object> f) throws Exception {",
            "        super.operationComplete(f);",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  /**
   * pulsar-client's ConnectionPool#doMarkAndReleaseUselessConnections, run every few seconds on
   * a Netty event loop: it skips the futures that are not done, then joins the rest. Both the
   * helper's join and a direct one after isDone() return at once.
   */
  @Test
  void joinAfterIsDoneInAHelperTheEventLoopCallsIsNotBlocking() {
    helper
        .addSourceLines(
            "Pool.java",
            "import io.netty.channel.EventLoopGroup;",
            "import java.util.Map;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.TimeUnit;",
            "class Pool {",
            "  private final Map<String, CompletableFuture<String>> pool = new ConcurrentHashMap<>();",
            "  void start(EventLoopGroup group, CompletableFuture<String> first) {",
            "    group.scheduleWithFixedDelay(() -> release(), 1, 1, TimeUnit.SECONDS);",
            "    group.execute(() -> { if (first.isDone()) { System.out.println(first.join()); } });",
            "  }",
            "  private void release() {",
            "    for (CompletableFuture<String> future : pool.values()) {",
            "      if (!future.isDone() || future.isCompletedExceptionally()) {",
            "        continue;",
            "      }",
            "      System.out.println(future.join());",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinWithoutACompletionCheckInAHelperIsStillReported() {
    helper
        .addSourceLines(
            "Pool.java",
            "import io.netty.channel.EventLoopGroup;",
            "import java.util.Map;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.TimeUnit;",
            "class Pool {",
            "  private final Map<String, CompletableFuture<String>> pool = new ConcurrentHashMap<>();",
            "  void start(EventLoopGroup group) {",
            "    // BUG: Diagnostic contains: release() → CompletableFuture.join()",
            "    group.scheduleWithFixedDelay(() -> release(), 1, 1, TimeUnit.SECONDS);",
            "  }",
            "  private void release() {",
            "    for (CompletableFuture<String> future : pool.values()) {",
            "      if (future == null) {",
            "        continue;",
            "      }",
            "      System.out.println(future.join());",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * isCompletedExceptionally() answers false for a future still pending: skipping the failed ones
   * leaves the join free to wait. Only checks whose true answer the wait follows (isDone) count.
   */
  @Test
  void joinAfterSkippingFailedFuturesIsStillReported() {
    helper
        .addSourceLines(
            "Pool.java",
            "import io.netty.channel.EventLoopGroup;",
            "import java.util.Map;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.TimeUnit;",
            "class Pool {",
            "  private final Map<String, CompletableFuture<String>> pool = new ConcurrentHashMap<>();",
            "  void start(EventLoopGroup group) {",
            "    // BUG: Diagnostic contains: release() → CompletableFuture.join()",
            "    group.scheduleWithFixedDelay(() -> release(), 1, 1, TimeUnit.SECONDS);",
            "  }",
            "  private void release() {",
            "    for (CompletableFuture<String> future : pool.values()) {",
            "      if (future.isCompletedExceptionally()) {",
            "        continue;",
            "      }",
            "      System.out.println(future.join());",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
