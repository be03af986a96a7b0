package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PublisherNeverSubscribed}: Reactor and RxJava sources dropped as a statement, as the
 * value of a lambda that returns nothing, or in a local never read; not when they escape, are
 * subscribed, or the method says its result may be ignored.
 */
class PublisherNeverSubscribedTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PublisherNeverSubscribed.class, getClass());

  /** A class {@code Orders} with a reactive repository {@code repo} and {@code members}. */
  private CompilationTestHelper orders(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import java.util.*;");
    lines.add("import reactor.core.publisher.*;");
    lines.add("import io.reactivex.rxjava3.core.*;");
    lines.add("class Orders {");
    lines.add("  interface Repo {");
    lines.add("    Mono<Void> save(String order);");
    lines.add("    Flux<String> all();");
    lines.add("    Completable audit(String order);");
    lines.add("    @com.google.errorprone.annotations.CanIgnoreReturnValue Mono<String> warm(String key);");
    lines.add("  }");
    lines.add("  private Repo repo;");
    lines.add("  private Mono<Void> pending;");
    lines.addAll(List.of(members));
    lines.add("}");
    return helper.addSourceLines("Orders.java", lines.toArray(new String[0]));
  }

  @Test
  void monoDroppedAsAStatement() {
    orders(
            "void place(String order) {",
            "  // BUG: Diagnostic contains: `save(...)` returns a `Mono` that is dropped, so nothing"
                + " subscribes to it and the work it stands for never happens: Reactor sources are lazy",
            "  repo.save(order);",
            "}")
        .doTest();
  }

  @Test
  void chainDroppedAsAStatement() {
    orders(
            "void place(String order) {",
            "  // BUG: Diagnostic contains: `then(...)` returns a `Mono` that is dropped",
            "  repo.save(order).doOnError(e -> {}).then();",
            "}")
        .doTest();
  }

  @Test
  void rxJavaCompletableDropped() {
    orders(
            "void place(String order) {",
            "  // BUG: Diagnostic contains: RxJava sources are lazy",
            "  repo.audit(order);",
            "}")
        .doTest();
  }

  @Test
  void droppedInALambdaThatReturnsNothing() {
    orders(
            "void placeAll(List<String> orders) {",
            "  // BUG: Diagnostic contains: `save(...)` returns a `Mono` that is dropped",
            "  orders.forEach(order -> repo.save(order));",
            "}")
        .doTest();
  }

  @Test
  void localNeverUsed() {
    orders(
            "void place(String order) {",
            "  // BUG: Diagnostic contains: `saved` holds a `Mono` that is never used",
            "  Mono<Void> saved = repo.save(order);",
            "}")
        .doTest();
  }

  @Test
  void messageSaysHowToFix() {
    orders(
            "void place(String order) {",
            "  // BUG: Diagnostic contains: Return it or compose it into the chain that is returned"
                + " (then(...), flatMap, when/zip); if fire-and-forget is really meant, call subscribe()",
            "  repo.save(order);",
            "}")
        .doTest();
  }

  // --- Negatives --------------------------------------------------------------------------------

  @Test
  void subscribedReturnedOrComposed() {
    orders(
            "void subscribed(String order) {",
            "  repo.save(order).subscribe();",
            "}",
            "Mono<Void> returned(String order) {",
            "  return repo.save(order);",
            "}",
            "Mono<Void> composed(String order) {",
            "  return repo.all().then(repo.save(order));",
            "}",
            "void blocked(String order) {",
            "  repo.save(order).block();",
            "}")
        .doTest();
  }

  @Test
  void subscribeWithReturnsTheSubscriberButHasSubscribed() {
    orders(
            "void forward(Sinks.Many<String> sink) {",
            "  repo.all().subscribeWith(reactor.core.publisher.EmitterProcessor.<String>create());",
            "}")
        .doTest();
  }

  @Test
  void canIgnoreReturnValueIsRespected() {
    orders("void warmUp() {", "  repo.warm(\"k\");", "}").doTest();
  }

  @Test
  void localThatEscapes() {
    orders(
            "Mono<Void> returned(String order) {",
            "  Mono<Void> saved = repo.save(order);",
            "  return saved;",
            "}",
            "void stored(String order) {",
            "  Mono<Void> saved = repo.save(order);",
            "  pending = saved;",
            "}",
            "void passed(String order, List<Mono<Void>> all) {",
            "  Mono<Void> saved = repo.save(order);",
            "  all.add(saved);",
            "}",
            "Runnable captured(String order) {",
            "  Mono<Void> saved = repo.save(order);",
            "  return () -> saved.subscribe();",
            "}")
        .doTest();
  }

  @Test
  void localNamedUnusedIsIntentional() {
    orders(
            "void place(String order) {",
            "  Mono<Void> unused = repo.save(order);",
            "}")
        .doTest();
  }

  @Test
  void lambdaThatReturnsThePublisher() {
    orders(
            "Flux<Void> placeAll(Flux<String> orders) {",
            "  return orders.flatMap(order -> repo.save(order));",
            "}")
        .doTest();
  }

  @Test
  void nonPublisherResultsAreNotThisCheck() {
    orders(
            "void place(String order) {",
            "  repo.save(order).toFuture();",
            "  repo.all().subscribe(System.out::println);",
            "}")
        .doTest();
  }

  /** reactor-core MonoIgnoreThen, FluxGroupBy: a null check, a map of groups. */
  @Test
  void methodsThatHandBackWhatTheyWereGivenAreNotSources() {
    orders(
            "void check(Mono<Void> first, Map<String, Flux<String>> groups, Flux<String> g) {",
            "  Objects.requireNonNull(first, \"first\");",
            "  groups.put(\"k\", g);",
            "  groups.remove(\"k\");",
            "}")
        .doTest();
  }

  /** reactor-core FluxWindowPredicate#newWindowDeferred: creates a window, keeps it, returns it. */
  @Test
  void methodOfTheFileThatStoresThePublisherItReturns() {
    orders(
            "private Flux<String> window;",
            "private final List<Flux<String>> windows = new ArrayList<>();",
            "Flux<String> newWindow() {",
            "  Flux<String> w = Flux.never();",
            "  window = w;",
            "  return w;",
            "}",
            "Flux<String> registered() {",
            "  Flux<String> w = Flux.never();",
            "  windows.add(w);",
            "  return w;",
            "}",
            "void roll() {",
            "  newWindow();",
            "  registered();",
            "}")
        .doTest();
  }

  @Test
  void methodOfTheFileThatReturnsAFieldOrItself() {
    helper
        .addSourceLines(
            "Window.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.CoreSubscriber;",
            "abstract class Window extends Flux<String> {",
            "  private Window current;",
            "  Window configure() { return this; }",
            "  Window current() { return current; }",
            "  void roll() {",
            "    configure();",
            "    current();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodOfTheFileThatOnlyBuildsThePublisherIsReported() {
    orders(
            "Mono<Void> saveLater(String order) {",
            "  Mono<Void> m = repo.save(order);",
            "  return m;",
            "}",
            "void roll(String order) {",
            "  // BUG: Diagnostic contains: `saveLater(...)` returns a `Mono` that is dropped",
            "  saveLater(order);",
            "}")
        .doTest();
  }

  /** A processor or subject is fed by its owner: dropping one reference to it loses no work. */
  @Test
  void hotProcessorsAndSubjects() {
    orders(
            "Map<String, io.reactivex.rxjava3.subjects.UnicastSubject<String>> subjects = new HashMap<>();",
            "void open(String key) {",
            "  io.reactivex.rxjava3.subjects.UnicastSubject.<String>create();",
            "  reactor.core.publisher.UnicastProcessor.<String>create();",
            "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    orders(
            "@SuppressWarnings(\"PublisherNeverSubscribed\")",
            "void place(String order) {",
            "  repo.save(order);",
            "}")
        .doTest();
  }

  /**
   * spring-webflux's AbstractListenerWebSocketSession#onComplete: {@code close()} on itself, a
   * method its subclasses implement (eagerly, returning Mono.empty()): what the publisher stands
   * for is the subclasses' to say, and the analysis cannot see them.
   */
  @Test
  void ownAbstractMethodOfAnAbstractClass() {
    helper
        .addSourceLines(
            "Session.java",
            "import reactor.core.publisher.Mono;",
            "interface Session {",
            "  Mono<Void> close(int status);",
            "  default Mono<Void> close() { return close(1000); }",
            "}")
        .addSourceLines(
            "ListenerSession.java",
            "import reactor.core.publisher.Mono;",
            "abstract class ListenerSession implements Session {",
            "  abstract Mono<Void> flush();",
            "  public void onError(Throwable e) { close(1011); }",
            "  public void onComplete() { close(); }",
            "  public void onNext() { this.flush(); }",
            "}")
        .addSourceLines(
            "Client.java",
            "import reactor.core.publisher.Mono;",
            "abstract class Client {",
            "  abstract Mono<Void> send(String message);",
            "  void done(Session session) {",
            "    // BUG: Diagnostic contains: PublisherNeverSubscribed",
            "    session.close();",
            "  }",
            "}")
        .addSourceLines(
            "Handler.java",
            "import reactor.core.publisher.Mono;",
            "class Handler implements Session {",
            "  public Mono<Void> close(int status) { return Mono.fromRunnable(() -> {}); }",
            "  void done() {",
            "    // BUG: Diagnostic contains: PublisherNeverSubscribed",
            "    close();",
            "  }",
            "}")
        .doTest();
  }
}
