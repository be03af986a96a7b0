package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class NeedlessAsyncTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NeedlessAsync.class, getClass());

  @Test
  void streamOfKnownValuesIsSilentWhileTheMonoIsReported() {
    // spring-context's CacheAspectSupport#valueToFlux: Flux.fromIterable, Flux.just, Flux.empty.
    helper
        .addSourceLines(
            "Values.java",
            "import java.util.List;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Values {",
            "  private Flux<Object> valueToFlux(Object value) {",
            "    if (value instanceof List<?> list) {",
            "      return Flux.fromIterable(list);",
            "    }",
            "    return Flux.just(value);",
            "  }",
            "  // BUG: Diagnostic contains: Needless async: every return of `valueToMono`",
            "  private Mono<Object> valueToMono(Object value) {",
            "    return Mono.just(value);",
            "  }",
            "  Flux<Object> both(Object v) { return valueToFlux(v).concatWith(valueToMono(v)); }",
            "}")
        .doTest();
  }

  @Test
  void everyReturnIsACompletedFuture() {
    helper
        .addSourceLines(
            "Discounts.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Discounts {",
            "  // BUG: Diagnostic contains: Make it synchronous (return Integer)",
            "  CompletableFuture<Integer> percentFor(String tier) {",
            "    if (tier.equals(\"gold\")) {",
            "      return CompletableFuture.completedFuture(20);",
            "    }",
            "    return CompletableFuture.completedFuture(tier.length() > 3 ? 5 : 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void failedFutureAndCompletedFutureMix() {
    helper
        .addSourceLines(
            "Parser.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Parser {",
            "  // BUG: Diagnostic contains: Needless async",
            "  CompletableFuture<Integer> parse(String text) {",
            "    try {",
            "      return CompletableFuture.completedFuture(Integer.parseInt(text));",
            "    } catch (NumberFormatException e) {",
            "      return CompletableFuture.failedFuture(e);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void monoJustGuavaAndVertx() {
    helper
        .addSourceLines(
            "Flags.java",
            "import com.google.common.util.concurrent.Futures;",
            "import com.google.common.util.concurrent.ListenableFuture;",
            "import io.vertx.core.Future;",
            "import reactor.core.publisher.Mono;",
            "final class Flags {",
            "  // BUG: Diagnostic contains: `Mono.just(...)`",
            "  Mono<Boolean> enabled(String flag) { return Mono.just(flag.startsWith(\"beta\")); }",
            "  // BUG: Diagnostic contains: `Futures.immediateFuture(...)`",
            "  ListenableFuture<String> owner(String flag) { return Futures.immediateFuture(flag); }",
            "  // BUG: Diagnostic contains: `Future.succeededFuture(...)`",
            "  Future<Void> reset() { return Future.succeededFuture(); }",
            "}")
        .doTest();
  }

  @Test
  void blockingValueInAMonoJustIsLeftToEagerBlockingInReactiveAssembly() {
    helper
        .addSourceLines(
            "Points.java",
            "import java.io.IOException;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import reactor.core.publisher.Mono;",
            "final class Points {",
            "  Mono<String> balance(Path file) throws IOException {",
            "    return Mono.just(Files.readString(file));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingValueInACompletedFutureSaysTheCallerWaits() {
    helper
        .addSourceLines(
            "Points.java",
            "import java.io.IOException;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.util.concurrent.CompletableFuture;",
            "final class Points {",
            "  // BUG: Diagnostic contains: the caller waits while it blocks (balance() → read() → Files.readString(), which reads a file)",
            "  CompletableFuture<String> balance(Path file) throws IOException {",
            "    return CompletableFuture.completedFuture(read(file));",
            "  }",
            "  private String read(Path file) throws IOException {",
            "    return Files.readString(file);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void ejbAsynchronousMethodReturnsACompletedFutureOnPurpose() {
    helper
        .addSourceLines(
            "Reports.java",
            "import java.util.concurrent.CompletableFuture;",
            "import jakarta.ejb.Asynchronous;",
            "import jakarta.ejb.Stateless;",
            "@Stateless",
            "@Asynchronous",
            "public class Reports {",
            "  public CompletableFuture<String> render(String id) {",
            "    return CompletableFuture.completedFuture(id.repeat(1000));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void springAsyncMethodReturnsACompletedFutureOnPurpose() {
    helper
        .addSourceLines(
            "Reports.java",
            "import java.util.concurrent.CompletableFuture;",
            "import org.springframework.scheduling.annotation.Async;",
            "class Reports {",
            "  @Async",
            "  public CompletableFuture<String> render(String id) {",
            "    String report = id.repeat(1000);",
            "    return CompletableFuture.completedFuture(report);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void classLevelSpringAsyncCountsToo() {
    helper
        .addSourceLines(
            "Mailer.java",
            "import java.util.concurrent.CompletableFuture;",
            "import org.springframework.scheduling.annotation.Async;",
            "@Async",
            "class Mailer {",
            "  public CompletableFuture<Boolean> send(String to) {",
            "    return CompletableFuture.completedFuture(!to.isEmpty());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void webFluxHandlerMethodIsShapedByTheFramework() {
    helper
        .addSourceLines(
            "Profiles.java",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import reactor.core.publisher.Mono;",
            "@RestController",
            "class Profiles {",
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() { return Mono.just(\"me\"); }",
            "}")
        .doTest();
  }

  @Test
  void nullnessAnnotationsDoNotHideAFinding() {
    helper
        .addSourceLines(
            "Flags.java",
            "import java.util.concurrent.CompletableFuture;",
            "import javax.annotation.Nullable;",
            "final class Flags {",
            "  // BUG: Diagnostic contains: NeedlessAsync",
            "  @Nullable CompletableFuture<String> owner(String flag) { return CompletableFuture.completedFuture(flag); }",
            "}")
        .doTest();
  }

  @Test
  void implementationOfAnAsyncInterfaceIsNotReported() {
    helper
        .addSourceLines(
            "Store.java",
            "import java.util.concurrent.CompletableFuture;",
            "interface Store { CompletableFuture<String> get(String key); }",
            "final class InMemoryStore implements Store {",
            "  @Override public CompletableFuture<String> get(String key) {",
            "    return CompletableFuture.completedFuture(key);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void defaultMethodAndAbstractBaseAreContracts() {
    helper
        .addSourceLines(
            "Hooks.java",
            "import java.util.concurrent.CompletableFuture;",
            "interface Hooks {",
            "  default CompletableFuture<Void> onStart() { return CompletableFuture.completedFuture(null); }",
            "}")
        .addSourceLines(
            "Base.java",
            "import reactor.core.publisher.Mono;",
            "abstract class Base {",
            "  protected Mono<Void> beforeCommit() { return Mono.empty(); }",
            "}")
        .doTest();
  }

  @Test
  void cacheHitPathMixedWithARealAsyncReturn() {
    helper
        .addSourceLines(
            "Prices.java",
            "import java.util.Map;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "final class Prices {",
            "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
            "  CompletableFuture<Integer> remote(String sku) { return new CompletableFuture<>(); }",
            "  CompletableFuture<Integer> price(String sku) {",
            "    Integer hit = cache.get(sku);",
            "    if (hit != null) {",
            "      return CompletableFuture.completedFuture(hit);",
            "    }",
            "    return remote(sku);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void completedFutureReturnedFromInsideACallback() {
    helper
        .addSourceLines(
            "Loader.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Loader {",
            "  CompletableFuture<String> fetch() { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load() {",
            "    CompletableFuture<String> done = fetch().thenCompose(s -> CompletableFuture.completedFuture(s.trim()));",
            "    return CompletableFuture.completedFuture(\"x\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void completedValueComputedFromAnotherFutureIsNotNeedless() {
    helper
        .addSourceLines(
            "Loader.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Loader {",
            "  CompletableFuture<String> fetch() { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load() {",
            "    return CompletableFuture.completedFuture(fetch().join());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodUsedAsAMethodReferenceKeepsItsShape() {
    helper
        .addSourceLines(
            "Pipeline.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Pipeline {",
            "  private CompletableFuture<String> normalize(String s) {",
            "    return CompletableFuture.completedFuture(s.trim());",
            "  }",
            "  CompletableFuture<String> run(CompletableFuture<String> in) {",
            "    return in.thenCompose(this::normalize);",
            "  }",
            "}")
        .doTest();
  }

  /** lettuce-core's StaticMasterReplicaConnector#initializeConnection, vertx-core's examples. */
  @Test
  void helperReturnedFromAFlatMapLambdaFitsTheLambda() {
    helper
        .addSourceLines(
            "Connector.java",
            "import java.util.List;",
            "import reactor.core.publisher.Mono;",
            "final class Connector {",
            "  Mono<String> connect(Mono<List<String>> nodes) {",
            "    return nodes.flatMap(list -> {",
            "      if (list.isEmpty()) { return Mono.error(new IllegalStateException()); }",
            "      return initialize(list);",
            "    });",
            "  }",
            "  private Mono<String> initialize(List<String> nodes) { return Mono.just(nodes.get(0)); }",
            "  Mono<String> connect2(Mono<String> node) { return node.flatMap(n -> store(n)); }",
            "  private Mono<String> store(String n) { return Mono.just(n); }",
            "}")
        .doTest();
  }

  /** guava's LocalCache.LoadingValueReference#fullyFailedFuture. */
  @Test
  void helperUsedAsABranchBesideARealFuture() {
    helper
        .addSourceLines(
            "Loading.java",
            "import com.google.common.util.concurrent.Futures;",
            "import com.google.common.util.concurrent.ListenableFuture;",
            "import com.google.common.util.concurrent.SettableFuture;",
            "final class Loading {",
            "  private final SettableFuture<String> value = SettableFuture.create();",
            "  ListenableFuture<String> fail(Throwable t) {",
            "    return value.setException(t) ? value : failed(t);",
            "  }",
            "  private ListenableFuture<String> failed(Throwable t) { return Futures.immediateFailedFuture(t); }",
            "}")
        .doTest();
  }

  /** guava's ClosingFuture.CloseableList#applyClosingFunction, returned from AsyncFunction#apply. */
  @Test
  void helperReturnedFromAnOverrideFitsItsContract() {
    helper
        .addSourceLines(
            "Steps.java",
            "import com.google.common.util.concurrent.AsyncFunction;",
            "import com.google.common.util.concurrent.Futures;",
            "import com.google.common.util.concurrent.ListenableFuture;",
            "final class Steps {",
            "  AsyncFunction<String, Integer> length() {",
            "    return new AsyncFunction<String, Integer>() {",
            "      @Override public ListenableFuture<Integer> apply(String input) { return measure(input); }",
            "    };",
            "  }",
            "  ListenableFuture<Integer> measure(String input) { return Futures.immediateFuture(input.length()); }",
            "}")
        .doTest();
  }

  /**
   * azure-core's FluxUtil#toMono(Response<T>) and #monoError: generic in the future's value, they
   * adapt any value (or error) into the async type for reactive callers; their synchronous form
   * would be the value itself. A method with a concrete value type is still reported.
   */
  @Test
  void adaptersGenericInTheFuturesValue() {
    helper
        .addSourceLines(
            "Adapters.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.function.Supplier;",
            "import reactor.core.publisher.Mono;",
            "final class Adapters {",
            "  static <T> Mono<T> toMono(Supplier<T> response) { return Mono.justOrEmpty(response.get()); }",
            "  static <T> Mono<T> monoError(RuntimeException ex) { return Mono.error(ex); }",
            "  static <T> CompletableFuture<T> failed(Throwable t) { return CompletableFuture.failedFuture(t); }",
            "  // BUG: Diagnostic contains: Needless async",
            "  static Mono<String> greeting(String name) { return Mono.just(\"hello \" + name); }",
            "}")
        .doTest();
  }

  /** reactor-core's Flux.just, Flux.error, Mono.justOrEmpty: the factories themselves. */
  @Test
  void factoriesOfTheAsyncTypeItselfAreItsApi() {
    helper
        .addSourceLines(
            "Box.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Box<T> extends CompletableFuture<T> {",
            "  static <T> CompletableFuture<T> of(T value) { return CompletableFuture.completedFuture(value); }",
            "}")
        .doTest();
  }

  @Test
  void lambdasAndAbstractMethodsAreNotMethodsWithBodies() {
    helper
        .addSourceLines(
            "Lambdas.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.function.Function;",
            "abstract class Lambdas {",
            "  abstract CompletableFuture<String> load(String id);",
            "  final Function<String, CompletableFuture<String>> f = s -> CompletableFuture.completedFuture(s);",
            "}")
        .doTest();
  }
}
