package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop} on Reactor and RxJava 3 chains: operator lambdas run on the
 * thread that delivers the signal unless the visible chain moves them to a scheduler where
 * blocking is allowed.
 */
class BlockingCallInEventLoopReactiveTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** A class {@code Pipeline} with Reactor imports, a {@code lock} field, and {@code members}. */
  private CompilationTestHelper reactor(String... members) {
    return pipeline(
        List.of(
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "import reactor.core.scheduler.Schedulers;"),
        members);
  }

  /** A class {@code Pipeline} with RxJava imports, a {@code lock} field, and {@code members}. */
  private CompilationTestHelper rxJava(String... members) {
    return pipeline(
        List.of(
            "import io.reactivex.rxjava3.core.Flowable;",
            "import io.reactivex.rxjava3.core.Observable;",
            "import io.reactivex.rxjava3.core.Single;",
            "import io.reactivex.rxjava3.schedulers.Schedulers;"),
        members);
  }

  private CompilationTestHelper pipeline(List<String> imports, String... members) {
    List<String> lines = new ArrayList<>(imports);
    lines.add("import java.util.concurrent.locks.ReentrantLock;");
    lines.add("class Pipeline {");
    lines.add("  final ReentrantLock lock = new ReentrantLock();");
    for (String member : members) {
      lines.add("  " + member);
    }
    lines.add("}");
    return helper.addSourceLines("Pipeline.java", lines.toArray(new String[0]));
  }

  // --- Reactor operators ------------------------------------------------------------------------

  @Test
  void fluxMap() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names) {",
            "  return names.map(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#map`; Reactor operators run on the thread that delivers the signal, and nothing in this chain moves them to a scheduler where blocking is allowed",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void fluxFlatMap() {
    reactor(
            "Flux<String> expand(Flux<String> names) {",
            "  return names.flatMap(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#flatMap`",
            "    lock.lock();",
            "    return Mono.just(name);",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void fluxDoOnNext() {
    reactor(
            "Flux<String> audited(Flux<String> names) {",
            "  return names.doOnNext(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#doOnNext`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void fluxFilter() {
    reactor(
            "Flux<String> known(Flux<String> names) {",
            "  return names.filter(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#filter`",
            "    lock.lock();",
            "    return true;",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void fluxSubscribe() {
    reactor(
            "void print(Flux<String> names) {",
            "  names.subscribe(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#subscribe`",
            "    lock.lock();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void monoMap() {
    reactor(
            "Mono<Integer> size(Mono<String> name) {",
            "  return name.map(value -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Mono#map`",
            "    lock.lock();",
            "    return value.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void operatorAfterPublishOnParallelIsStillReported() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names) {",
            "  return names.publishOn(Schedulers.parallel()).map(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#map` after `publishOn` (Schedulers.parallel() runs on non-blocking threads)",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void operatorBeforePublishOnBoundedElasticIsStillReported() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names) {",
            "  return names.map(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Flux#map`",
            "    lock.lock();",
            "    return name.length();",
            "  }).publishOn(Schedulers.boundedElastic());",
            "}")
        .doTest();
  }

  @Test
  void fromCallableSubscribedOnParallelIsReported() {
    reactor(
            "Mono<String> load() {",
            "  return Mono.fromCallable(() -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `reactor.core.publisher.Mono#fromCallable`, which runs it at subscription (Schedulers.parallel() runs on non-blocking threads)",
            "    lock.lock();",
            "    return \"row\";",
            "  }).subscribeOn(Schedulers.parallel());",
            "}")
        .doTest();
  }

  @Test
  void methodReferenceToABlockingMethodAsAnOperator() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names) {",
            "  // BUG: Diagnostic contains: `measure()` blocks: measure() → ReentrantLock.lock(), which waits for the lock. This method reference is passed to `reactor.core.publisher.Flux#map`",
            "  return names.map(this::measure);",
            "}",
            "private Integer measure(String name) {",
            "  lock.lock();",
            "  try { return name.length(); } finally { lock.unlock(); }",
            "}")
        .doTest();
  }

  // --- RxJava operators -------------------------------------------------------------------------

  @Test
  void observableMap() {
    rxJava(
            "Observable<Integer> sizes(Observable<String> names) {",
            "  return names.map(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.reactivex.rxjava3.core.Observable#map`; RxJava operators run on the thread that delivers the signal",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void flowableMap() {
    rxJava(
            "Flowable<Integer> sizes(Flowable<String> names) {",
            "  return names.map(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.reactivex.rxjava3.core.Flowable#map`",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void singleMap() {
    rxJava(
            "Single<Integer> size(Single<String> name) {",
            "  return name.map(value -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.reactivex.rxjava3.core.Single#map`",
            "    lock.lock();",
            "    return value.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void observableOperatorAfterObserveOnComputationIsStillReported() {
    rxJava(
            "Observable<Integer> sizes(Observable<String> names) {",
            "  return names.observeOn(Schedulers.computation()).map(name -> {",
            "    // BUG: Diagnostic contains: This lambda is passed to `io.reactivex.rxjava3.core.Observable#map` after `observeOn` (Schedulers.computation() runs on non-blocking threads)",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  // --- Escape hatches ---------------------------------------------------------------------------

  @Test
  void fromCallableSubscribedOnBoundedElasticMayBlock() {
    reactor(
            "Mono<String> load() {",
            "  return Mono.fromCallable(() -> {",
            "    lock.lock();",
            "    return \"row\";",
            "  }).subscribeOn(Schedulers.boundedElastic());",
            "}")
        .doTest();
  }

  @Test
  void operatorAfterPublishOnBoundedElasticMayBlock() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names) {",
            "  return names.publishOn(Schedulers.boundedElastic()).map(name -> {",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void operatorInAChainThatSubscribesOnBoundedElasticLaterMayBlock() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names) {",
            "  return names.map(name -> {",
            "    lock.lock();",
            "    return name.length();",
            "  }).filter(size -> size > 0).subscribeOn(Schedulers.boundedElastic());",
            "}")
        .doTest();
  }

  @Test
  void rxJavaOperatorInAChainThatSubscribesOnIoMayBlock() {
    rxJava(
            "Observable<Integer> sizes(Observable<String> names) {",
            "  return names.map(name -> {",
            "    lock.lock();",
            "    return name.length();",
            "  }).subscribeOn(Schedulers.io());",
            "}")
        .doTest();
  }

  @Test
  void rxJavaOperatorAfterObserveOnIoMayBlock() {
    rxJava(
            "Single<Integer> size(Single<String> name) {",
            "  return name.observeOn(Schedulers.io()).map(value -> {",
            "    lock.lock();",
            "    return value.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void rxJavaFromCallableSubscribedOnIoMayBlock() {
    rxJava(
            "Single<String> load() {",
            "  return Single.fromCallable(() -> {",
            "    lock.lock();",
            "    return \"row\";",
            "  }).subscribeOn(Schedulers.io());",
            "}")
        .doTest();
  }

  // --- Unknown: the chain does not say where it runs --------------------------------------------

  @Test
  void chainConsumedByBlockInTheSameExpressionRunsOnTheCaller() {
    reactor(
            "int total(Flux<String> names) {",
            "  return names.map(name -> {",
            "    lock.lock();",
            "    return name.length();",
            "  }).reduce(0, Integer::sum).block();",
            "}")
        .doTest();
  }

  @Test
  void operatorAfterPublishOnAnUnknownSchedulerIsSilent() {
    reactor(
            "Flux<Integer> sizes(Flux<String> names, reactor.core.scheduler.Scheduler scheduler) {",
            "  return names.publishOn(scheduler).map(name -> {",
            "    lock.lock();",
            "    return name.length();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void chainConsumedByBlockInsideAHandlerIsJudgedByTheHandler() {
    reactor(
            "void start(io.vertx.core.Vertx vertx, Flux<String> names) {",
            "  vertx.setTimer(10, id -> {",
            "    int total = names.map(name -> {",
            "      // BUG: Diagnostic contains: `ReentrantLock.lock()` waits for the lock. This lambda is passed to `io.vertx.core.Vertx#setTimer`",
            "      lock.lock();",
            "      return name.length();",
            "    }).reduce(0, Integer::sum)",
            "        // BUG: Diagnostic contains: `Mono.block()` blocks until the Mono completes. This lambda is passed to `io.vertx.core.Vertx#setTimer`",
            "        .block();",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void fromCallableWithoutSubscribeOnIsUnknown() {
    reactor(
            "Mono<String> load() {",
            "  return Mono.fromCallable(() -> {",
            "    lock.lock();",
            "    return \"row\";",
            "  });",
            "}")
        .doTest();
  }
}
