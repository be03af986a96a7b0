package dev.threadlint;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs javac the way users do: {@code -Xplugin:ErrorProne} with the plugin found on the
 * processor path through its {@code META-INF/services} registration, and the flags from the
 * README.
 */
class PluginEndToEndTest {
  // Real files, as in a user's build (Error Prone's PackageInfo check expects file: URIs).
  @TempDir static Path sources;

  private static final String[] VERTICLE = {
          "package demo;",
          "import io.vertx.core.AbstractVerticle;",
          "public class Ticker extends AbstractVerticle {",
          "  @Override public void start() {",
          "    vertx.setPeriodic(1000, id -> pause());",
          "  }",
          "  private void pause() {",
          "    try { Thread.sleep(100); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }",
          "  }",
          "}"
  };


  private static Compilation compile(String plugin) {
    Path file = sources.resolve("demo/Ticker.java");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, List.of(VERTICLE));
      return compile(plugin, JavaFileObjects.forResource(file.toUri().toURL()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Compilation compile(String plugin, JavaFileObject source) {
    return Compiler.javac()
        .withOptions("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", plugin)
        .withAnnotationProcessorPath(PluginClasspath.files())
        .withClasspath(PluginClasspath.files())
        .compile(source);
  }

  @Test
  void pluginIsFoundOnTheProcessorPathAndReports() {
    Compilation compilation = compile("-Xplugin:ErrorProne");

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[BlockingCallInEventLoop] Blocking call on an event loop: `pause()` blocks: pause() → Thread.sleep()");
    Diagnostic<? extends JavaFileObject> warning = onlyThreadlintWarning(compilation);
    assertThat(warning.getLineNumber()).isEqualTo(5L);
    assertThat(warning.getMessage(null)).contains(Catalogue.BASE_URL + "BlockingCallInEventLoop.md");
  }

  @Test
  void checkCanBeTurnedOffWithXep() {
    Compilation compilation = compile("-Xplugin:ErrorProne -Xep:BlockingCallInEventLoop:OFF");

    assertThat(compilation).succeeded();
    assertThat(threadlintWarnings(compilation)).isEmpty();
  }

  @Test
  void checkCanBeMadeAnError() {
    Compilation compilation = compile("-Xplugin:ErrorProne -Xep:BlockingCallInEventLoop:ERROR");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[BlockingCallInEventLoop]");
  }

  @Test
  void missingModelFileStopsTheBuildNamingTheFlag() {
    Compilation compilation =
        compile("-Xplugin:ErrorProne -XepOpt:Threadlint:ModelFiles=/no/such/file.model");

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("-XepOpt:Threadlint:ModelFiles: model file '/no/such/file.model' does not exist");
  }

  private static List<Diagnostic<? extends JavaFileObject>> threadlintWarnings(Compilation compilation) {
    List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.warnings()) {
      if (d.getMessage(null).contains("[BlockingCall")) {
        found.add(d);
      }
    }
    return found;
  }

  private static Diagnostic<? extends JavaFileObject> onlyThreadlintWarning(Compilation compilation) {
    List<Diagnostic<? extends JavaFileObject>> found = threadlintWarnings(compilation);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
