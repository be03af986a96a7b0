package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EagerBlockingInReactiveAssembly}: {@code Mono.just}, {@code Flux.just}, {@code
 * Mono.justOrEmpty} and RxJava's {@code just} with an argument that blocks, directly or through
 * methods of the file; not the lazy factories, not inside deferred lambdas, not where blocking is
 * allowed or where the event-loop check reports the call.
 */
class EagerBlockingInReactiveAssemblyTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(EagerBlockingInReactiveAssembly.class, getClass());

  /**
   * A class {@code Users} with a lock (not private: other files may hold it), a JDBC-backed {@code
   * load(id)} and {@code members}.
   */
  private CompilationTestHelper users(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import java.util.*;");
    lines.add("import java.util.concurrent.*;");
    lines.add("import java.util.concurrent.locks.ReentrantLock;");
    lines.add("import reactor.core.publisher.*;");
    lines.add("import reactor.core.scheduler.Schedulers;");
    lines.add("class Users {");
    lines.add("  final ReentrantLock lock = new ReentrantLock();");
    lines.add("  private javax.sql.DataSource db;");
    lines.add("  String load(String id) {");
    lines.add("    try (java.sql.Connection c = db.getConnection()) { return id; }");
    lines.add("    catch (java.sql.SQLException e) { throw new IllegalStateException(e); }");
    lines.add("  }");
    lines.add("  String cached(String id) { return id; }");
    lines.addAll(List.of(members));
    lines.add("}");
    return helper.addSourceLines("Users.java", lines.toArray(new String[0]));
  }

  @Test
  void monoJustOfABlockingCallThroughAMethodOfTheFile() {
    users(
            "Mono<String> find(String id) {",
            "  // BUG: Diagnostic contains: Blocking call at assembly: `load()` blocks: load() →"
                + " DataSource.getConnection(), which waits for a database connection. `Mono.just`"
                + " takes a value, so its argument is evaluated now, on the thread that builds the"
                + " chain, not when the chain is subscribed",
            "  return Mono.just(load(id));",
            "}")
        .doTest();
  }

  @Test
  void monoJustAdvisesFromCallableOnBoundedElastic() {
    users(
            "Mono<String> find(String id) {",
            "  // BUG: Diagnostic contains: Defer it: Mono.fromCallable(() -> ...)"
                + ".subscribeOn(Schedulers.boundedElastic())",
            "  return Mono.just(load(id));",
            "}")
        .doTest();
  }

  @Test
  void directBlockingApiInTheArgument() {
    users(
            "Mono<Boolean> locked() {",
            "  // BUG: Diagnostic contains: lockAndCheck() → ReentrantLock.lock(), which waits for the lock",
            "  return Mono.just(lockAndCheck());",
            "}",
            "boolean lockAndCheck() { lock.lock(); return true; }",
            "Mono<Object> direct(Future<Object> f) throws Exception {",
            "  // BUG: Diagnostic contains: `Future.get()` waits for the result",
            "  return Mono.just(f.get());",
            "}")
        .doTest();
  }

  @Test
  void blockingCallNestedInTheArgumentExpression() {
    users(
            "Mono<Integer> size(String id) {",
            "  // BUG: Diagnostic contains: EagerBlockingInReactiveAssembly",
            "  return Mono.just(load(id).trim().length());",
            "}")
        .doTest();
  }

  @Test
  void fluxJustWithOneBlockingArgumentAmongSeveral() {
    users(
            "Flux<String> both(String a, String b) {",
            "  // BUG: Diagnostic contains: `Flux.just` takes a value",
            "  return Flux.just(cached(a), load(b));",
            "}")
        .doTest();
  }

  @Test
  void monoJustOrEmpty() {
    users(
            "Mono<String> maybe(String id) {",
            "  // BUG: Diagnostic contains: `Mono.justOrEmpty` takes a value",
            "  return Mono.justOrEmpty(load(id));",
            "}")
        .doTest();
  }

  @Test
  void rxJavaSingleAndObservableJust() {
    users(
            "io.reactivex.rxjava3.core.Single<String> single(String id) {",
            "  // BUG: Diagnostic contains: Single.fromCallable(() -> ...).subscribeOn(Schedulers.io())",
            "  return io.reactivex.rxjava3.core.Single.just(load(id));",
            "}",
            "io.reactivex.rxjava3.core.Observable<String> many(String id) {",
            "  // BUG: Diagnostic contains: `Observable.just` takes a value",
            "  return io.reactivex.rxjava3.core.Observable.just(load(id));",
            "}")
        .doTest();
  }

  @Test
  void fluxFromIterableOfABlockingQuery() {
    users(
            "List<String> all() { lock.lock(); return List.of(); }",
            "Flux<String> everyone() {",
            "  // BUG: Diagnostic contains: `Flux.fromIterable` takes a value",
            "  return Flux.fromIterable(all());",
            "}")
        .doTest();
  }

  @Test
  void fluxFromStreamOfAFileOpenedAtAssembly() {
    users(
            "Flux<String> lines(java.nio.file.Path path) throws java.io.IOException {",
            "  // BUG: Diagnostic contains: `Files.lines()` reads a file",
            "  return Flux.fromStream(java.nio.file.Files.lines(path));",
            "}",
            "Flux<String> lazyLines(java.nio.file.Path path) {",
            "  return Flux.fromStream(() -> {",
            "    try { return java.nio.file.Files.lines(path); }",
            "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
            "  });",
            "}")
        .doTest();
  }

  @Test
  void insideASynchronousLambdaIsStillAssembly() {
    users(
            "List<Mono<String>> all(List<String> ids) {",
            "  List<Mono<String>> monos = new ArrayList<>();",
            "  // BUG: Diagnostic contains: EagerBlockingInReactiveAssembly",
            "  ids.forEach(id -> monos.add(Mono.just(load(id))));",
            "  return monos;",
            "}")
        .doTest();
  }

  // --- Negatives --------------------------------------------------------------------------------

  @Test
  void nonBlockingArgument() {
    users("Mono<String> find(String id) {", "  return Mono.just(cached(id));", "}").doTest();
  }

  @Test
  void lazyFactoriesRunAtSubscription() {
    users(
            "Mono<String> find(String id) {",
            "  return Mono.fromCallable(() -> load(id)).subscribeOn(Schedulers.boundedElastic());",
            "}",
            "Mono<String> supplied(String id) {",
            "  return Mono.fromSupplier(() -> load(id));",
            "}")
        .doTest();
  }

  @Test
  void justInsideDeferIsAlreadyLazy() {
    users(
            "Mono<String> find(String id) {",
            "  return Mono.defer(() -> Mono.just(load(id))).subscribeOn(Schedulers.boundedElastic());",
            "}",
            "Mono<String> unscheduled(String id) {",
            "  return Mono.defer(() -> Mono.just(load(id)));",
            "}")
        .doTest();
  }

  @Test
  void lambdaArgumentOfJustDoesNotRunAtAssembly() {
    users(
            "Mono<java.util.function.Supplier<String>> later(String id) {",
            "  return Mono.just(() -> load(id));",
            "}",
            "Mono<java.util.function.Function<String, String>> reference() {",
            "  return Mono.just(this::load);",
            "}")
        .doTest();
  }

  @Test
  void whereBlockingIsAllowed() {
    users(
            "Future<Mono<String>> onWorker(ExecutorService io, String id) {",
            "  return io.submit(() -> Mono.just(load(id)));",
            "}",
            "@org.jetbrains.annotations.Blocking",
            "Mono<String> blockingMethod(String id) {",
            "  return Mono.just(load(id));",
            "}")
        .doTest();
  }

  @Test
  void inAnOperatorOnAnEventLoopTheEventLoopCheckReportsIt() {
    users(
            "Flux<String> all(Flux<String> ids) {",
            "  return ids.flatMap(id -> Mono.just(load(id)));",
            "}")
        .doTest();
  }

  @Test
  void inAWebFluxHandlerTheEventLoopCheckReportsIt() {
    helper
        .addSourceLines(
            "Profiles.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import org.springframework.web.bind.annotation.GetMapping;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import reactor.core.publisher.Mono;",
            "@RestController",
            "class Profiles {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  @GetMapping(\"/profile\")",
            "  Mono<String> profile() {",
            "    return Mono.just(load());",
            "  }",
            "  String load() { lock.lock(); return \"p\"; }",
            "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    users(
            "@SuppressWarnings(\"EagerBlockingInReactiveAssembly\")",
            "Mono<String> find(String id) {",
            "  return Mono.just(load(id));",
            "}")
        .doTest();
  }

  /** A private lock whose critical sections are all short is as brief as synchronized. */
  @Test
  void shortPrivateLockWaitAtAssemblyIsNotReported() {
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Mono;",
            "class Counter {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  private int count;",
            "  Mono<Integer> next() {",
            "    return Mono.just(increment());",
            "  }",
            "  private int increment() {",
            "    lock.lock();",
            "    try { return ++count; } finally { lock.unlock(); }",
            "  }",
            "}")
        .doTest();
  }
}
