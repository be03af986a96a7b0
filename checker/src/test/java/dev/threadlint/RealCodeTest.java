package dev.threadlint;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the published sources of a real event-loop codebase (vertx-core, unpacked by the
 * build from its Maven sources jar) with the plugin, as users run it: the plugin must not crash
 * javac on any file, and what it reports is printed and written to {@code
 * target/real-code/findings.txt} for reading.
 */
class RealCodeTest {
  private static final String PLUGIN_FLAGS =
      "-Xplugin:ErrorProne -XepDisableAllChecks"
          + " -Xep:BlockingCallInEventLoop:WARN -Xep:BlockingCallOnUiThread:WARN";

  @TempDir Path classes;

  @Test
  void vertxCoreCompilesWithThePluginWithoutCrashing() throws IOException {
    Path root = Paths.get(System.getProperty("threadlint.realCode", "target/real-code"));
    Path sources = root.resolve("vertx-core");
    List<File> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
    }
    assertWithMessage("vertx-core sources unpacked by the build under %s", sources)
        .that(files.size())
        .isGreaterThan(500);

    String classpath = PluginClasspath.joined();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean success;
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of(
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              PLUGIN_FLAGS,
              "-proc:none",
              "-Xmaxwarns", "100000",
              "-encoding", "UTF-8",
              "-processorpath", classpath,
              "-classpath", classpath,
              "-d", classes.toString());
      success =
          javac
              .getTask(output, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromFiles(files))
              .call();
    }

    List<String> errors = new ArrayList<>();
    Map<String, List<String>> findings = new TreeMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String where = (d.getSource() == null ? "?" : sources.relativize(Paths.get(d.getSource().toUri())).toString()) + ":" + d.getLineNumber();
      String message = d.getMessage(null);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(where + ": " + message);
      } else if (message.startsWith("[BlockingCall")) {
        String check = message.substring(1, message.indexOf(']'));
        findings.computeIfAbsent(check, c -> new ArrayList<>()).add(where + ": " + message.lines().findFirst().orElse(""));
      }
    }
    StringBuilder report = new StringBuilder("Threadlint on vertx-core sources (" + files.size() + " files)\n");
    findings.forEach((check, list) -> {
      report.append(check).append(": ").append(list.size()).append(" findings\n");
      list.forEach(f -> report.append("  ").append(f).append('\n'));
    });
    System.out.println(report);
    try {
      Files.writeString(root.resolve("findings.txt"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    assertWithMessage("javac errors (a crash of the plugin shows here with the file)\n%s", String.join("\n", errors))
        .that(errors)
        .isEmpty();
    assertWithMessage("compilation result; javac output:\n%s", output).that(success).isTrue();
  }
}
