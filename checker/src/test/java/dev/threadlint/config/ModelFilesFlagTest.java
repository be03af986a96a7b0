package dev.threadlint.config;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.scanner.ErrorProneInjector;
import com.google.errorprone.scanner.ScannerSupplier;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.threadlint.eventloop.BlockingCallInEventLoop;
import dev.threadlint.eventloop.BlockingCallOnUiThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -XepOpt:Threadlint:ModelFiles}: user model files, and clear errors when they are bad. */
class ModelFilesFlagTest {
  @TempDir Path dir;

  private static final String[] LEGACY_CLIENT = {
    "package com.acme;",
    "public class LegacyClient {",
    "  public String fetch(String key) { return key; }",
    "}"
  };

  private static final String[] POLLER = {
    "import com.acme.LegacyClient;",
    "import io.vertx.core.Vertx;",
    "class Poller {",
    "  void start(Vertx vertx, LegacyClient client) {",
    "    // BUG: Diagnostic contains: `LegacyClient.fetch()` waits for the legacy backend. This lambda is passed to `io.vertx.core.Vertx#setPeriodic`",
    "    vertx.setPeriodic(1000, id -> client.fetch(\"state\"));",
    "  }",
    "}"
  };

  private Path modelFile(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  private static CompilationTestHelper eventLoopCheck() {
    return CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, ModelFilesFlagTest.class)
        .addSourceLines("com/acme/LegacyClient.java", LEGACY_CLIENT);
  }

  // --- User model files -------------------------------------------------------------------------

  @Test
  void userModelFileMakesAUserMethodBlocking() throws IOException {
    Path model =
        modelFile(
            "legacy.model",
            "# The legacy client does synchronous HTTP.",
            "blocking com.acme.LegacyClient#fetch what=\"waits for the legacy backend\"");

    eventLoopCheck()
        .setArgs("-XepOpt:Threadlint:ModelFiles=" + model)
        .addSourceLines("Poller.java", POLLER)
        .doTest();
  }

  @Test
  void withoutTheFlagTheUserMethodIsNotKnownToBlock() {
    eventLoopCheck()
        .addSourceLines(
            "Poller.java",
            "import com.acme.LegacyClient;",
            "import io.vertx.core.Vertx;",
            "class Poller {",
            "  void start(Vertx vertx, LegacyClient client) {",
            "    vertx.setPeriodic(1000, id -> client.fetch(\"state\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void severalModelFilesAreCommaSeparated() throws IOException {
    Path frameworks =
        modelFile(
            "frameworks.model",
            "framework AcmeBus thread=\"the Acme bus thread\" advice=\"hand the work to AcmeBus.offload()\"",
            "callback com.acme.AcmeBus#subscribe context=event-loop framework=AcmeBus");
    Path blocking =
        modelFile(
            "legacy.model",
            "blocking com.acme.LegacyClient#fetch what=\"waits for the legacy backend\"");

    eventLoopCheck()
        .setArgs("-XepOpt:Threadlint:ModelFiles=" + frameworks + ", " + blocking)
        .addSourceLines(
            "com/acme/AcmeBus.java",
            "package com.acme;",
            "public class AcmeBus {",
            "  public void subscribe(String topic, java.util.function.Consumer<String> handler) {}",
            "}")
        .addSourceLines(
            "Listener.java",
            "import com.acme.AcmeBus;",
            "import com.acme.LegacyClient;",
            "class Listener {",
            "  void start(AcmeBus bus, LegacyClient client) {",
            "    // BUG: Diagnostic contains: `LegacyClient.fetch()` waits for the legacy backend. This lambda is passed to `com.acme.AcmeBus#subscribe`, whose callbacks run on the Acme bus thread. While it blocks, every other task on that thread waits (other connections, timers, callbacks). Hand the work to AcmeBus.offload().",
            "    bus.subscribe(\"orders\", order -> client.fetch(order));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void userModelFileAppliesToTheUiCheckToo() throws IOException {
    Path model =
        modelFile(
            "legacy.model",
            "blocking com.acme.LegacyClient#fetch what=\"waits for the legacy backend\"");

    CompilationTestHelper.newInstance(BlockingCallOnUiThread.class, getClass())
        .setArgs("-XepOpt:Threadlint:ModelFiles=" + model)
        .addSourceLines("com/acme/LegacyClient.java", LEGACY_CLIENT)
        .addSourceLines(
            "Refresh.java",
            "import com.acme.LegacyClient;",
            "import javax.swing.SwingUtilities;",
            "class Refresh {",
            "  void refresh(LegacyClient client) {",
            "    // BUG: Diagnostic contains: `LegacyClient.fetch()` waits for the legacy backend",
            "    SwingUtilities.invokeLater(() -> client.fetch(\"state\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void errorProneInjectsTheFlagsConstructor() {
    // The no-arg constructor (for ServiceLoader) would also qualify; it must not be the one used.
    for (Class<?> check : List.of(BlockingCallInEventLoop.class, BlockingCallOnUiThread.class)) {
      assertThat(ErrorProneInjector.findConstructor(check).orElseThrow().getParameterTypes())
          .asList()
          .containsExactly(ErrorProneFlags.class);
    }
  }

  // --- Bad model files: one clean compiler error, no crash report --------------------------------

  /** Compiles with the event-loop check in-process, the way Error Prone's test helper does. */
  private static Compilation compileWithFlag(String flag) {
    return Compiler.compiler(
            new ErrorProneJavaCompiler(
                ScannerSupplier.fromBugCheckerClasses(
                    BlockingCallInEventLoop.class, BlockingCallOnUiThread.class)))
        .withOptions("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", flag)
        .compile(
            JavaFileObjects.forSourceLines("com.acme.LegacyClient", LEGACY_CLIENT),
            JavaFileObjects.forSourceLines(
                "Poller",
                "import com.acme.LegacyClient;",
                "import io.vertx.core.Vertx;",
                "class Poller {",
                "  void start(Vertx vertx, LegacyClient client) {",
                "    vertx.setPeriodic(1000, id -> client.fetch(\"state\"));",
                "  }",
                "}"));
  }

  private static void assertOneCleanError(Compilation compilation, String message) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation.errors().get(0).getMessage(null)).isEqualTo(message);
    assertThat(compilation.errors().get(0).getMessage(null))
        .doesNotContain("An unhandled exception was thrown");
  }

  @Test
  void missingModelFileNamesTheFlagAndThePath() {
    Path missing = dir.resolve("no-such.model");

    Compilation compilation = compileWithFlag("-XepOpt:Threadlint:ModelFiles=" + missing);

    assertOneCleanError(
        compilation,
        "Threadlint: bad -XepOpt:Threadlint:ModelFiles: model file '"
            + missing
            + "' does not exist");
  }

  @Test
  void missingModelFileIsReportedEvenForCodeWithoutCalls() {
    Path missing = dir.resolve("no-such.model");

    Compilation compilation =
        Compiler.compiler(
                new ErrorProneJavaCompiler(
                    ScannerSupplier.fromBugCheckerClasses(BlockingCallInEventLoop.class)))
            .withOptions(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-XepOpt:Threadlint:ModelFiles=" + missing)
            .compile(JavaFileObjects.forSourceLines("Constants", "class Constants { int x = 1; }"));

    assertOneCleanError(
        compilation,
        "Threadlint: bad -XepOpt:Threadlint:ModelFiles: model file '"
            + missing
            + "' does not exist");
  }

  @Test
  void malformedModelFileNamesTheFileAndTheLine() throws IOException {
    Path model =
        modelFile(
            "typo.model",
            "# line 1",
            "blocking com.acme.LegacyClient#fetch what=\"waits for the legacy backend\"",
            "blockin com.acme.LegacyClient#store");

    Compilation compilation = compileWithFlag("-XepOpt:Threadlint:ModelFiles=" + model);

    assertOneCleanError(
        compilation,
        "Threadlint: bad -XepOpt:Threadlint:ModelFiles: " + model + ":3: unknown directive 'blockin'");
  }

  @Test
  void badValueInAModelFileNamesTheFileAndTheLine() throws IOException {
    Path model =
        modelFile("context.model", "callback com.acme.AcmeBus#subscribe context=eventloop");

    Compilation compilation = compileWithFlag("-XepOpt:Threadlint:ModelFiles=" + model);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "Threadlint: bad -XepOpt:Threadlint:ModelFiles: "
                + model
                + ":1: context=eventloop is not one of ");
  }

  @Test
  void aGoodModelFileCompilesCleanlyInTheSameHarness() throws IOException {
    Path model =
        modelFile(
            "legacy.model",
            "blocking com.acme.LegacyClient#fetch what=\"waits for the legacy backend\"");

    Compilation compilation = compileWithFlag("-XepOpt:Threadlint:ModelFiles=" + model);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("`LegacyClient.fetch()` waits for the legacy backend");
  }
}
