package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop} on Spring WebFlux endpoints and filters, and on code that
 * declares its thread with {@code @NonBlocking} / {@code @Blocking} annotations.
 */
class BlockingCallInEventLoopWebFluxAndAnnotationsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  // --- Spring WebFlux ---------------------------------------------------------------------------

  @Test
  void restControllerGetMappingReturningMono() {
    helper
        .addSourceLines(
            "PriceController.java",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import org.springframework.web.client.RestTemplate;",
            "import reactor.core.publisher.Mono;",
            "@RestController",
            "class PriceController {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  @GetMapping(\"/price\")",
            "  Mono<String> price() {",
            "    // BUG: Diagnostic contains: `RestTemplate.getForObject()` waits for the HTTP response. `price` is annotated `@GetMapping` in a class annotated `@RestController` and returns `Mono`, so Spring WebFlux calls it on a Netty event loop",
            "    String body = rest.getForObject(\"http://prices/latest\", String.class);",
            "    return Mono.just(body);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void restControllerPostMappingReturningFlux() {
    helper
        .addSourceLines(
            "OrderController.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.springframework.web.bind.annotation.PostMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import reactor.core.publisher.Flux;",
            "@RestController",
            "class OrderController {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @PostMapping(\"/orders\")",
            "  Flux<String> place() {",
            "    // BUG: Diagnostic contains: `place` is annotated `@PostMapping` in a class annotated `@RestController` and returns `Flux`",
            "    lock.lock();",
            "    return Flux.just(\"placed\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void operatorInTheChainAControllerReturnsIsReported() {
    helper
        .addSourceLines(
            "PriceController.java",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import org.springframework.web.client.RestTemplate;",
            "import reactor.core.publisher.Mono;",
            "@RestController",
            "class PriceController {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  @GetMapping(\"/price\")",
            "  Mono<String> price(Mono<String> symbol) {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Mono#map`",
            "    return symbol.map(s -> rest.getForObject(\"http://prices/\" + s, String.class));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void controllerThatWrapsTheCallInFromCallableOnBoundedElasticMayBlock() {
    helper
        .addSourceLines(
            "PriceController.java",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import org.springframework.web.client.RestTemplate;",
            "import reactor.core.publisher.Mono;",
            "import reactor.core.scheduler.Schedulers;",
            "@RestController",
            "class PriceController {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  @GetMapping(\"/price\")",
            "  Mono<String> price() {",
            "    return Mono.fromCallable(() -> rest.getForObject(\"http://prices/latest\", String.class))",
            "        .subscribeOn(Schedulers.boundedElastic());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void restControllerMethodReturningAPlainValueIsServletStyle() {
    helper
        .addSourceLines(
            "PriceController.java",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import org.springframework.web.client.RestTemplate;",
            "@RestController",
            "class PriceController {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  @GetMapping(\"/price\")",
            "  String price() {",
            "    return rest.getForObject(\"http://prices/latest\", String.class);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void getMappingOutsideAControllerIsNotAContext() {
    helper
        .addSourceLines(
            "PriceClient.java",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.client.RestTemplate;",
            "import reactor.core.publisher.Mono;",
            "interface PriceApi {",
            "  @GetMapping(\"/price\")",
            "  Mono<String> price();",
            "}",
            "class PriceClient {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  @GetMapping(\"/price\")",
            "  Mono<String> price() {",
            "    return Mono.just(rest.getForObject(\"http://prices/latest\", String.class));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void handlerFunctionLambdaPassedToRouterFunctionsRoute() {
    helper
        .addSourceLines(
            "Routes.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.springframework.web.reactive.function.server.RequestPredicates;",
            "import org.springframework.web.reactive.function.server.RouterFunction;",
            "import org.springframework.web.reactive.function.server.RouterFunctions;",
            "import org.springframework.web.reactive.function.server.ServerResponse;",
            "class Routes {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  RouterFunction<ServerResponse> routes() {",
            "    return RouterFunctions.route(RequestPredicates.GET(\"/orders\"), request -> {",
            "      // BUG: Diagnostic contains: This lambda implements `org.springframework.web.reactive.function.server.HandlerFunction#handle`, which Spring WebFlux calls on a Netty event loop",
            "      lock.lock();",
            "      return ServerResponse.ok().bodyValue(\"orders\");",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void webFilterImplementation() {
    helper
        .addSourceLines(
            "AuditFilter.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.springframework.web.server.ServerWebExchange;",
            "import org.springframework.web.server.WebFilter;",
            "import org.springframework.web.server.WebFilterChain;",
            "import reactor.core.publisher.Mono;",
            "class AuditFilter implements WebFilter {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {",
            "    // BUG: Diagnostic contains: `filter` overrides `org.springframework.web.server.WebFilter#filter`, which Spring WebFlux calls on a Netty event loop",
            "    lock.lock();",
            "    return chain.filter(exchange);",
            "  }",
            "}")
        .doTest();
  }

  // --- @NonBlocking: the code runs on a thread that must not block ------------------------------

  /** A class {@code Cache} whose {@code peek} method blocks, with the given annotations. */
  private CompilationTestHelper cache(String classAnnotation, String methodAnnotation, String bug) {
    return helper.addSourceLines(
        "Cache.java",
        "import java.util.concurrent.locks.ReentrantLock;",
        classAnnotation,
        "class Cache {",
        "  final ReentrantLock lock = new ReentrantLock();",
        "  " + methodAnnotation,
        "  String peek() {",
        "    " + bug,
        "    lock.lock();",
        "    try { return \"\"; } finally { lock.unlock(); }",
        "  }",
        "}");
  }

  @Test
  void jetBrainsNonBlockingOnTheMethod() {
    cache(
            "",
            "@org.jetbrains.annotations.NonBlocking",
            "// BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock. `peek` is annotated `@NonBlocking`, so it runs on a thread that must not block")
        .doTest();
  }

  @Test
  void smallRyeNonBlockingOnTheMethod() {
    cache(
            "",
            "@io.smallrye.common.annotation.NonBlocking",
            "// BUG: Diagnostic contains: `peek` is annotated `@NonBlocking`")
        .doTest();
  }

  @Test
  void micronautNonBlockingOnTheMethod() {
    cache(
            "",
            "@io.micronaut.core.annotation.NonBlocking",
            "// BUG: Diagnostic contains: `peek` is annotated `@NonBlocking`")
        .doTest();
  }

  @Test
  void jetBrainsNonBlockingOnTheClass() {
    cache(
            "@org.jetbrains.annotations.NonBlocking",
            "",
            "// BUG: Diagnostic contains: Its class `Cache` is annotated `@NonBlocking`, so it runs on a thread that must not block")
        .doTest();
  }

  @Test
  void smallRyeNonBlockingOnTheClass() {
    cache(
            "@io.smallrye.common.annotation.NonBlocking",
            "",
            "// BUG: Diagnostic contains: Its class `Cache` is annotated `@NonBlocking`")
        .doTest();
  }

  @Test
  void micronautNonBlockingOnTheClass() {
    cache(
            "@io.micronaut.core.annotation.NonBlocking",
            "",
            "// BUG: Diagnostic contains: Its class `Cache` is annotated `@NonBlocking`")
        .doTest();
  }

  @Test
  void nonBlockingOnTheOuterClassDoesNotCoverANestedClass() {
    // The annotation covers the methods its class declares; a nested class is often a task.
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.jetbrains.annotations.NonBlocking;",
            "@NonBlocking",
            "class Cache {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  class Loader implements Runnable {",
            "    @Override",
            "    public void run() {",
            "      lock.lock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // --- @Blocking: the code may block ------------------------------------------------------------

  @Test
  void blockingMethodInANonBlockingClassMayBlock() {
    cache("@org.jetbrains.annotations.NonBlocking", "@org.jetbrains.annotations.Blocking", "")
        .doTest();
  }

  @Test
  void smallRyeBlockingMethodInANonBlockingClassMayBlock() {
    cache("@io.smallrye.common.annotation.NonBlocking", "@io.smallrye.common.annotation.Blocking", "")
        .doTest();
  }

  @Test
  void blockingOnAVerticleClassMayBlock() {
    // A worker verticle: the class declares that its methods may block.
    helper
        .addSourceLines(
            "ImportVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.jetbrains.annotations.Blocking;",
            "@Blocking",
            "class ImportVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public void start() {",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void smallRyeBlockingOnANettyHandlerClassMayBlock() {
    // A handler added with pipeline.addLast(executorGroup, handler) runs off the event loop.
    helper
        .addSourceLines(
            "LookupHandler.java",
            "import io.netty.channel.ChannelHandlerContext;",
            "import io.netty.channel.ChannelInboundHandlerAdapter;",
            "import io.smallrye.common.annotation.Blocking;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "@Blocking",
            "class LookupHandler extends ChannelInboundHandlerAdapter {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public void channelRead(ChannelHandlerContext ctx, Object msg) {",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nonBlockingOnAVerticleClassKeepsItsLifecycleOnTheEventLoop() {
    helper
        .addSourceLines(
            "OrdersVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.jetbrains.annotations.NonBlocking;",
            "@NonBlocking",
            "class OrdersVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Override",
            "  public void start() {",
            "    // BUG: Diagnostic contains: `start` overrides `io.vertx.core.AbstractVerticle#start`",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingAnnotatedVerticleStartMayBlock() {
    helper
        .addSourceLines(
            "MigrationVerticle.java",
            "import io.vertx.core.AbstractVerticle;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.jetbrains.annotations.Blocking;",
            "class MigrationVerticle extends AbstractVerticle {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @Blocking",
            "  @Override",
            "  public void start() {",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void unannotatedClassIsNotAContext() {
    cache("", "", "").doTest();
  }
}
