package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class SyncOverAsyncTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(SyncOverAsync.class, getClass());

  @Test
  void joinInAMethodThatReturnsAFuture() {
    helper
        .addSourceLines(
            "Quotes.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Quotes {",
            "  CompletableFuture<Integer> rate() { return new CompletableFuture<>(); }",
            "  CompletableFuture<Integer> price(int amount) {",
            "    // BUG: Diagnostic contains: inside `price`, which itself returns a CompletableFuture",
            "    int r = rate().join();",
            "    return CompletableFuture.completedFuture(amount * r);",
            "  }",
            "}")
        .doTest();
  }

  /** pulsar-client's PartitionedProducerImpl: the message quoted the whole 20-line lambda. */
  @Test
  void aLongAwaitedExpressionIsQuotedByItsCalls() {
    helper
        .addSourceLines(
            "Producer.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Producer {",
            "  CompletableFuture<Producer> created() { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> send(String message) {",
            "    String state = created().handle((producer, failure) -> {",
            "      if (failure != null) {",
            "        return \"failed to create the producer for \" + message;",
            "      }",
            "      return \"ready\";",
            "    // BUG: Diagnostic contains: `CompletableFuture.join()` blocks the thread until `created().handle(...)` completes",
            "    }).join();",
            "    return CompletableFuture.completedFuture(state);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void getInAContinuation() {
    helper
        .addSourceLines(
            "Quotes.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Quotes {",
            "  CompletableFuture<Integer> rate() { return new CompletableFuture<>(); }",
            "  void print(CompletableFuture<Integer> amount) throws Exception {",
            "    CompletableFuture<Integer> rate = rate();",
            "    // BUG: Diagnostic contains: inside a continuation passed to `thenApply`",
            "    amount.thenApply(a -> a * rate.join()).thenAccept(System.out::println);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockInAMethodThatReturnsAMono() {
    helper
        .addSourceLines(
            "Profiles.java",
            "import reactor.core.publisher.Mono;",
            "class Profiles {",
            "  Mono<String> avatar(String id) { return Mono.just(id); }",
            "  Mono<String> profile(String id) {",
            "    // BUG: Diagnostic contains: Compose instead: flatMap",
            "    String avatar = avatar(id).block();",
            "    return Mono.just(id + avatar);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingGetInAMethodThatReturnsASingle() {
    helper
        .addSourceLines(
            "Stock.java",
            "import io.reactivex.rxjava3.core.Single;",
            "class Stock {",
            "  Single<Integer> count(String sku) { return Single.just(1); }",
            "  Single<Boolean> available(String sku) {",
            "    // BUG: Diagnostic contains: `Single.blockingGet()` blocks the thread",
            "    return Single.just(count(sku).blockingGet() > 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void guavaGetUncheckedInAMethodThatReturnsAListenableFuture() {
    helper
        .addSourceLines(
            "Names.java",
            "import com.google.common.util.concurrent.Futures;",
            "import com.google.common.util.concurrent.ListenableFuture;",
            "class Names {",
            "  ListenableFuture<String> first(ListenableFuture<String> name) {",
            "    // BUG: Diagnostic contains: `Futures.getUnchecked()`",
            "    return Futures.immediateFuture(Futures.getUnchecked(name).trim());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void supplyAsyncThenGetInASynchronousMethod() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Report {",
            "  String render() { return \"\"; }",
            "  String build() throws Exception {",
            "    // BUG: Diagnostic contains: right after `supplyAsync` handed the task to another thread",
            "    return CompletableFuture.supplyAsync(() -> render()).get();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aTaskStartedAndAwaitedInPlaceIsToldToRunDirectlyNotToCompose() {
    // Seeding supplyAsync(...).join() into real code (bench/RESULTS.md) found the message
    // advising composition and "the async signature" for it, in synchronous methods too; the
    // catalogue promises "run the task directly, or return the future" for this form.
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Report {",
            "  String render() { return \"\"; }",
            "  String build() throws Exception {",
            "    // BUG: Diagnostic matches: RUN_DIRECTLY",
            "    return CompletableFuture.supplyAsync(() -> render()).get();",
            "  }",
            "  CompletableFuture<String> buildLater() {",
            "    // BUG: Diagnostic matches: RUN_DIRECTLY_IN_ASYNC",
            "    String page = CompletableFuture.supplyAsync(() -> render()).join();",
            "    return CompletableFuture.completedFuture(page);",
            "  }",
            "}")
        .expectErrorMessage(
            "RUN_DIRECTLY",
            message ->
                message.contains("Run the task directly instead of handing it to another thread")
                    && message.contains("return the future `supplyAsync` gives")
                    && !message.contains("Compose instead")
                    && !message.contains("async signature"))
        .expectErrorMessage(
            "RUN_DIRECTLY_IN_ASYNC",
            message ->
                message.contains("inside `buildLater`, which itself returns a CompletableFuture")
                    && message.contains("Run the task directly instead of handing it to another thread")
                    && !message.contains("Compose instead"))
        .doTest();
  }

  @Test
  void joinInASynchronousMethodIsABridgeNotReported() {
    helper
        .addSourceLines(
            "Client.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Client {",
            "  CompletableFuture<String> fetchAsync() { return new CompletableFuture<>(); }",
            "  String fetch() { return fetchAsync().join(); }",
            "}")
        .doTest();
  }

  @Test
  void timedGetRightAfterSupplyAsyncIsADeliberateBound() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.TimeUnit;",
            "class Report {",
            "  String render() { return \"\"; }",
            "  String build() throws Exception {",
            "    return CompletableFuture.supplyAsync(() -> render()).get(5, TimeUnit.SECONDS);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mainMayWait() {
    helper
        .addSourceLines(
            "App.java",
            "import java.util.concurrent.CompletableFuture;",
            "class App {",
            "  public static void main(String[] args) {",
            "    CompletableFuture.supplyAsync(() -> \"done\").thenAccept(System.out::println).join();",
            "    CompletableFuture.runAsync(() -> {}).join();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void junitTestMethodMayWait() {
    helper
        .addSourceLines(
            "Checks.java",
            "import java.util.concurrent.CompletableFuture;",
            "import org.junit.jupiter.api.Test;",
            "class Checks {",
            "  CompletableFuture<String> load() { return new CompletableFuture<>(); }",
            "  @Test void loads() {",
            "    load().thenApply(s -> load().join());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void classNamedLikeATestMayWait() {
    helper
        .addSourceLines(
            "LoaderTest.java",
            "import java.util.concurrent.CompletableFuture;",
            "class LoaderTest {",
            "  CompletableFuture<String> load() { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> twice() { return CompletableFuture.completedFuture(load().join()); }",
            "}")
        .doTest();
  }

  /**
   * The Cassandra driver's ContinuousRequestHandlerBase#getPendingResult: a hook for tests, which
   * wait for results by design ("chosenCallback should always be complete by the time tests call
   * this"). The same wait in a method without the annotation is reported.
   */
  @Test
  void visibleForTestingHookMayWait() {
    helper
        .addSourceLines(
            "Handler.java",
            "import com.google.common.annotations.VisibleForTesting;",
            "import java.util.concurrent.CompletableFuture;",
            "class Handler {",
            "  private final CompletableFuture<Handler> chosen = new CompletableFuture<>();",
            "  CompletableFuture<String> pending() { return new CompletableFuture<>(); }",
            "  @VisibleForTesting",
            "  CompletableFuture<String> getPendingResult() throws Exception {",
            "    return chosen.get().pending();",
            "  }",
            "  CompletableFuture<String> pendingResult() throws Exception {",
            "    // BUG: Diagnostic contains: Sync over async",
            "    return chosen.get().pending();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinAfterAllOfJoinIsComplete() {
    helper
        .addSourceLines(
            "Totals.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Totals {",
            "  CompletableFuture<Integer> part(int i) { return new CompletableFuture<>(); }",
            "  CompletableFuture<Integer> total() {",
            "    CompletableFuture<Integer> a = part(1), b = part(2);",
            "    // The wait for all of them is the one reported; the joins after it return at once.",
            "    // BUG: Diagnostic contains: until `CompletableFuture.allOf(a, b)` completes",
            "    CompletableFuture.allOf(a, b).join();",
            "    return CompletableFuture.completedFuture(a.join() + b.join());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinInsideAllOfContinuationIsComplete() {
    helper
        .addSourceLines(
            "Totals.java",
            "import java.util.List;",
            "import java.util.concurrent.CompletableFuture;",
            "class Totals {",
            "  CompletableFuture<Integer> part(int i) { return new CompletableFuture<>(); }",
            "  CompletableFuture<Integer> total(List<CompletableFuture<Integer>> parts) {",
            "    CompletableFuture<Integer> a = part(1), b = part(2);",
            "    return CompletableFuture.allOf(a, b).thenApply(v -> a.join() + b.join());",
            "  }",
            "  CompletableFuture<Integer> sum(List<CompletableFuture<Integer>> parts) {",
            "    return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))",
            "        .thenApply(v -> parts.stream().mapToInt(p -> p.join()).sum());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void kafkaFutureGetInsideAllOfContinuationIsComplete() {
    // Kafka's admin results (DescribeConfigsResult#all, ...): kafka.model names KafkaFuture#allOf.
    helper
        .addSourceLines(
            "ConfigsResult.java",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "import java.util.concurrent.ExecutionException;",
            "import org.apache.kafka.common.KafkaFuture;",
            "class ConfigsResult {",
            "  private final Map<String, KafkaFuture<String>> futures = new HashMap<>();",
            "  KafkaFuture<Map<String, String>> all() {",
            "    return KafkaFuture.allOf(futures.values().toArray(new KafkaFuture[0])).thenApply(v -> {",
            "      Map<String, String> configs = new HashMap<>();",
            "      for (Map.Entry<String, KafkaFuture<String>> entry : futures.entrySet()) {",
            "        try {",
            "          configs.put(entry.getKey(), entry.getValue().get());",
            "        } catch (InterruptedException | ExecutionException e) {",
            "          throw new RuntimeException(e);",
            "        }",
            "      }",
            "      return configs;",
            "    });",
            "  }",
            "  KafkaFuture<Map<String, String>> viaLocal() {",
            "    // DescribeTopicsResult#all: the all-of in a local first.",
            "    KafkaFuture<Void> all = KafkaFuture.allOf(futures.values().toArray(new KafkaFuture[0]));",
            "    return all.thenApply(v -> {",
            "      Map<String, String> configs = new HashMap<>();",
            "      try {",
            "        configs.put(\"a\", futures.get(\"a\").get());",
            "      } catch (InterruptedException | ExecutionException e) {",
            "        throw new RuntimeException(e);",
            "      }",
            "      return configs;",
            "    });",
            "  }",
            "  KafkaFuture<String> viaReassignedLocal(KafkaFuture<String> other) {",
            "    KafkaFuture<Void> all = KafkaFuture.allOf(other);",
            "    all = futures.get(\"a\").thenApply(v -> null);",
            "    return all.thenApply(v -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `KafkaFuture.get()` blocks the thread until `other` completes",
            "        return other.get();",
            "      } catch (InterruptedException | ExecutionException e) {",
            "        throw new RuntimeException(e);",
            "      }",
            "    });",
            "  }",
            "  KafkaFuture<String> first(KafkaFuture<String> other) {",
            "    return futures.get(\"a\").thenApply(v -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `KafkaFuture.get()` blocks the thread until `other` completes",
            "        return v + other.get();",
            "      } catch (InterruptedException | ExecutionException e) {",
            "        throw new RuntimeException(e);",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinAfterIsDoneCheckIsComplete() {
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Cache {",
            "  private final CompletableFuture<String> pending = new CompletableFuture<>();",
            "  CompletableFuture<String> get() {",
            "    if (pending.isDone()) {",
            "      return CompletableFuture.completedFuture(pending.join());",
            "    }",
            "    return pending;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinOnAnotherFutureAfterIsDoneIsStillReported() {
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Cache {",
            "  private final CompletableFuture<String> pending = new CompletableFuture<>();",
            "  private final CompletableFuture<String> other = new CompletableFuture<>();",
            "  CompletableFuture<String> get() {",
            "    if (pending.isDone()) {",
            "      // BUG: Diagnostic contains: SyncOverAsync",
            "      return CompletableFuture.completedFuture(other.join());",
            "    }",
            "    return pending;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinOnTheCompletedFutureInWhenCompleteIsNotReported() {
    helper
        .addSourceLines(
            "Done.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Done {",
            "  CompletableFuture<String> copy(CompletableFuture<String> source) {",
            "    return CompletableFuture.completedFuture(\"x\").thenApply(x -> CompletableFuture.completedFuture(x).join());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void taskHandedToAnExecutorIsNotTheMethodsOwnWait() {
    helper
        .addSourceLines(
            "Jobs.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.Executor;",
            "class Jobs {",
            "  CompletableFuture<String> load() { return new CompletableFuture<>(); }",
            "  void run(Executor executor) {",
            "    executor.execute(() -> System.out.println(load().join()));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void vertxFutureJoinedThroughItsCompletionStage() {
    helper
        .addSourceLines(
            "Accounts.java",
            "import io.vertx.core.Future;",
            "class Accounts {",
            "  Future<String> owner(String id) { return Future.succeededFuture(id); }",
            "  Future<Integer> score(String id) {",
            "    // BUG: Diagnostic contains: inside `score`, which itself returns a Future",
            "    String owner = owner(id).toCompletionStage().toCompletableFuture().join();",
            "    return Future.succeededFuture(owner.length());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void joinGuardedByIsDoneInAConditionalExpression() {
    helper
        .addSourceLines(
            "Peek.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Peek {",
            "  CompletableFuture<String> peek(CompletableFuture<String> f) {",
            "    return CompletableFuture.completedFuture(f.isDone() ? f.join() : \"pending\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void secondWaitOnTheSameFutureReturnsAtOnce() {
    helper
        .addSourceLines(
            "Twice.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Twice {",
            "  CompletableFuture<Integer> twice(CompletableFuture<Integer> f) {",
            "    // BUG: Diagnostic contains: SyncOverAsync",
            "    int a = f.join();",
            "    int b = f.join();",
            "    return CompletableFuture.completedFuture(a + b);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fileInATestSourceRootMayWait() {
    helper
        .addSourceLines(
            "src/test/java/shop/LoaderSpec.java",
            "package shop;",
            "import java.util.concurrent.CompletableFuture;",
            "class LoaderSpec {",
            "  CompletableFuture<String> load() { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> twice() { return CompletableFuture.completedFuture(load().join()); }",
            "}")
        .doTest();
  }

  @Test
  void joinInAForEachLambdaRunsInTheAsyncMethod() {
    helper
        .addSourceLines(
            "Batch.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.concurrent.CompletableFuture;",
            "class Batch {",
            "  CompletableFuture<List<String>> collect(List<CompletableFuture<String>> parts) {",
            "    List<String> out = new ArrayList<>();",
            "    // BUG: Diagnostic contains: inside `collect`, which itself returns a CompletableFuture",
            "    parts.forEach(p -> out.add(p.join()));",
            "    return CompletableFuture.completedFuture(out);",
            "  }",
            "}")
        .doTest();
  }
}
