package dev.threadlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One set of sources the harness compiles as a single javac invocation: a project of the corpus
 * or one size of the synthetic code.
 *
 * @param lines physical lines of the compiled files (comments and blank lines included, as {@code
 *     wc -l} counts them)
 * @param processorPath the annotation processors the sources need (none: javac runs with {@code
 *     -proc:none})
 * @param errorProneFlags more flags for Error Prone, in the configurations that run it
 */
record Target(
    String name,
    Path sources,
    List<Path> files,
    List<Path> classpath,
    long lines,
    List<Path> processorPath,
    List<String> errorProneFlags) {
  static final String SYNTHETIC_PREFIX = "synthetic-";

  /** Whether this is generated code (its findings are planted, not triaged). */
  boolean isSynthetic() {
    return name.startsWith(SYNTHETIC_PREFIX);
  }

  /**
   * The {@code .java} files under {@code sources}, without module descriptors, {@code excluded}
   * names and the files under {@code excluded} folders (ending in {@code /}).
   */
  static Target of(String name, Path sources, List<Path> classpath, Set<String> excluded) throws IOException {
    return of(name, sources, classpath, excluded, List.of(), List.of());
  }

  /**
   * As {@link #of(String, Path, List, Set)}, compiled with the annotation processors {@code
   * processorPath} and the Error Prone flags {@code errorProneFlags}.
   */
  static Target of(
      String name,
      Path sources,
      List<Path> classpath,
      Set<String> excluded,
      List<Path> processorPath,
      List<String> errorProneFlags)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("module-info.java"))
              .filter(p -> !isExcluded(sources.relativize(p), excluded))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no .java files under " + sources);
    }
    long lines = 0;
    for (Path file : files) {
      lines += countLines(file);
    }
    return new Target(name, sources, files, classpath, lines, processorPath, errorProneFlags);
  }

  /**
   * Whether {@code relative} (a path under the sources) is left out: its file name is one of
   * {@code excluded}, or it lies under one of the folders there (entries ending in {@code /},
   * relative to the sources).
   */
  private static boolean isExcluded(Path relative, Set<String> excluded) {
    if (excluded.contains(relative.getFileName().toString())) {
      return true;
    }
    String path = relative.toString().replace('\\', '/');
    for (String entry : excluded) {
      if (entry.endsWith("/") && path.startsWith(entry)) {
        return true;
      }
    }
    return false;
  }

  static long countLines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
  }
}
