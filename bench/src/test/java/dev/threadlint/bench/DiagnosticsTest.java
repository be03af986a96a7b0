package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static final Path SOURCES = Path.of("/work/sources");
  private static final Set<String> PLUGIN = Set.of("BlockingCallInEventLoop", "BlockingCallOnUiThread");

  @Test
  void keepsThePluginsFindingsWithRelativeFileAndLine() {
    Diagnostics d = Diagnostics.parse("""
        /work/sources/io/vertx/core/impl/VertxImpl.java:1006: warning: [BlockingCallInEventLoop] Blocking call on an event loop: `x()` waits.
                  virtualThreadExecutor.awaitTermination(10, TimeUnit.SECONDS);
                                                        ^
        /work/sources/io/vertx/Other.java:12: warning: [UnusedVariable] The local variable 'y' is never read.
        Note: Some input files use unchecked or unsafe operations.
        """, SOURCES, PLUGIN);
    assertEquals(1, d.findings().size());
    Diagnostics.Finding f = d.findings().get(0);
    assertEquals("BlockingCallInEventLoop", f.check());
    assertEquals("io/vertx/core/impl/VertxImpl.java:1006", f.location());
    assertTrue(f.message().startsWith("Blocking call on an event loop"));
    assertEquals(2, d.warnings());
    assertTrue(d.errors().isEmpty());
    assertTrue(d.crashes().isEmpty());
  }

  @Test
  void theJvmsReportOfItsJitTimeIsNeitherAWarningNorAnError() {
    Diagnostics d = Diagnostics.parse(MeasurementTest.CI_TIME.replace("warning: [Deprecation] ...\n", ""), SOURCES, PLUGIN);
    assertEquals(0, d.warnings());
    assertTrue(d.errors().isEmpty());
    assertTrue(d.crashes().isEmpty());
  }

  @Test
  void reportsACrashOfACheckWithItsFile() {
    Diagnostics d = Diagnostics.parse("""
        /work/sources/a/Foo.java:3: error: An unhandled exception was thrown by the Error Prone static analysis plugin.
                return this;
                ^
             Please report this at https://github.com/google/error-prone/issues/new and include the following:

             error-prone version: 2.42.0
             BugPattern: BlockingCallInEventLoop
             Stack Trace:
             java.lang.NullPointerException: Cannot invoke "Object.toString()"
          \tat dev.threadlint.model.Analysis.blockingChain(Analysis.java:70)
        1 error
        """, SOURCES, PLUGIN);
    assertEquals(1, d.crashes().size());
    Diagnostics.Crash crash = d.crashes().get(0);
    assertEquals("a/Foo.java", crash.file());
    assertEquals("BlockingCallInEventLoop", crash.check());
    assertTrue(crash.exception().startsWith("java.lang.NullPointerException"));
    assertEquals(1, d.errors().size());
  }

  @Test
  void reportsACrashThatNamesNoFile() {
    Diagnostics d = Diagnostics.parse("""
        error: An unhandled exception was thrown by the Error Prone static analysis plugin.
             Please report this at https://github.com/google/error-prone/issues/new and include the following:

             error-prone version: 2.42.0
             BugPattern: (see stack trace)
             Stack Trace:
             java.lang.NoClassDefFoundError: org/checkerframework/errorprone/dataflow/analysis/AbstractValue
        """, SOURCES, PLUGIN);
    assertEquals(1, d.crashes().size());
    assertNull(d.crashes().get(0).file());
    assertEquals("(see stack trace)", d.crashes().get(0).check());
  }

  @Test
  void reportsACrashOfJavacItself() {
    Diagnostics d = Diagnostics.parse("""
        An exception has occurred in the compiler (17.0.15). Please file a bug against the Java compiler.
        java.lang.OutOfMemoryError: Java heap space
        """, SOURCES, PLUGIN);
    assertEquals(1, d.crashes().size());
    assertNull(d.crashes().get(0).check());
    assertEquals("java.lang.OutOfMemoryError: Java heap space", d.crashes().get(0).exception());
  }

  @Test
  void thePluginsNoteAboutAnInternalErrorIsACrash() {
    Diagnostics d = Diagnostics.parse("""
        Note: Threadlint: BlockingCallInEventLoop skipped part of /work/sources/a/Foo.java after an internal error (java.lang.IllegalStateException: boom); the build goes on. Please report it with this line.
        """, SOURCES, PLUGIN);
    assertEquals(1, d.crashes().size());
    assertEquals("a/Foo.java", d.crashes().get(0).file());
    assertEquals("BlockingCallInEventLoop", d.crashes().get(0).check());
    assertEquals("java.lang.IllegalStateException: boom", d.crashes().get(0).exception());
  }

  @Test
  void compileErrorsAreErrorsNotFindings() {
    Diagnostics d = Diagnostics.parse("""
        /work/sources/org/jfree/chart/servlet/ChartDeleter.java:44: error: package javax.servlet.http does not exist
        import javax.servlet.http.HttpSession;
        """, SOURCES, PLUGIN);
    assertEquals(1, d.errors().size());
    assertTrue(d.errors().get(0).startsWith("org/jfree/chart/servlet/ChartDeleter.java:44: package javax.servlet.http"));
    assertTrue(d.findings().isEmpty());
    assertTrue(d.crashes().isEmpty());
  }
}
