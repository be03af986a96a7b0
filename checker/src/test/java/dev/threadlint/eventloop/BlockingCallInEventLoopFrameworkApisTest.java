package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop}: the blocking calls of framework clients (RestTemplate, Reactor and
 * RxJava terminals, Netty futures) and methods declared blocking or non-blocking by annotation,
 * called from a Vert.x timer callback (a known event loop).
 */
class BlockingCallInEventLoopFrameworkApisTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** {@link EventLoopTestSources#inTimerCallback} with this class's helper. */
  private CompilationTestHelper inTimerCallback(String params, String... statements) {
    return EventLoopTestSources.inTimerCallback(helper, params, statements);
  }

  // --- Framework clients ------------------------------------------------------------------------

  @Test
  void restTemplateGetForObject() {
    inTimerCallback(
            "org.springframework.web.client.RestTemplate rest",
            "// BUG: Diagnostic contains: `RestTemplate.getForObject()` waits for the HTTP response",
            "rest.getForObject(\"http://prices/latest\", String.class);")
        .doTest();
  }

  @Test
  void monoBlock() {
    inTimerCallback(
            "reactor.core.publisher.Mono<String> price",
            "// BUG: Diagnostic contains: `Mono.block()` blocks until the Mono completes",
            "price.block();")
        .doTest();
  }

  @Test
  void fluxBlockFirst() {
    inTimerCallback(
            "reactor.core.publisher.Flux<String> prices",
            "// BUG: Diagnostic contains: `Flux.blockFirst()` blocks until the Flux emits",
            "prices.blockFirst();")
        .doTest();
  }

  @Test
  void fluxBlockLast() {
    inTimerCallback(
            "reactor.core.publisher.Flux<String> prices",
            "// BUG: Diagnostic contains: `Flux.blockLast()` blocks until the Flux emits",
            "prices.blockLast();")
        .doTest();
  }

  @Test
  void fluxToIterable() {
    inTimerCallback(
            "reactor.core.publisher.Flux<String> prices",
            "// BUG: Diagnostic contains: `Flux.toIterable()` blocks while it is iterated",
            "for (String price : prices.toIterable()) {}")
        .doTest();
  }

  @Test
  void fluxToStream() {
    inTimerCallback(
            "reactor.core.publisher.Flux<String> prices",
            "// BUG: Diagnostic contains: `Flux.toStream()` blocks while it is consumed",
            "prices.toStream().count();")
        .doTest();
  }

  @Test
  void monoBlockOptional() {
    inTimerCallback(
            "reactor.core.publisher.Mono<String> price",
            "// BUG: Diagnostic contains: `Mono.blockOptional()` blocks until the Mono completes",
            "price.blockOptional();")
        .doTest();
  }

  @Test
  void rxJavaBlockingGet() {
    inTimerCallback(
            "io.reactivex.rxjava3.core.Single<String> price",
            "// BUG: Diagnostic contains: `Single.blockingGet()` blocks until the source emits",
            "price.blockingGet();")
        .doTest();
  }

  @Test
  void rxJavaBlockingFirst() {
    inTimerCallback(
            "io.reactivex.rxjava3.core.Observable<String> prices",
            "// BUG: Diagnostic contains: `Observable.blockingFirst()` blocks until the source emits",
            "prices.blockingFirst();")
        .doTest();
  }

  @Test
  void rxJavaCompletableBlockingAwait() {
    inTimerCallback(
            "io.reactivex.rxjava3.core.Completable saved",
            "// BUG: Diagnostic contains: `Completable.blockingAwait()` blocks until the source completes",
            "saved.blockingAwait();")
        .doTest();
  }

  @Test
  void rxJavaFlowableBlockingSubscribe() {
    inTimerCallback(
            "io.reactivex.rxjava3.core.Flowable<String> prices",
            "// BUG: Diagnostic contains: `Flowable.blockingSubscribe()` blocks until the source emits",
            "prices.blockingSubscribe();")
        .doTest();
  }

  @Test
  void nettyChannelFutureSync() {
    inTimerCallback(
            "io.netty.channel.ChannelFuture written",
            "// BUG: Diagnostic contains: `ChannelFuture.sync()` waits for the future",
            "written.sync();")
        .doTest();
  }

  @Test
  void nettyChannelFutureAwait() {
    inTimerCallback(
            "io.netty.channel.ChannelFuture written",
            "// BUG: Diagnostic contains: `ChannelFuture.await()` waits for the future",
            "written.await();")
        .doTest();
  }

  @Test
  void nettyFutureAwaitUninterruptibly() {
    inTimerCallback(
            "io.netty.util.concurrent.Future<String> reply",
            "// BUG: Diagnostic contains: `Future.awaitUninterruptibly()` waits for the future",
            "reply.awaitUninterruptibly();")
        .doTest();
  }

  // --- Annotations ------------------------------------------------------------------------------

  @Test
  void methodAnnotatedBlockingCalledFromAHandler() {
    helper
        .addSourceLines(
            "Repository.java",
            "import io.vertx.core.Vertx;",
            "import org.jetbrains.annotations.Blocking;",
            "class Repository {",
            "  @Blocking",
            "  String load(String key) { return key; }",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> {",
            "      // BUG: Diagnostic contains: `Repository.load()` is annotated `@Blocking`",
            "      load(\"orders\");",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodAnnotatedSmallRyeBlockingCalledFromAHandler() {
    helper
        .addSourceLines(
            "Repository.java",
            "import io.smallrye.common.annotation.Blocking;",
            "import io.vertx.core.Vertx;",
            "class Repository {",
            "  @Blocking",
            "  String load(String key) { return key; }",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> {",
            "      // BUG: Diagnostic contains: `Repository.load()` is annotated `@Blocking`",
            "      load(\"orders\");",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodAnnotatedMicronautBlockingCalledFromAHandler() {
    helper
        .addSourceLines(
            "Repository.java",
            "import io.micronaut.core.annotation.Blocking;",
            "import io.vertx.core.Vertx;",
            "class Repository {",
            "  @Blocking",
            "  String load(String key) { return key; }",
            "  void start(Vertx vertx) {",
            "    // BUG: Diagnostic contains: `Repository.load()` is annotated `@Blocking`",
            "    vertx.setTimer(10, id -> load(\"orders\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nonBlockingMethodReportsItsBodyButIsNotBlockingForItsCallers() {
    helper
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.jetbrains.annotations.NonBlocking;",
            "class Cache {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @NonBlocking",
            "  String peek() {",
            "    // BUG: Diagnostic contains: `peek` is annotated `@NonBlocking`",
            "    lock.lock();",
            "    try { return \"\"; } finally { lock.unlock(); }",
            "  }",
            "  void start(Vertx vertx) {",
            "    vertx.setTimer(10, id -> peek());",
            "  }",
            "}")
        .doTest();
  }
}
