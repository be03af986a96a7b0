package dev.threadlint;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A source compiled through {@code -Xplugin:ErrorProne} with all of the plugin's checks and none
 * of Error Prone's, whose expected findings are marked in it: {@code // expect: Check} (or {@code
 * // expect: CheckA, CheckB}) at the end of each line a check must report, and no other line
 * reported. The checks run in strict mode (see the build), so an internal error fails the
 * compilation.
 */
final class MarkedFindings {
  private static final Pattern EXPECT = Pattern.compile("// expect: (\\w+(?:, \\w+)*)");
  private static final Pattern REPORTED = Pattern.compile("^\\[(\\w+)\\] ");

  private MarkedFindings() {}

  /**
   * Writes {@code source} to {@code file}, compiles it with the plugin's checks only (and {@code
   * processors}, more annotation processors), and asserts that it compiles and that the checks
   * report exactly the lines marked {@code // expect: Check}.
   */
  static void assertFindings(Path file, String source, List<File> processors) {
    Compilation compilation = compile(file, source, processors);
    assertThat(compilation).succeeded();
    assertThat(reported(compilation)).containsExactlyElementsIn(expected(source));
  }

  /** Writes {@code source} to {@code file} and compiles it as {@link #assertFindings} does. */
  static Compilation compile(Path file, String source, List<File> processorJars) {
    List<File> classpath = new ArrayList<>(PluginClasspath.files());
    classpath.addAll(processorJars);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      return Compiler.javac()
          .withOptions("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", pluginFlags())
          .withAnnotationProcessorPath(PluginClasspath.files())
          .withProcessors(processorsIn(processorJars))
          .withClasspath(classpath)
          .compile(JavaFileObjects.forResource(file.toUri().toURL()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The annotation processors the jars register as services. Handed to javac as instances:
   * compile-testing sets javac's processors (none by default), which turns off their discovery on
   * the processor path.
   */
  private static List<Processor> processorsIn(List<File> jars) throws IOException {
    if (jars.isEmpty()) {
      return List.of();
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toURI().toURL();
    }
    // Not closed: javac loads the processors' classes while it compiles, after this returns.
    ClassLoader loader = new URLClassLoader(urls, MarkedFindings.class.getClassLoader());
    List<Processor> found = new ArrayList<>();
    for (ServiceLoader.Provider<Processor> provider : ServiceLoader.load(Processor.class, loader).stream().toList()) {
      if (provider.type().getClassLoader() == loader) {
        found.add(provider.get()); // not the test classpath's own processors (vertx-codegen's)
      }
    }
    assertWithMessage("annotation processors in %s", jars).that(found).isNotEmpty();
    return found;
  }

  /** Only this plugin's checks, each named: Error Prone's own are not what is tested here. */
  private static String pluginFlags() {
    StringBuilder flags = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    int checks = 0;
    for (ServiceLoader.Provider<BugChecker> provider : ServiceLoader.load(BugChecker.class).stream().toList()) {
      Class<? extends BugChecker> type = provider.type();
      if (type.getName().startsWith("dev.threadlint.")) {
        BugPattern pattern = type.getAnnotation(BugPattern.class);
        String name = pattern.name().isEmpty() ? type.getSimpleName() : pattern.name();
        flags.append(" -Xep:").append(name).append(":WARN");
        checks++;
      }
    }
    assertWithMessage("the plugin's checks registered as services").that(checks).isEqualTo(15);
    return flags.toString();
  }

  private static TreeSet<String> expected(String source) {
    TreeSet<String> expected = new TreeSet<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = EXPECT.matcher(lines.get(i));
      if (marker.find()) {
        for (String check : marker.group(1).split(", ")) {
          expected.add(check + " at line " + (i + 1));
        }
      }
    }
    assertWithMessage("expectations in the source").that(expected).isNotEmpty();
    return expected;
  }

  private static TreeSet<String> reported(Compilation compilation) {
    TreeSet<String> reported = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      Matcher check = REPORTED.matcher(d.getMessage(null));
      if (check.find()) {
        reported.add(check.group(1) + " at line " + d.getLineNumber());
      }
    }
    return reported;
  }
}
