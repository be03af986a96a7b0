package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavacRunTest {
  private static final Path LOG = Path.of("in-process.log");

  @Test
  void theInProcessSummaryIsTheEndOfTheOutputWithoutItsPrefix() {
    String output =
        """
        [in-process] warm-up 1/3  a-run1.args  wall   9.76 s  cpu  18.92 s  javac thread   7.58 s  exit 0
        [in-process]   Error Prone set-up 0.09 s, checks 0.07 s: UnicodeDirectionalityCharacters 0.07 s
        [in-process] compilation 3/3  c-run1.args  wall   5.42 s  cpu  10.48 s  javac thread   4.55 s  exit 0
        [in-process] summary of 1 rounds, medians:
        [in-process]   a-run1.args  cpu 3.0 s ±0%  javac thread 2.0 s ±0%
        [in-process] differences within each round, as a share of a (median [lowest, highest]):
        [in-process]   (c − a)/a  cpu +30.0% [+30.0, +30.0]  javac thread +20.0% [+20.0, +20.0]
        """;

    String summary = new JavacRun.InProcessRun(output, 0, LOG).summary();

    assertEquals(
        """
        summary of 1 rounds, medians:
          a-run1.args  cpu 3.0 s ±0%  javac thread 2.0 s ±0%
        differences within each round, as a share of a (median [lowest, highest]):
          (c − a)/a  cpu +30.0% [+30.0, +30.0]  javac thread +20.0% [+20.0, +20.0]
        """,
        summary);
  }

  @Test
  void aRunThatDiedBeforeItsSummaryHasNone() {
    String output = "[in-process] warm-up 1/3  a-run1.args  wall 9.76 s\nException in thread \"main\" java.lang.OutOfMemoryError\n";

    assertEquals("", new JavacRun.InProcessRun(output, 1, LOG).summary());
  }

  @Test
  void sourcesWithoutProcessorsCompileWithProcessingOff() {
    assertEquals(
        List.of("-processorpath", "/ep.jar", "-proc:none"),
        JavacRun.withProcessors(List.of("-processorpath", "/ep.jar"), List.of()));
  }

  @Test
  void theProjectsProcessorsFollowErrorProneOnItsProcessorPath() {
    assertEquals(
        List.of("-processorpath", "/ep.jar:/plugin.jar" + File.pathSeparator + "/lombok.jar"),
        JavacRun.withProcessors(List.of("-processorpath", "/ep.jar:/plugin.jar"), List.of(Path.of("/lombok.jar"))));
  }

  @Test
  void plainJavacGetsAProcessorPathOfTheProjectsProcessorsOnly() {
    assertEquals(
        List.of("-processorpath", "/lombok.jar"), JavacRun.withProcessors(List.of(), List.of(Path.of("/lombok.jar"))));
  }

  @Test
  void aProjectsErrorProneFlagsFollowTheConfigurationsOnes() {
    assertEquals(
        List.of("-processorpath", "/ep.jar", "-Xplugin:ErrorProne -XepAllErrorsAsWarnings -Xep:Foo:OFF"),
        JavacRun.withErrorProneFlags(
            List.of("-processorpath", "/ep.jar", "-Xplugin:ErrorProne -XepAllErrorsAsWarnings"), List.of("-Xep:Foo:OFF")));
    assertEquals(List.of(), JavacRun.withErrorProneFlags(List.of(), List.of("-Xep:Foo:OFF")));
  }
}
