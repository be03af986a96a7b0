package dev.threadlint.config;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.scanner.ScannerSupplier;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationFailureException;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.MethodInvocationTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bug in a check must not break the user's build: one note, and the build goes on. */
class InternalErrorsTest {
  /** A check with a bug: it throws on every call it sees. */
  @BugPattern(summary = "throws", severity = BugPattern.SeverityLevel.WARNING)
  public static final class ThrowingCheck extends BugChecker implements MethodInvocationTreeMatcher {
    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return InternalErrors.guard(
          state,
          "ThrowingCheck",
          () -> {
            throw new IllegalStateException("bug in a check");
          });
    }
  }

  /** A check that catches for itself (the idiom of per-node matchers): it recurses too deep. */
  @BugPattern(summary = "recurses", severity = BugPattern.SeverityLevel.WARNING)
  public static final class RecursingCheck extends BugChecker implements MethodInvocationTreeMatcher {
    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      try {
        throw new StackOverflowError("deep summary");
      } catch (RuntimeException | StackOverflowError e) {
        return InternalErrors.caught(state, "RecursingCheck", e);
      }
    }
  }

  private final String strict = System.getProperty(InternalErrors.STRICT_PROPERTY);

  @AfterEach
  void restoreStrictMode() {
    if (strict == null) {
      System.clearProperty(InternalErrors.STRICT_PROPERTY);
    } else {
      System.setProperty(InternalErrors.STRICT_PROPERTY, strict);
    }
  }

  private static Compilation compile() {
    return compile(ThrowingCheck.class);
  }

  private static Compilation compile(Class<? extends BugChecker> check) {
    return Compiler.compiler(new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(check)))
        .withOptions("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW")
        .compile(
            JavaFileObjects.forSourceLines(
                "Calls", "class Calls { void a() { b(); b(); } void b() { toString(); } }"));
  }

  @Test
  void outsideStrictModeAnInternalErrorIsOneNoteAndTheBuildSucceeds() {
    System.setProperty(InternalErrors.STRICT_PROPERTY, "false");

    Compilation compilation = compile();

    assertThat(compilation).succeeded();
    long notes =
        compilation.notes().stream()
            .map(d -> d.getMessage(null))
            .filter(m -> m.startsWith("Threadlint: ThrowingCheck skipped part of"))
            .count();
    assertThat(notes).isEqualTo(1);
    assertThat(compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count())
        .isEqualTo(0);
  }

  @Test
  void inStrictModeTheErrorPropagatesAndFailsTheCompilation() {
    System.setProperty(InternalErrors.STRICT_PROPERTY, "true");

    Compilation compilation = compile();

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("bug in a check");
  }

  @Test
  void aCaughtStackOverflowIsOneNoteOutsideStrictMode() {
    System.setProperty(InternalErrors.STRICT_PROPERTY, "false");

    Compilation compilation = compile(RecursingCheck.class);

    assertThat(compilation).succeeded();
    assertThat(
            compilation.notes().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> m.startsWith("Threadlint: RecursingCheck skipped part of") && m.contains("StackOverflowError: deep summary"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void aCaughtStackOverflowPropagatesInStrictMode() {
    System.setProperty(InternalErrors.STRICT_PROPERTY, "true");

    // javac takes a StackOverflowError for its own: it fails the compilation and prints the
    // error on System.err instead of a diagnostic, which compile-testing reports so.
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CompilationFailureException thrown;
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      thrown = assertThrows(CompilationFailureException.class, () -> compile(RecursingCheck.class));
    } finally {
      System.setErr(err);
    }

    assertThat(thrown).hasMessageThat().contains("failed, but did not report any error diagnostics");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("java.lang.StackOverflowError: deep summary");
  }
}
