package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class NestedFutureTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NestedFuture.class, getClass());

  @Test
  void thenApplyWithAFunctionReturningAFuture() {
    helper
        .addSourceLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  Object load(CompletableFuture<Integer> id) {",
            "    // BUG: Diagnostic contains: use `thenCompose`, which flattens it",
            "    return id.thenApply(i -> fetch(i));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void monoMapReturningAMono() {
    helper
        .addSourceLines(
            "Orders.java",
            "import reactor.core.publisher.Mono;",
            "class Orders {",
            "  Mono<String> find(String id) { return Mono.empty(); }",
            "  Mono<Mono<String>> load(Mono<String> id) {",
            "    // BUG: Diagnostic contains: returns a Mono<Mono<String>>",
            "    return id.map(this::find);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fluxMapReturningAMonoSuggestsConcatMap() {
    helper
        .addSourceLines(
            "Orders.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Orders {",
            "  Mono<String> find(String id) { return Mono.empty(); }",
            "  void load(Flux<String> ids) {",
            "    // BUG: Diagnostic contains: use `concatMap`",
            "    ids.map(this::find).subscribe();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void completedFutureWrappingAFuture() {
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Cache {",
            "  Object get(CompletableFuture<String> pending) {",
            "    // BUG: Diagnostic contains: Return or compose the inner CompletableFuture directly",
            "    return CompletableFuture.completedFuture(pending);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void vertxMapReturningAFutureSuggestsCompose() {
    helper
        .addSourceLines(
            "Accounts.java",
            "import io.vertx.core.Future;",
            "class Accounts {",
            "  Future<String> owner(String id) { return Future.succeededFuture(id); }",
            "  Object load(Future<String> id) {",
            "    // BUG: Diagnostic contains: use `compose`",
            "    return id.map(this::owner);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void abstractMethodDeclaredNested() {
    helper
        .addSourceLines(
            "Repo.java",
            "import java.util.concurrent.CompletableFuture;",
            "interface Repo {",
            "  // BUG: Diagnostic contains: is declared to return a CompletableFuture<CompletableFuture<String>>",
            "  CompletableFuture<CompletableFuture<String>> find(String id);",
            "}")
        .doTest();
  }

  @Test
  void nestingThatFlowsOnIsReportedOnceWhereCreated() {
    helper
        .addSourceLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  Object load(CompletableFuture<Integer> id) {",
            "    // BUG: Diagnostic contains: NestedFuture",
            "    return id.thenApply(i -> fetch(i))",
            "        .whenComplete((f, e) -> {})",
            "        .exceptionally(e -> null);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void thenComposeIsFine() {
    helper
        .addSourceLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "import reactor.core.publisher.Mono;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  Mono<String> find(String id) { return Mono.empty(); }",
            "  CompletableFuture<String> load(CompletableFuture<Integer> id) {",
            "    return id.thenCompose(this::fetch);",
            "  }",
            "  Mono<String> load(Mono<String> id) { return id.flatMap(this::find); }",
            "}")
        .doTest();
  }

  @Test
  void fluxOfFluxFromWindowIsDeliberate() {
    helper
        .addSourceLines(
            "Batches.java",
            "import reactor.core.publisher.Flux;",
            "class Batches {",
            "  Flux<Flux<String>> batches(Flux<String> lines) { return lines.window(10); }",
            "  Flux<Flux<String>> copies(Flux<String> lines) { return lines.map(l -> Flux.just(l, l)); }",
            "}")
        .doTest();
  }

  @Test
  void streamOfMonosHandedToConcatIsItsInput() {
    helper
        .addSourceLines(
            "Orders.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Orders {",
            "  Mono<String> find(String id) { return Mono.empty(); }",
            "  Flux<String> load(Flux<String> ids) { return Flux.concat(ids.map(this::find)); }",
            "}")
        .doTest();
  }

  /** rxjava's SchedulerWhen#createWorker: a Flowable<Completable> of work handed to a processor. */
  @Test
  void streamOfCompletablesKeptAsAQueueOfWork() {
    helper
        .addSourceLines(
            "Work.java",
            "import io.reactivex.rxjava3.core.Completable;",
            "import io.reactivex.rxjava3.core.Flowable;",
            "import io.reactivex.rxjava3.processors.PublishProcessor;",
            "class Work {",
            "  final PublishProcessor<Flowable<Completable>> queue = PublishProcessor.create();",
            "  void submit(Flowable<Runnable> actions) {",
            "    Flowable<Completable> work = actions.map(Completable::fromRunnable);",
            "    queue.onNext(work);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void overrideOfANestedContractIsNotReportedAgain() {
    helper
        .addSourceLines(
            "Repo.java",
            "import java.util.concurrent.CompletableFuture;",
            "interface Repo {",
            "  // BUG: Diagnostic contains: NestedFuture",
            "  CompletableFuture<CompletableFuture<String>> find(String id);",
            "}")
        .addSourceLines(
            "Sub.java",
            "import java.util.concurrent.CompletableFuture;",
            "interface Sub extends Repo {",
            "  @Override CompletableFuture<CompletableFuture<String>> find(String id);",
            "}")
        .doTest();
  }

  @Test
  void futureOfAListIsNotNested() {
    helper
        .addSourceLines(
            "Lists.java",
            "import java.util.List;",
            "import java.util.concurrent.CompletableFuture;",
            "class Lists {",
            "  CompletableFuture<List<String>> all(CompletableFuture<String> one) {",
            "    return one.thenApply(List::of);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * mongodb-driver-reactivestreams' GridFSUploadPublisherImpl: the map builds a lazy publisher that
   * the next operator configures and flattens, so the nesting lasts one step and nobody unwraps it.
   */
  @Test
  void nestingTheNextOperatorFlattensIsAStepNotAResult() {
    helper
        .addSourceLines(
            "Indexes.java",
            "import java.util.concurrent.CompletableFuture;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Indexes {",
            "  Flux<String> list(String collection) { return Flux.empty(); }",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  Mono<String> first(Mono<String> collection) {",
            "    return collection.map(c -> list(c)).flatMap(p -> p.take(1).next());",
            "  }",
            "  Flux<String> all(Mono<String> collection) {",
            "    return collection.map(c -> list(c)).flatMapMany(Flux::from);",
            "  }",
            "  CompletableFuture<String> trimmed(CompletableFuture<Integer> id) {",
            "    return id.thenApply(i -> fetch(i)).thenCompose(f -> f.thenApply(String::trim));",
            "  }",
            "}")
        .doTest();
  }

  /**
   * reactor-pool's SimpleDequePool warm-up: the map's Monos are joined by another Mono
   * ({@code startWith}) and merged with a bounded concurrency by {@code flatMap(identity(), n)}
   * two operators later. The nesting is how the chain gathers its inner publishers, and
   * {@code concatMap} in place of {@code map} would lose the concurrency. A chain that stays nested
   * to its end is still reported.
   */
  @Test
  void nestingFlattenedLaterInTheChainIsAStepNotAResult() {
    helper
        .addSourceLines(
            "Warmup.java",
            "import java.util.function.Function;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Warmup {",
            "  Mono<Void> warm(int i) { return Mono.empty(); }",
            "  Flux<Void> all(Mono<Void> primary, int n) {",
            "    return Flux.range(1, n)",
            "        .map(i -> warm(i))",
            "        .startWith(primary)",
            "        .flatMap(Function.identity(), 4, 1);",
            "  }",
            "  Flux<Mono<Void>> pending(Mono<Void> primary, int n) {",
            "    return Flux.range(1, n)",
            "        // BUG: Diagnostic contains: Nested future: `map` returns a Flux<Mono<Void>>",
            "        .map(i -> warm(i))",
            "        .startWith(primary);",
            "  }",
            "}")
        .doTest();
  }

  /** Mono#flatMap takes a function returning a Mono: for a Flux inside, flatMapMany is the one. */
  @Test
  void monoMappedToAStreamSuggestsFlatMapMany() {
    helper
        .addSourceLines(
            "Lines.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Lines {",
            "  Flux<String> lines(String file) { return Flux.empty(); }",
            "  Object read(Mono<String> file) {",
            "    // BUG: Diagnostic contains: use `flatMapMany`, which flattens it",
            "    return file.map(f -> lines(f));",
            "  }",
            "}")
        .doTest();
  }

  /** A flattening operator only exists for futures it accepts: thenCompose takes no ListenableFuture. */
  @Test
  void noFlatteningOperatorFitsTheInnerFuture() {
    helper
        .addSourceLines(
            "Jobs.java",
            "import com.google.common.util.concurrent.ListenableFuture;",
            "import java.util.concurrent.CompletableFuture;",
            "class Jobs {",
            "  ListenableFuture<String> run(int id) { return null; }",
            "  Object start(CompletableFuture<Integer> id) {",
            "    // BUG: Diagnostic contains: Return or compose the inner ListenableFuture directly",
            "    return id.thenApply(i -> run(i));",
            "  }",
            "}")
        .doTest();
  }

  /** r2dbc-postgresql's CopyInBuilder#from: fromMany asks for a publisher of publishers. */
  @Test
  void nestingHandedToAParameterThatAsksForIt() {
    helper
        .addSourceLines(
            "Copy.java",
            "import java.util.concurrent.CompletableFuture;",
            "import org.reactivestreams.Publisher;",
            "import reactor.core.publisher.Mono;",
            "class Copy {",
            "  Copy fromMany(Publisher<? extends Publisher<String>> chunks) { return this; }",
            "  void settle(CompletableFuture<CompletableFuture<String>> pending) {}",
            "  Copy from(Publisher<String> chunk) { return fromMany(Mono.just(chunk)); }",
            "  void later(CompletableFuture<String> inner) {",
            "    settle(CompletableFuture.completedFuture(inner));",
            "  }",
            "}")
        .doTest();
  }

  /**
   * spring-webflux's ViewResolutionResultHandler#renderFragment: a Mono of the body Flux, for
   * writeAndFlushWith; a factory that makes a single result holding a stream wraps no mistake.
   */
  @Test
  void singleResultHoldingAStreamFromAFactory() {
    helper
        .addSourceLines(
            "Fragments.java",
            "import java.util.function.Supplier;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Fragments {",
            "  Mono<Flux<String>> render(Mono<Void> done, Supplier<Flux<String>> body, boolean skip) {",
            "    if (skip) {",
            "      return Mono.empty();",
            "    }",
            "    return done.then(Mono.fromSupplier(body));",
            "  }",
            "}")
        .doTest();
  }

  /** A factory that wraps no value, like Mono.empty() or failedFuture(e), creates no nesting. */
  @Test
  void factoryWrappingNothing() {
    helper
        .addSourceLines(
            "Empty.java",
            "import java.util.concurrent.CompletableFuture;",
            "import reactor.core.publisher.Mono;",
            "class Empty {",
            "  Mono<Mono<String>> none() { return Mono.empty(); }",
            "  CompletableFuture<CompletableFuture<String>> failed(Exception e) {",
            "    return CompletableFuture.failedFuture(e);",
            "  }",
            "}")
        .doTest();
  }

  /** The factories that do wrap a future: a value, or a function returning one. */
  @Test
  void factoryWrappingAFutureOrAFunctionReturningOne() {
    helper
        .addSourceLines(
            "Wrap.java",
            "import java.util.concurrent.CompletableFuture;",
            "import reactor.core.publisher.Mono;",
            "class Wrap {",
            "  CompletableFuture<String> fetch() { return new CompletableFuture<>(); }",
            "  Mono<String> find() { return Mono.empty(); }",
            "  Object supply() {",
            "    // BUG: Diagnostic contains: Nested future: `supplyAsync`",
            "    return CompletableFuture.supplyAsync(() -> fetch());",
            "  }",
            "  Object defer() {",
            "    // BUG: Diagnostic contains: Nested future: `fromSupplier`",
            "    return Mono.fromSupplier(this::find);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * The Cassandra driver's RunOrSchedule and Reconnection: a task that starts async work is handed
   * to the event loop it must run on, and the listener on its handle unwraps the inner future. A
   * task's handle (java.util.concurrent.Future, Netty's Future) has no operator that flattens:
   * what it holds is what the task returned. Guava's handle has one (submitAsync): reported.
   */
  @Test
  void taskHandleHoldingWhatTheTaskReturned() {
    helper
        .addSourceLines(
            "OnLoop.java",
            "import com.google.common.util.concurrent.*;",
            "import io.netty.util.concurrent.EventExecutor;",
            "import java.util.concurrent.*;",
            "class OnLoop {",
            "  <T> CompletionStage<T> on(EventExecutor loop, Callable<CompletionStage<T>> task) {",
            "    CompletableFuture<T> result = new CompletableFuture<>();",
            "    loop.submit(task).addListener((io.netty.util.concurrent.Future<CompletionStage<T>> f) -> {",
            "      if (f.isSuccess()) {",
            "        f.getNow().whenComplete((v, e) -> result.complete(v));",
            "      } else {",
            "        result.completeExceptionally(f.cause());",
            "      }",
            "    });",
            "    return result;",
            "  }",
            "  CompletableFuture<String> fetch() { return new CompletableFuture<>(); }",
            "  ScheduledFuture<CompletableFuture<String>> later(ScheduledExecutorService timer) {",
            "    return timer.schedule(() -> fetch(), 1, TimeUnit.SECONDS);",
            "  }",
            "  ListenableFuture<String> find() { return SettableFuture.create(); }",
            "  Object guava(Executor executor) {",
            "    // BUG: Diagnostic contains: Nested future: `submit`",
            "    return Futures.submit(() -> find(), executor);",
            "  }",
            "}")
        .doTest();
  }
}
