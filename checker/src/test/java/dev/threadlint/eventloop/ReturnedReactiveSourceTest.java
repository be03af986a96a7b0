package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A factory such as {@code Mono.fromCallable} runs its lambda on the subscribing thread. When the
 * chain is returned, without a {@code subscribeOn}, from a handler that the framework subscribes
 * to on an event loop (a WebFlux controller method), the lambda runs on that loop.
 */
class ReturnedReactiveSourceTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  private static final String[] CONTROLLER_HEAD = {
    "import org.springframework.web.bind.annotation.GetMapping;",
    "import org.springframework.web.bind.annotation.RestController;",
    "import org.springframework.web.client.RestTemplate;",
    "import reactor.core.publisher.Mono;",
    "import reactor.core.scheduler.Schedulers;",
    "@RestController",
    "class ProfileController {",
    "  private final RestTemplate rest = new RestTemplate();",
  };

  private CompilationTestHelper controller(String... body) {
    String[] lines = new String[CONTROLLER_HEAD.length + body.length + 1];
    System.arraycopy(CONTROLLER_HEAD, 0, lines, 0, CONTROLLER_HEAD.length);
    System.arraycopy(body, 0, lines, CONTROLLER_HEAD.length, body.length);
    lines[lines.length - 1] = "}";
    return helper.addSourceLines("ProfileController.java", lines);
  }

  @Test
  void fromCallableReturnedFromAWebFluxHandlerIsReported() {
    controller(
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() {",
            "    // BUG: Diagnostic contains: is returned by `profile`, which Spring WebFlux subscribes to on a Netty event loop",
            "    return Mono.fromCallable(() -> rest.getForObject(\"http://profiles/1\", String.class));",
            "  }")
        .doTest();
  }

  @Test
  void fromCallableWithOperatorsReturnedFromAWebFluxHandlerIsReported() {
    controller(
            "  @GetMapping(\"/profile\")",
            "  Mono<Integer> length() {",
            "    // BUG: Diagnostic contains: BlockingCallInEventLoop",
            "    return Mono.fromCallable(() -> rest.getForObject(\"http://profiles/1\", String.class))",
            "        .map(String::length);",
            "  }")
        .doTest();
  }

  @Test
  void fromCallableWithSubscribeOnBoundedElasticIsSilent() {
    controller(
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() {",
            "    return Mono.fromCallable(() -> rest.getForObject(\"http://profiles/1\", String.class))",
            "        .subscribeOn(Schedulers.boundedElastic());",
            "  }")
        .doTest();
  }

  @Test
  void fromCallableReturnedFromAPlainMethodIsSilent() {
    helper
        .addSourceLines(
            "ProfileClient.java",
            "import org.springframework.web.client.RestTemplate;",
            "import reactor.core.publisher.Mono;",
            "class ProfileClient {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  Mono<String> profile() {",
            "    return Mono.fromCallable(() -> rest.getForObject(\"http://profiles/1\", String.class));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fromCallableStoredInALocalInAHandlerIsSilent() {
    controller(
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() {",
            "    Mono<String> call = Mono.fromCallable(() -> rest.getForObject(\"http://profiles/1\", String.class));",
            "    return call.subscribeOn(Schedulers.boundedElastic());",
            "  }")
        .doTest();
  }

  @Test
  void fromCallableReturnedFromALambdaInsideAHandlerIsSilent() {
    controller(
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() {",
            "    return Mono.just(\"1\").flatMap(id -> {",
            "      return Mono.fromCallable(() -> rest.getForObject(\"http://profiles/\" + id, String.class))",
            "          .subscribeOn(Schedulers.boundedElastic());",
            "    });",
            "  }")
        .doTest();
  }

  // Regression (reactor-netty-core 1.2.15, found by the harness): a method returning a chain that
  // a class of the same file is handed to asked where that class's instances are handed, which
  // scanned the file again and asked about the same method: a StackOverflowError.
  @Test
  void instanceOfAClassOfTheFileHandedToAReturnedChainIsSilentAndDoesNotRecurse() {
    helper
        .addSourceLines(
            "ProfileClient.java",
            "import java.util.concurrent.Callable;",
            "import org.springframework.web.client.RestTemplate;",
            "import reactor.core.publisher.Mono;",
            "class ProfileClient {",
            "  private final RestTemplate rest = new RestTemplate();",
            "  class Lookup implements Callable<String> {",
            "    @Override public String call() {",
            "      return rest.getForObject(\"http://profiles/1\", String.class);",
            "    }",
            "  }",
            "  Mono<String> profile() {",
            "    return Mono.fromCallable(new Lookup());",
            "  }",
            "  Mono<String> again() {",
            "    return Mono.fromCallable(new Lookup()).map(String::trim);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void instanceOfAClassOfTheFileReturnedFromAWebFluxHandlerIsReported() {
    controller(
            "  class Lookup implements java.util.concurrent.Callable<String> {",
            "    @Override public String call() {",
            "      // BUG: Diagnostic contains: An instance of `Lookup` is passed to `reactor.core.publisher.Mono#fromCallable`, which runs it at subscription, and the chain is returned by `profile`",
            "      return rest.getForObject(\"http://profiles/1\", String.class);",
            "    }",
            "  }",
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() {",
            "    return Mono.fromCallable(new Lookup());",
            "  }")
        .doTest();
  }
}
