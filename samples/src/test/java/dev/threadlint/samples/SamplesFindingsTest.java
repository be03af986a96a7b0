package dev.threadlint.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.threadlint.async.AsyncOnlyForSideEffect;
import dev.threadlint.async.NeedlessAsync;
import dev.threadlint.async.NestedFuture;
import dev.threadlint.async.SyncOverAsync;
import dev.threadlint.eventloop.BlockingCallInEventLoop;
import dev.threadlint.eventloop.BlockingCallOnUiThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every sample with the checks listed in {@code CHECKS} and compares the findings with the samples'
 * markers ({@code // BUG: Diagnostic contains: <check name>} before the line of a finding, then
 * optionally {@code //} lines with parts of the expected message, each of which the message must
 * contain): a finding without a marker, or a marker without its finding, fails. The samples are also the
 * catalogue's examples, so this keeps their shape: each file has a nested class {@code Pitfall},
 * which holds the markers, and a nested class {@code Fix}, which has none.
 */
class SamplesFindingsTest {
  private static final String MARKER = "// BUG: Diagnostic contains:";
  private static final List<String> CHECKS =
      List.of(
          checkName(BlockingCallInEventLoop.class),
          checkName(BlockingCallOnUiThread.class),
          checkName(NestedFuture.class),
          checkName(SyncOverAsync.class),
          checkName(NeedlessAsync.class),
          checkName(AsyncOnlyForSideEffect.class));
  private static final Path SOURCES = locateSources();

  @Test
  void findingsMatchTheMarkers() throws IOException {
    CompilationTestHelper helper =
        CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(
                BlockingCallInEventLoop.class,
                BlockingCallOnUiThread.class,
                NestedFuture.class,
                SyncOverAsync.class,
                NeedlessAsync.class,
                AsyncOnlyForSideEffect.class),
            getClass());
    for (Path sample : samples()) {
      helper.addSourceLines(
          SOURCES.relativize(sample).toString(),
          Files.readAllLines(sample, UTF_8).toArray(String[]::new));
    }
    helper.doTest();
  }

  @Test
  void everyMarkerNamesOneOfTheChecks() throws IOException {
    for (Path sample : samples()) {
      for (String marker : markers(sample).values()) {
        assertTrue(
            CHECKS.stream().anyMatch(marker::contains),
            sample.getFileName() + ": the marker '" + marker + "' names no check of " + CHECKS);
      }
    }
  }

  @Test
  void everyCheckHasASample() throws IOException {
    for (String check : CHECKS) {
      long files = 0;
      for (Path sample : samples()) {
        if (markers(sample).values().stream().anyMatch(m -> m.contains(check))) {
          files++;
        }
      }
      assertTrue(files > 0, "no sample shows " + check);
    }
  }

  @Test
  void everySampleHasAPitfallWithTheMarkersAndAFixWithout() throws IOException {
    for (Path sample : samples()) {
      Map<String, long[]> parts = nestedClassLines(sample);
      String name = sample.getFileName().toString();
      assertTrue(parts.containsKey("Pitfall"), name + " has no nested class Pitfall");
      assertTrue(parts.containsKey("Fix"), name + " has no nested class Fix");
      Map<Long, String> markers = markers(sample);
      assertFalse(markers.isEmpty(), name + " marks no finding");
      for (long line : markers.keySet()) {
        assertTrue(
            within(parts.get("Pitfall"), line),
            name + ":" + line + ": a marker outside the Pitfall class");
        assertFalse(
            within(parts.get("Fix"), line), name + ":" + line + ": the Fix must have no finding");
      }
    }
  }

  private static boolean within(long[] range, long line) {
    return range[0] <= line && line <= range[1];
  }

  /** The marker lines of a file (1-based) and their text. */
  private static Map<Long, String> markers(Path sample) throws IOException {
    Map<Long, String> markers = new TreeMap<>();
    List<String> lines = Files.readAllLines(sample, UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(MARKER)) {
        markers.put(i + 1L, lines.get(i).trim());
      }
    }
    return markers;
  }

  /** The first and last line of each class nested directly in the file's top-level classes. */
  private static Map<String, long[]> nestedClassLines(Path sample) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(sample);
      JavacTask task =
          (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, units);
      Map<String, long[]> parts = new TreeMap<>();
      for (CompilationUnitTree unit : task.parse()) {
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        LineMap lineMap = unit.getLineMap();
        for (Tree type : unit.getTypeDecls()) {
          if (!(type instanceof ClassTree outer)) {
            continue;
          }
          for (Tree member : outer.getMembers()) {
            if (member instanceof ClassTree nested) {
              parts.put(
                  nested.getSimpleName().toString(),
                  new long[] {
                    lineMap.getLineNumber(positions.getStartPosition(unit, nested)),
                    lineMap.getLineNumber(positions.getEndPosition(unit, nested))
                  });
            }
          }
        }
      }
      return parts;
    }
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> samples = new ArrayList<>();
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(samples::add);
      if (samples.isEmpty()) {
        throw new IOException("no samples under " + SOURCES);
      }
      return samples;
    }
  }

  /**
   * {@code samples/src/main/java}, whether the tests run in the module directory (Maven's default)
   * or in the repository root (an IDE).
   */
  private static Path locateSources() {
    List<Path> starts = new ArrayList<>();
    String basedir = System.getProperty("basedir");
    if (basedir != null) {
      starts.add(Path.of(basedir));
    }
    starts.add(Path.of("").toAbsolutePath());
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        for (Path candidate :
            List.of(dir.resolve("src/main/java"), dir.resolve("samples/src/main/java"))) {
          if (Files.isDirectory(candidate.resolve("dev/threadlint/samples"))) {
            return candidate;
          }
        }
      }
    }
    throw new UncheckedIOException(
        new IOException("samples/src/main/java not found from " + starts));
  }

  private static String checkName(Class<? extends BugChecker> check) {
    return BugCheckerInfo.create(check).canonicalName();
  }
}
