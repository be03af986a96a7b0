package dev.threadlint.async;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncSelfInvocation}: Spring {@code @Async} methods (on the method, or public methods of
 * an {@code @Async} class) called on {@code this} in all its spellings; not on other instances,
 * not for static or non-async methods, not for other proxy annotations ({@code @Cacheable}).
 */
class AsyncSelfInvocationTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(AsyncSelfInvocation.class, getClass());

  /** A Spring service {@code Mailer} with an {@code @Async sendWelcome(user)} and {@code members}. */
  private CompilationTestHelper mailer(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import java.util.concurrent.CompletableFuture;");
    lines.add("import org.springframework.scheduling.annotation.Async;");
    lines.add("import org.springframework.stereotype.Service;");
    lines.add("@Service");
    lines.add("class Mailer {");
    lines.add("  @Async");
    lines.add("  public CompletableFuture<Void> sendWelcome(String user) {");
    lines.add("    return CompletableFuture.completedFuture(null);");
    lines.add("  }");
    lines.addAll(List.of(members));
    lines.add("}");
    return helper.addSourceLines("Mailer.java", lines.toArray(new String[0]));
  }

  @Test
  void implicitThisCall() {
    mailer(
            "public void register(String user) {",
            "  // BUG: Diagnostic contains: `sendWelcome` is annotated `@Async`, but this call is on"
                + " `this`: Spring makes it asynchronous with a proxy around the object, and a call"
                + " from inside the object does not go through the proxy, so it runs synchronously",
            "  sendWelcome(user);",
            "}")
        .doTest();
  }

  @Test
  void ejbAsynchronousClassCalledOnThis() {
    helper
        .addSourceLines(
            "Reports.java",
            "import jakarta.ejb.Asynchronous;",
            "import jakarta.ejb.Stateless;",
            "import java.util.concurrent.Future;",
            "@Stateless",
            "@Asynchronous",
            "public class Reports {",
            "  public Future<String> render(String id) { return null; }",
            "  private void renderLater(String id) {}",
            "  public void renderAll(Iterable<String> ids) {",
            "    for (String id : ids) {",
            "      // BUG: Diagnostic contains: `render` is a public method of `Reports`, which is"
                + " annotated `@Asynchronous`, but this call is on `this`: Jakarta EE makes it"
                + " asynchronous with a proxy",
            "      render(id);",
            "      renderLater(id);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void explicitThisCall() {
    mailer(
            "public void register(String user) {",
            "  // BUG: Diagnostic contains: AsyncSelfInvocation",
            "  this.sendWelcome(user).join();",
            "}")
        .doTest();
  }

  @Test
  void messageSaysHowToFix() {
    mailer(
            "public void register(String user) {",
            "  // BUG: Diagnostic contains: Call it through the proxy: move the method to another"
                + " bean and inject that one, or hand the work to an executor explicitly",
            "  sendWelcome(user);",
            "}")
        .doTest();
  }

  @Test
  void outerThisFromAnInnerClassOrLambdaIsStillSelfInvocation() {
    mailer(
            "public Runnable later(String user) {",
            "  // BUG: Diagnostic contains: AsyncSelfInvocation",
            "  return () -> sendWelcome(user);",
            "}",
            "class Retry {",
            "  void again(String user) {",
            "    // BUG: Diagnostic contains: AsyncSelfInvocation",
            "    Mailer.this.sendWelcome(user);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodReferenceOnThis() {
    mailer(
            "public void registerAll(java.util.List<String> users) {",
            "  // BUG: Diagnostic contains: AsyncSelfInvocation",
            "  users.forEach(this::sendWelcome);",
            "}")
        .doTest();
  }

  @Test
  void asyncOnTheClassCoversItsPublicMethods() {
    helper
        .addSourceLines(
            "Reports.java",
            "import org.springframework.scheduling.annotation.Async;",
            "@Async",
            "class Reports {",
            "  public void rebuild() {}",
            "  void helper() {}",
            "  public void nightly() {",
            "    // BUG: Diagnostic contains: `rebuild` is a public method of `Reports`, which is"
                + " annotated `@Async`",
            "    rebuild();",
            "    helper();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void superCallOfAnInheritedAsyncMethod() {
    mailer(
            "static class LoudMailer extends Mailer {",
            "  @Override",
            "  public CompletableFuture<Void> sendWelcome(String user) {",
            "    return CompletableFuture.completedFuture(null);",
            "  }",
            "  public void both(String user) {",
            "    // BUG: Diagnostic contains: AsyncSelfInvocation",
            "    super.sendWelcome(user);",
            "  }",
            "}")
        .doTest();
  }

  // --- Negatives --------------------------------------------------------------------------------

  @Test
  void callOnAnotherBean() {
    helper
        .addSourceLines(
            "Mailer.java",
            "import org.springframework.scheduling.annotation.Async;",
            "class Mailer {",
            "  @Async public void sendWelcome(String user) {}",
            "}")
        .addSourceLines(
            "Registration.java",
            "class Registration {",
            "  private final Mailer mailer;",
            "  Registration(Mailer mailer) { this.mailer = mailer; }",
            "  void register(String user) { mailer.sendWelcome(user); }",
            "}")
        .doTest();
  }

  @Test
  void callOnAnotherInstanceOfTheSameClass() {
    mailer(
            "private Mailer self;",
            "public void register(String user) {",
            "  self.sendWelcome(user);",
            "}")
        .doTest();
  }

  @Test
  void nonAsyncMethodsOnThis() {
    mailer(
            "public void register(String user) {",
            "  audit(user);",
            "}",
            "@org.springframework.cache.annotation.Cacheable(\"audits\")",
            "public void audit(String user) {}")
        .doTest();
  }

  @Test
  void staticMethodsAreNeverProxied() {
    helper
        .addSourceLines(
            "Reports.java",
            "import org.springframework.scheduling.annotation.Async;",
            "@Async",
            "class Reports {",
            "  public static void tidy() {}",
            "  public void nightly() { tidy(); }",
            "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    mailer(
            "@SuppressWarnings(\"AsyncSelfInvocation\")",
            "public void register(String user) {",
            "  sendWelcome(user);",
            "}")
        .doTest();
  }
}
