package dev.threadlint.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the samples the way users build: javac with {@code -Xplugin:ErrorProne} and the plugin
 * found on the processor path (this program's classpath, which holds error_prone_core and the
 * checker). What the plugin reports is what the catalogue shows, so the pages never show a
 * warning the plugin no longer prints.
 */
final class SampleCompiler {
  private static final Pattern CHECK_PREFIX = Pattern.compile("^\\[([A-Za-z0-9_]+)\\] ");

  private SampleCompiler() {}

  /** The findings of the given checks; a compile error stops the generation. */
  static List<Finding> compile(List<Path> files, Set<String> checks, Path classesDir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("no system Java compiler: run the generator on a JDK");
    }
    Files.createDirectories(classesDir);
    String classpath = System.getProperty("java.class.path");
    List<String> options =
        new ArrayList<>(
            List.of(
                "--release", "17",
                "-encoding", "UTF-8",
                "-proc:none",
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-Xplugin:ErrorProne",
                "-processorpath", classpath,
                "-classpath", classpath,
                "-d", classesDir.toString()));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          fileManager.getJavaFileObjectsFromFiles(files.stream().map(Path::toFile).toList());
      ok = javac.getTask(output, fileManager, diagnostics, options, null, units).call();
    }
    List<Finding> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      Matcher check = CHECK_PREFIX.matcher(message);
      if (d.getSource() == null || !check.find() || !checks.contains(check.group(1))) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(describe(d, message));
        }
        continue;
      }
      Path file = Path.of(d.getSource().toUri());
      List<String> lines = Files.readAllLines(file, UTF_8);
      String sourceLine = d.getLineNumber() >= 1 ? lines.get((int) d.getLineNumber() - 1) : "";
      findings.add(
          new Finding(
              file,
              d.getLineNumber(),
              d.getColumnNumber(),
              d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning",
              check.group(1),
              message,
              sourceLine));
    }
    boolean failedOnlyOnFindings = findings.stream().anyMatch(f -> f.kind().equals("error"));
    if (!errors.isEmpty() || (!ok && !failedOnlyOnFindings)) {
      throw new IOException(
          "the samples do not compile with the plugin:\n"
              + String.join("\n", errors)
              + (output.toString().isBlank() ? "" : "\n" + output));
    }
    return findings;
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d, String message) {
    String where = d.getSource() == null ? "" : new File(d.getSource().toUri()).getName() + ":" + d.getLineNumber() + ": ";
    return where + message;
  }
}
