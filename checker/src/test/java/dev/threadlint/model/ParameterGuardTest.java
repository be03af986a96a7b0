package dev.threadlint.model;

import com.google.errorprone.CompilationTestHelper;
import dev.threadlint.eventloop.BlockingCallInEventLoop;
import dev.threadlint.sharedstate.BlockingUnderLock;
import org.junit.jupiter.api.Test;

/**
 * A method of the file that blocks only when one of its boolean parameters has a value (under
 * {@code if (p)}, in the {@code else} of {@code if (p)}, after {@code if (!p) return;}) does not
 * block at a call that passes the other value as a constant (vertx-mail-client's
 * AttachmentPart: {@code new BodyReadStream(context, stream, false)} never creates the temp
 * file). Any other argument, and a parameter the method reassigns, keeps the call blocking.
 */
class ParameterGuardTest {
  private final CompilationTestHelper underLock =
      CompilationTestHelper.newInstance(BlockingUnderLock.class, getClass());
  private final CompilationTestHelper onEventLoop =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** The shape of AttachmentPart: the blocking work sits in the constructor, under its flag. */
  @Test
  void constructorCalledWithTheFlagOffUnderALockIsNotReported() {
    underLock
        .addSourceLines(
            "Part.java",
            "import java.io.File;",
            "import java.io.IOException;",
            "class Part {",
            "  private static final boolean NO_CACHE = false;",
            "  synchronized Body body() throws IOException { return new Body(false); }",
            "  synchronized Body bodyByConstant() throws IOException { return new Body(NO_CACHE); }",
            "  synchronized Body cachedBody() throws IOException {",
            "    // BUG: Diagnostic contains: new Body() → File.createTempFile(), which",
            "    return new Body(true);",
            "  }",
            "  synchronized Body anyBody(boolean cache) throws IOException {",
            "    // BUG: Diagnostic contains: → File.createTempFile()",
            "    return new Body(cache);",
            "  }",
            "  static class Body {",
            "    File cache;",
            "    Body(boolean tryReset) throws IOException {",
            "      if (tryReset) {",
            "        cache = File.createTempFile(\"part\", \".data\");",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void elseBranchAndEarlyReturnGuardTheOtherValue() {
    underLock
        .addSourceLines(
            "Store.java",
            "import java.io.IOException;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class Store {",
            "  private byte[] cached = new byte[0];",
            "  synchronized byte[] fromMemory(Path path) throws IOException { return read(path, true); }",
            "  synchronized void skipLoad(Path path) throws IOException { load(path, false); }",
            "  synchronized byte[] fromDisk(Path path) throws IOException {",
            "    // BUG: Diagnostic contains: → Files.readAllBytes()",
            "    return read(path, false);",
            "  }",
            "  synchronized void reload(Path path) throws IOException {",
            "    // BUG: Diagnostic contains: → Files.readAllBytes()",
            "    load(path, true);",
            "  }",
            "  private byte[] read(Path path, boolean inMemory) throws IOException {",
            "    if (inMemory) {",
            "      return cached;",
            "    } else {",
            "      return Files.readAllBytes(path);",
            "    }",
            "  }",
            "  private void load(Path path, boolean enabled) throws IOException {",
            "    if (!enabled) {",
            "      return;",
            "    }",
            "    cached = Files.readAllBytes(path);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void conditionalExpressionAndTheElseOfADisjunction() {
    underLock
        .addSourceLines(
            "Loader.java",
            "import java.io.IOException;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class Loader {",
            "  private byte[] cached = new byte[0];",
            "  volatile boolean offline;",
            "  synchronized void run(Path path) throws IOException {",
            "    pick(path, true);",
            "    fallback(path, true);",
            "    // BUG: Diagnostic contains: → Files.readAllBytes()",
            "    fallback(path, false);",
            "  }",
            "  private byte[] pick(Path path, boolean memory) throws IOException {",
            "    return memory ? cached : Files.readAllBytes(path);",
            "  }",
            "  private void fallback(Path path, boolean memory) throws IOException {",
            "    if (memory || offline) {",
            "      System.out.println(\"from memory\");",
            "    } else {",
            "      cached = Files.readAllBytes(path);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /** A method reference has no arguments in the source: the call may pass either value. */
  @Test
  void aMethodReferenceToAGuardedMethodStillBlocks() {
    onEventLoop
        .addSourceLines(
            "Pauser.java",
            "import io.vertx.core.Vertx;",
            "import java.util.List;",
            "class Pauser {",
            "  void start(Vertx vertx, List<Boolean> flags) {",
            "    vertx.setTimer(10, id -> {",
            "      // BUG: Diagnostic contains: pause() → Thread.sleep()",
            "      flags.forEach(this::pause);",
            "    });",
            "  }",
            "  void pause(boolean really) {",
            "    if (really) {",
            "      try { Thread.sleep(100); } catch (InterruptedException e) { }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /** A caller that hands its own parameter on blocks under the same condition. */
  @Test
  void theGuardFollowsAParameterPassedThrough() {
    onEventLoop
        .addSourceLines(
            "Service.java",
            "import io.vertx.core.Vertx;",
            "class Service {",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> refresh(false));",
            "    vertx.setTimer(10, id -> {",
            "      // BUG: Diagnostic contains: refresh() → pause() → Thread.sleep(), which",
            "      refresh(true);",
            "    });",
            "  }",
            "  void refresh(boolean slowly) { pause(1, slowly); }",
            "  void pause(int times, boolean really) {",
            "    if (really && times > 0) {",
            "      try { Thread.sleep(100); } catch (InterruptedException e) { }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // --- Traps: the call still blocks ---------------------------------------------------------------

  @Test
  void aReassignedParameterIsNoGuard() {
    underLock
        .addSourceLines(
            "Reassigned.java",
            "class Reassigned {",
            "  synchronized void run() {",
            "    // BUG: Diagnostic contains: → Thread.sleep()",
            "    pause(false);",
            "  }",
            "  void pause(boolean really) {",
            "    really = !really;",
            "    if (really) {",
            "      try { Thread.sleep(100); } catch (InterruptedException e) { }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aDisjunctionOrAnUnguardedCallIsNoGuard() {
    underLock
        .addSourceLines(
            "Mixed.java",
            "class Mixed {",
            "  volatile boolean urgent;",
            "  synchronized void runEither() {",
            "    // BUG: Diagnostic contains: → Thread.sleep()",
            "    either(false);",
            "  }",
            "  synchronized void runBoth() {",
            "    // BUG: Diagnostic contains: → Thread.sleep()",
            "    both(false);",
            "  }",
            "  synchronized void runTwoFlags() {",
            "    // BUG: Diagnostic contains: → Thread.sleep()",
            "    twoFlags(false, true);",
            "  }",
            "  void either(boolean really) {",
            "    if (really || urgent) { sleep(); }",
            "  }",
            "  void both(boolean really) {",
            "    if (really) { sleep(); }",
            "    sleep();",
            "  }",
            "  void twoFlags(boolean first, boolean second) {",
            "    if (first) { sleep(); }",
            "    if (second) { sleep(); }",
            "  }",
            "  void sleep() {",
            "    try { Thread.sleep(100); } catch (InterruptedException e) { }",
            "  }",
            "}")
        .doTest();
  }

  /** Only an {@code if} whose branch cannot complete normally guards the statements after it. */
  @Test
  void anIfThatFallsThroughGuardsNothingAfterIt() {
    underLock
        .addSourceLines(
            "Deferred.java",
            "class Deferred {",
            "  synchronized void run() {",
            "    // BUG: Diagnostic contains: → Thread.sleep()",
            "    fallThrough(false);",
            "  }",
            "  void fallThrough(boolean really) {",
            "    if (!really) {",
            "      System.out.println(\"not really\");",
            "    }",
            "    sleep();",
            "  }",
            "  void sleep() {",
            "    try { Thread.sleep(100); } catch (InterruptedException e) { }",
            "  }",
            "}")
        .doTest();
  }
  /**
   * The right side of {@code &&} runs only when the left is true, of {@code ||} only when it is
   * false: artemis-core-client's NettyConnection closes its channel with {@code if (!inEventLoop &&
   * !closeFuture.awaitUninterruptibly(...))} and calls it with {@code true} from the event loop.
   */
  @Test
  void aWaitOnTheRightOfAConditionIsGuardedByItsLeft() {
    onEventLoop
        .addSourceLines(
            "Connection.java",
            "import io.netty.channel.Channel;",
            "import io.netty.channel.ChannelFuture;",
            "class Connection {",
            "  void close(Channel channel) {",
            "    channel.eventLoop().execute(() -> closeChannel(channel, true));",
            "    channel.eventLoop().execute(() -> closeOr(channel, true));",
            "    channel.eventLoop().execute(() -> {",
            "      // BUG: Diagnostic contains: closeChannel() → ChannelFuture.awaitUninterruptibly()",
            "      closeChannel(channel, false);",
            "    });",
            "    channel.eventLoop().execute(() -> {",
            "      // BUG: Diagnostic contains: closeOr() → ChannelFuture.awaitUninterruptibly()",
            "      closeOr(channel, false);",
            "    });",
            "  }",
            "  private void closeChannel(Channel channel, boolean inEventLoop) {",
            "    ChannelFuture closed = channel.close();",
            "    if (!inEventLoop && !closed.awaitUninterruptibly(1000)) {",
            "      System.err.println(\"timed out\");",
            "    }",
            "  }",
            "  private boolean closeOr(Channel channel, boolean inEventLoop) {",
            "    return inEventLoop || channel.close().awaitUninterruptibly(1000);",
            "  }",
            "}")
        .doTest();
  }
}
