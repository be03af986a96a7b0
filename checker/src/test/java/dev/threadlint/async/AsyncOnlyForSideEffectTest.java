package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AsyncOnlyForSideEffectTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(AsyncOnlyForSideEffect.class, getClass())
          .addSourceLines(
              "RemoteLog.java",
              "import java.util.concurrent.CompletableFuture;",
              "import reactor.core.publisher.Mono;",
              "interface RemoteLog {",
              "  CompletableFuture<Void> log(String line);",
              "  CompletableFuture<Long> logWithOffset(String line);",
              "  Mono<Void> audit(String event);",
              "  CompletableFuture<Void> login(String user);",
              "}");

  @Test
  void waitsForALogWriteThenDoesSynchronousWork() {
    helper
        .addSourceLines(
            "Checkout.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Checkout {",
            "  private final RemoteLog log;",
            "  Checkout(RemoteLog log) { this.log = log; }",
            "  int total(String cart) { return cart.length(); }",
            "  // BUG: Diagnostic contains: only because it waits for `RemoteLog.log(...)`",
            "  CompletableFuture<Integer> checkout(String cart) {",
            "    return log.log(\"checkout \" + cart).thenApply(v -> total(cart));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void syncWorkBeforeTheLogWriteAndThenRun() {
    helper
        .addSourceLines(
            "Checkout.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Checkout {",
            "  private final RemoteLog log;",
            "  Checkout(RemoteLog log) { this.log = log; }",
            "  // BUG: Diagnostic contains: make `cancel` synchronous (return void)",
            "  CompletableFuture<Void> cancel(String order) {",
            "    String id = order.trim();",
            "    return log.log(\"cancelled \" + id).thenRun(() -> System.out.println(id));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void resultIgnoredThroughAnUnusedLambdaParameter() {
    helper
        .addSourceLines(
            "Checkout.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Checkout {",
            "  private final RemoteLog log;",
            "  Checkout(RemoteLog log) { this.log = log; }",
            "  // BUG: Diagnostic contains: AsyncOnlyForSideEffect",
            "  CompletableFuture<String> receipt(String order) {",
            "    return log.logWithOffset(order).thenApply(offset -> order.toUpperCase());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void monoAuditThenReturn() {
    helper
        .addSourceLines(
            "Orders.java",
            "import reactor.core.publisher.Mono;",
            "final class Orders {",
            "  private final RemoteLog log;",
            "  Orders(RemoteLog log) { this.log = log; }",
            "  // BUG: Diagnostic contains: `RemoteLog.audit(...)`",
            "  Mono<String> place(String order) {",
            "    String id = order.strip();",
            "    return log.audit(\"placed \" + id).thenReturn(id);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void usingTheSideEffectsResultIsNotIgnoringIt() {
    helper
        .addSourceLines(
            "Checkout.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Checkout {",
            "  private final RemoteLog log;",
            "  Checkout(RemoteLog log) { this.log = log; }",
            "  CompletableFuture<String> receipt(String order) {",
            "    return log.logWithOffset(order).thenApply(offset -> order + \"@\" + offset);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aContinuationThatDoesAsyncWorkIsRealComposition() {
    helper
        .addSourceLines(
            "Checkout.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Checkout {",
            "  private final RemoteLog log;",
            "  Checkout(RemoteLog log) { this.log = log; }",
            "  CompletableFuture<Integer> charge(String cart) { return new CompletableFuture<>(); }",
            "  CompletableFuture<Integer> checkout(String cart) {",
            "    return log.log(cart).thenCompose(v -> charge(cart));",
            "  }",
            "  CompletableFuture<Integer> checkout2(String cart) {",
            "    CompletableFuture<Integer> charged = charge(cart);",
            "    return log.log(cart).thenApply(v -> 1);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aCallThatIsNotASideEffectIsTheRealWork() {
    helper
        .addSourceLines(
            "Sessions.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Sessions {",
            "  private final RemoteLog log;",
            "  Sessions(RemoteLog log) { this.log = log; }",
            "  CompletableFuture<String> start(String user) {",
            "    return log.login(user).thenApply(v -> user + \" logged in\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void springAsyncAndOverridesKeepTheirSignature() {
    helper
        .addSourceLines(
            "Handlers.java",
            "import java.util.concurrent.CompletableFuture;",
            "import org.springframework.scheduling.annotation.Async;",
            "interface Handler { CompletableFuture<Integer> handle(String s); }",
            "final class Handlers implements Handler {",
            "  private final RemoteLog log;",
            "  Handlers(RemoteLog log) { this.log = log; }",
            "  @Override public CompletableFuture<Integer> handle(String s) {",
            "    return log.log(s).thenApply(v -> s.length());",
            "  }",
            "  @Async public CompletableFuture<Integer> later(String s) {",
            "    return log.log(s).thenApply(v -> s.length());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mixedReturnsWithARealFutureAreNotReported() {
    helper
        .addSourceLines(
            "Checkout.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Checkout {",
            "  private final RemoteLog log;",
            "  Checkout(RemoteLog log) { this.log = log; }",
            "  CompletableFuture<Integer> remote(String cart) { return new CompletableFuture<>(); }",
            "  CompletableFuture<Integer> checkout(String cart) {",
            "    if (cart.isEmpty()) { return remote(cart); }",
            "    return log.log(cart).thenApply(v -> 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void vertxAuditWriteThenMapToAValue() {
    helper
        .addSourceLines(
            "Transfers.java",
            "import io.vertx.core.Future;",
            "final class Transfers {",
            "  interface AuditTrail { Future<Void> auditTransfer(String id); }",
            "  private final AuditTrail audit;",
            "  Transfers(AuditTrail audit) { this.audit = audit; }",
            "  // BUG: Diagnostic contains: `AuditTrail.auditTransfer(...)`",
            "  Future<String> transfer(String from, String to) {",
            "    String id = from + \"->\" + to;",
            "    return audit.auditTransfer(id).map(id);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rxCompletableMetricWriteThenToSingleDefault() {
    helper
        .addSourceLines(
            "Signup.java",
            "import io.reactivex.rxjava3.core.Completable;",
            "import io.reactivex.rxjava3.core.Single;",
            "final class Signup {",
            "  interface Metrics { Completable recordMetric(String name); }",
            "  private final Metrics metrics;",
            "  Signup(Metrics metrics) { this.metrics = metrics; }",
            "  // BUG: Diagnostic contains: synchronous (return Integer)",
            "  Single<Integer> register(String email) {",
            "    int userId = email.hashCode();",
            "    return metrics.recordMetric(\"signup\").toSingleDefault(userId);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aSideEffectCallerThatIsTheSideEffectsOwnApiIsNotReported() {
    helper
        .addSourceLines(
            "Audit.java",
            "import java.util.concurrent.CompletableFuture;",
            "final class Audit {",
            "  private final RemoteLog log;",
            "  Audit(RemoteLog log) { this.log = log; }",
            "  // The write itself returns its future: no continuation, nothing synchronous after it.",
            "  CompletableFuture<Void> record(String event) { return log.log(event); }",
            "}")
        .doTest();
  }
}
