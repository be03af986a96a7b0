package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop} on Netty: channel handler methods, tasks handed to a channel's
 * event loop, future listeners, and the executor groups where blocking handlers belong.
 */
class BlockingCallInEventLoopNettyTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** A file {@code name}.java with the Netty imports and a {@code ReentrantLock lock} field. */
  private CompilationTestHelper source(String name, String declaration, String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import io.netty.channel.*;");
    lines.add("import io.netty.util.concurrent.DefaultEventExecutorGroup;");
    lines.add("import java.util.concurrent.TimeUnit;");
    lines.add("import java.util.concurrent.locks.ReentrantLock;");
    lines.add(declaration + " {");
    lines.add("  final ReentrantLock lock = new ReentrantLock();");
    for (String member : members) {
      lines.add("  " + member);
    }
    lines.add("}");
    return helper.addSourceLines(name + ".java", lines.toArray(new String[0]));
  }

  // --- Handler methods --------------------------------------------------------------------------

  @Test
  void channelReadOfAnInboundHandlerAdapter() {
    source(
            "LookupHandler",
            "class LookupHandler extends ChannelInboundHandlerAdapter",
            "@Override",
            "public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "  // BUG: Diagnostic contains: `channelRead` overrides `io.netty.channel.ChannelInboundHandler#channelRead`, which Netty calls on the channel's event loop",
            "  lock.lock();",
            "  ctx.fireChannelRead(msg);",
            "}")
        .doTest();
  }

  @Test
  void channelRead0OfASimpleChannelInboundHandler() {
    source(
            "LookupHandler",
            "class LookupHandler extends SimpleChannelInboundHandler<String>",
            "@Override",
            "protected void channelRead0(ChannelHandlerContext ctx, String msg) {",
            "  // BUG: Diagnostic contains: `channelRead0` overrides `io.netty.channel.SimpleChannelInboundHandler#channelRead0`",
            "  lock.lock();",
            "}")
        .doTest();
  }

  @Test
  void writeOfAnOutboundHandler() {
    source(
            "AuditHandler",
            "class AuditHandler extends ChannelOutboundHandlerAdapter",
            "@Override",
            "public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {",
            "  // BUG: Diagnostic contains: `write` overrides `io.netty.channel.ChannelOutboundHandler#write`",
            "  lock.lock();",
            "  ctx.write(msg, promise);",
            "}")
        .doTest();
  }

  @Test
  void exceptionCaughtOfAHandler() {
    source(
            "LookupHandler",
            "class LookupHandler extends ChannelInboundHandlerAdapter",
            "@Override",
            "public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {",
            "  // BUG: Diagnostic contains: `exceptionCaught` overrides",
            "  lock.lock();",
            "}")
        .doTest();
  }

  @Test
  void decodeOfAByteToMessageDecoder() {
    source(
            "FrameDecoder",
            "class FrameDecoder extends io.netty.handler.codec.ByteToMessageDecoder",
            "@Override",
            "protected void decode(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in, java.util.List<Object> out) {",
            "  // BUG: Diagnostic contains: `decode` overrides `io.netty.handler.codec.ByteToMessageDecoder#decode`",
            "  lock.lock();",
            "}")
        .doTest();
  }

  @Test
  void theHooksACodecCallsFromItsHandlerMethods() {
    // Found by seeding netty-handler and netty-codec-http: the codecs call these from
    // handlerRemoved, channelRead and write, on the event loop, and 14 of 51 overrides were missed.
    source(
            "Codecs",
            "class Codecs",
            "static class Frames extends io.netty.handler.codec.ByteToMessageDecoder {",
            "  @Override",
            "  protected void decode(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf in, java.util.List<Object> out) {}",
            "  @Override",
            "  protected void handlerRemoved0(ChannelHandlerContext ctx) {",
            "    // BUG: Diagnostic contains: `handlerRemoved0` overrides `io.netty.handler.codec.ByteToMessageDecoder#handlerRemoved0`",
            "    new java.util.concurrent.locks.ReentrantLock().lock();",
            "  }",
            "}",
            "static class Strings extends io.netty.handler.codec.MessageToMessageEncoder<String> {",
            "  @Override",
            "  public boolean acceptOutboundMessage(Object msg) throws Exception {",
            "    // BUG: Diagnostic contains: `acceptOutboundMessage` overrides `io.netty.handler.codec.MessageToMessageEncoder#acceptOutboundMessage`",
            "    Thread.sleep(1);",
            "    return msg instanceof String;",
            "  }",
            "  @Override",
            "  protected void encode(ChannelHandlerContext ctx, String msg, java.util.List<Object> out) {}",
            "}",
            "static class Lines extends io.netty.handler.codec.MessageToMessageDecoder<String> {",
            "  @Override",
            "  public boolean acceptInboundMessage(Object msg) throws Exception {",
            "    // BUG: Diagnostic contains: `acceptInboundMessage` overrides `io.netty.handler.codec.MessageToMessageDecoder#acceptInboundMessage`",
            "    Thread.sleep(1);",
            "    return true;",
            "  }",
            "  @Override",
            "  protected void decode(ChannelHandlerContext ctx, String msg, java.util.List<Object> out) {}",
            "}",
            "static class Both extends io.netty.handler.codec.MessageToMessageCodec<String, Integer> {",
            "  @Override",
            "  public boolean acceptInboundMessage(Object msg) throws Exception {",
            "    // BUG: Diagnostic contains: `acceptInboundMessage` overrides `io.netty.handler.codec.MessageToMessageCodec#acceptInboundMessage`",
            "    Thread.sleep(1);",
            "    return true;",
            "  }",
            "  @Override",
            "  protected void decode(ChannelHandlerContext ctx, String msg, java.util.List<Object> out) {}",
            "  @Override",
            "  protected void encode(ChannelHandlerContext ctx, Integer msg, java.util.List<Object> out) {}",
            "}")
        .doTest();
  }

  @Test
  void initChannelOfAChannelInitializer() {
    source(
            "Initializer",
            "class Initializer extends ChannelInitializer<Channel>",
            "@Override",
            "protected void initChannel(Channel channel) {",
            "  // BUG: Diagnostic contains: `initChannel` overrides `io.netty.channel.ChannelInitializer#initChannel`",
            "  lock.lock();",
            "}")
        .doTest();
  }

  @Test
  void helperOfAHandlerThatNoHandlerCallsIsNotAContext() {
    source(
            "LookupHandler",
            "class LookupHandler extends ChannelInboundHandlerAdapter",
            "void warmUp() {",
            "  lock.lock();",
            "}")
        .doTest();
  }

  // --- Tasks handed to the event loop -----------------------------------------------------------

  @Test
  void taskPassedToTheContextExecutor() {
    helper.expectErrorMessage(
        "ON_NETTY_LOOP",
        message ->
            message.contains(
                "`ReentrantLock.lock()` waits for the lock. This lambda is passed to"
                    + " `io.netty.util.concurrent.EventExecutor#execute`, whose callbacks run on"
                    + " the channel's event loop"));
    source(
            "Replies",
            "class Replies",
            "void later(ChannelHandlerContext ctx) {",
            "  ctx.executor().execute(() -> {",
            "    // BUG: Diagnostic matches: ON_NETTY_LOOP",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void taskScheduledOnTheChannelEventLoop() {
    source(
            "Replies",
            "class Replies",
            "void later(Channel channel) {",
            "  channel.eventLoop().schedule(() -> {",
            "    // BUG: Diagnostic contains: whose callbacks run on the channel's event loop",
            "    lock.lock();",
            "  }, 1, TimeUnit.SECONDS);",
            "}")
        .doTest();
  }

  @Test
  void taskSubmittedToTheChannelEventLoop() {
    source(
            "Replies",
            "class Replies",
            "void later(Channel channel) {",
            "  channel.eventLoop().submit(() -> {",
            "    // BUG: Diagnostic contains: whose callbacks run on the channel's event loop",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void listenerLambdaAddedToAChannelFuture() {
    source(
            "Replies",
            "class Replies",
            "void send(Channel channel, Object reply) {",
            "  channel.writeAndFlush(reply).addListener(done -> {",
            "    // BUG: Diagnostic contains: This lambda implements `io.netty.util.concurrent.GenericFutureListener#operationComplete`, which Netty calls on the channel's event loop",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void channelFutureListenerLambdaAddedToAChannelFuture() {
    source(
            "Replies",
            "class Replies",
            "void send(Channel channel, Object reply) {",
            "  channel.writeAndFlush(reply).addListener((ChannelFutureListener) done -> {",
            "    // BUG: Diagnostic contains: implements `io.netty.util.concurrent.GenericFutureListener#operationComplete`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  // --- Escape hatches ---------------------------------------------------------------------------

  @Test
  void taskSubmittedToADefaultEventExecutorGroupMayBlock() {
    source(
            "LookupHandler",
            "class LookupHandler extends ChannelInboundHandlerAdapter",
            "private final DefaultEventExecutorGroup blockingGroup = new DefaultEventExecutorGroup(4);",
            "@Override",
            "public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "  blockingGroup.submit(() -> {",
            "    lock.lock();",
            "    ctx.executor().execute(() -> ctx.writeAndFlush(msg));",
            "  });",
            "}")
        .doTest();
  }

  /**
   * aws-sdk's netty-nio-client: HttpToHttp2OutboundAdapter's promise aggregator, a
   * DefaultChannelPromise, has a private {@code awaitingPromises()} that only compares two
   * counters. The rule {@code ChannelFuture#await*} names Netty's await methods; a glob reaches a
   * subtype's own methods only when they are public, a family of API methods like Swing's
   * {@code add*Listener}.
   */
  @Test
  void privateMethodOfAFutureSubclassIsNotNamedByTheGlob() {
    helper
        .addSourceLines(
            "Writer.java",
            "import io.netty.channel.*;",
            "class Writer extends ChannelOutboundHandlerAdapter {",
            "  static final class Aggregator extends DefaultChannelPromise {",
            "    private int done;",
            "    private int expected;",
            "    Aggregator(Channel channel) { super(channel); }",
            "    private boolean awaitingPromises() { return done < expected; }",
            "    public boolean awaitAll(long millis) throws InterruptedException { return await(millis); }",
            "    @Override public ChannelPromise setFailure(Throwable cause) {",
            "      if (awaitingPromises()) { done++; }",
            "      return this;",
            "    }",
            "  }",
            "  @Override",
            "  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {",
            "    Aggregator aggregator = new Aggregator(ctx.channel());",
            "    aggregator.setFailure(new IllegalStateException());",
            "    // BUG: Diagnostic contains: BlockingCallInEventLoop",
            "    aggregator.awaitAll(10);",
            "  }",
            "}")
        .doTest();
  }
}
