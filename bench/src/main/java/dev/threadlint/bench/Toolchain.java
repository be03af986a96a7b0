package dev.threadlint.bench;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The javac and Error Prone the configurations run: the JDK the harness runs on, Error Prone's
 * processor path as Maven resolves it (error_prone_core and its dependencies, the way
 * maven-compiler-plugin's annotationProcessorPaths does), and the plugin jar of this build.
 *
 * <p>The plugin's checks are listed from the jar itself: each class named in its {@code
 * META-INF/services/com.google.errorprone.bugpatterns.BugChecker}, under the name its
 * {@code @BugPattern} gives (the class's simple name when the annotation names none). A check added
 * to the plugin is measured and counted without touching the harness.
 */
record Toolchain(Path javac, List<Path> errorProne, Path pluginJar, String errorProneVersion, List<String> pluginChecks) {

  private static final String SERVICES = "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";

  /**
   * Reads the toolchain; the plugin jar is copied into {@code work} first, so a rebuild of the
   * checker during a long run cannot swap or delete the jar under the runs.
   */
  static Toolchain load(Path errorProneClasspathFile, Path builtPluginJar, String errorProneVersion, Path work)
      throws IOException {
    List<Path> errorProne = new ArrayList<>();
    for (String entry : Files.readString(errorProneClasspathFile).trim().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        errorProne.add(Path.of(entry));
      }
    }
    if (!Files.isRegularFile(builtPluginJar)) {
      throw new IllegalStateException("plugin jar not found: " + builtPluginJar + " (build it: mvn -pl bench -am ...)");
    }
    Path pluginJar = work.resolve("tools").resolve(builtPluginJar.getFileName());
    Files.createDirectories(pluginJar.getParent());
    Files.copy(builtPluginJar, pluginJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    return new Toolchain(javac, errorProne, pluginJar, errorProneVersion, checksOf(pluginJar, errorProne));
  }

  /** The checks the plugin jar registers, by their Error Prone names. */
  static List<String> checksOf(Path pluginJar, List<Path> errorProne) throws IOException {
    List<String> classNames = new ArrayList<>();
    try (JarFile jar = new JarFile(pluginJar.toFile())) {
      ZipEntry services = jar.getEntry(SERVICES);
      if (services == null) {
        throw new IllegalStateException(pluginJar + " registers no Error Prone check (" + SERVICES + ")");
      }
      String text = new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        String name = line.replaceAll("#.*", "").trim();
        if (!name.isEmpty()) {
          classNames.add(name);
        }
      }
    }
    List<URL> urls = new ArrayList<>();
    urls.add(pluginJar.toUri().toURL());
    for (Path entry : errorProne) {
      urls.add(entry.toUri().toURL());
    }
    List<String> checks = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      @SuppressWarnings("unchecked")
      Class<? extends Annotation> bugPattern =
          (Class<? extends Annotation>) loader.loadClass("com.google.errorprone.BugPattern");
      for (String className : classNames) {
        // Not initialized: reading the annotation needs no check code to run.
        Class<?> check = Class.forName(className, false, loader);
        Annotation annotation = check.getAnnotation(bugPattern);
        String name = annotation == null ? "" : (String) bugPattern.getMethod("name").invoke(annotation);
        checks.add(name.isEmpty() ? check.getSimpleName() : name);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the @BugPattern of the plugin's checks", e);
    }
    return List.copyOf(checks);
  }

  /** Error Prone's processor path, with the plugin when {@code withPlugin}. */
  String processorPath(boolean withPlugin) {
    List<String> entries = new ArrayList<>();
    errorProne.forEach(p -> entries.add(p.toString()));
    if (withPlugin) {
      entries.add(pluginJar.toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
