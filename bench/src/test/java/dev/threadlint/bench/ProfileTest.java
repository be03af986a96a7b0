package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

  @Test
  void threadsAreGroupedAsJavacsOwnTheJitCompilersAndTheRest() {
    assertEquals("javac thread", Profile.group("main"));
    assertEquals("C2 compiler", Profile.group("C2 CompilerThread0"));
    assertEquals("C1 compiler", Profile.group("C1 CompilerThread1"));
    assertEquals("other", Profile.group("JFR Periodic Tasks"));
    assertEquals("other", Profile.group(null));
  }

  @Test
  void cpuOfABusyThreadNamedMainIsCountedAsJavacs(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("spin.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
      recording.enable("jdk.CPUInformation");
      recording.start();
      Thread spinner = new Thread(ProfileTest::spin, "main"); // javac's thread is called main
      spinner.start();
      spinner.join();
      recording.stop();
      recording.dump(file);
    }
    assertTrue(Files.size(file) > 0);

    Map<String, Double> cpu = Profile.cpuByThreadGroup(file);

    // The spinner burns 800 ms of CPU.
    double javac = cpu.get("javac thread");
    assertTrue(javac > 0.5 && javac < 1.2, "javac thread CPU: " + cpu);
  }

  @Test
  void jitCompilationsAreGroupedByWhoseCodeTheyCompiled() {
    assertEquals("plugin", Profile.owner("dev.threadlint.model.ContextResolver"));
    assertEquals("Error Prone", Profile.owner("com.google.errorprone.scanner.ErrorProneScanner"));
    assertEquals("javac", Profile.owner("com.sun.tools.javac.comp.Attr"));
    assertEquals("javac", Profile.owner("com.sun.source.util.TreeScanner"));
    assertEquals("JDK", Profile.owner("java.util.HashMap"));
    assertEquals("JDK", Profile.owner("jdk.internal.misc.Unsafe"));
    assertEquals("other", Profile.owner("com.google.common.collect.ImmutableList"));
  }

  @Test
  void theJitTimeOfAMethodThatGetsHotIsCountedForItsOwner(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jit.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
      recording.start();
      long sum = 0;
      for (int i = 0; i < 200_000; i++) {
        sum += hot(i); // far past the invocation count at which C1 compiles a method
      }
      assertTrue(sum != 0);
      Thread.sleep(200); // let a queued compilation finish
      recording.stop();
      recording.dump(file);
    }

    Map<String, double[]> jit = Profile.jitByOwner(file);

    // This test class is in dev.threadlint.*, so its hot method counts as the plugin's.
    assertTrue(jit.containsKey("plugin"), "owners: " + jit.keySet());
    assertTrue(jit.get("plugin")[0] + jit.get("plugin")[1] > 0, "plugin JIT time");
  }

  @Test
  void theSummaryEstimatesThePluginsOwnCostFromItsSamplesAndItsJit(@TempDir Path dir) throws Exception {
    Path file = recordSpin(dir.resolve("estimate.jfr"), true);

    String summary = Profile.summarize(file);

    // Every sample is in this class's spin (dev.threadlint.*: the plugin's), so the estimate's
    // javac-thread part is about the spinner's 800 ms of CPU. The JIT part cannot be asserted
    // positive here: whether spin is compiled during this recording or was already compiled by
    // an earlier test depends on the order JUnit runs the tests in (a CI run failed on that).
    // theJitTimeOfAMethodThatGetsHotIsCountedForItsOwner checks the JIT side; this checks that
    // the estimate adds the two.
    Matcher estimate =
        Pattern.compile(
                "estimated: ([0-9.]+) s on the javac thread .* \\+ ([0-9.]+) s of JIT compiling its methods"
                    + " = ([0-9.]+) s")
            .matcher(summary);
    assertTrue(estimate.find(), summary);
    double analysis = Double.parseDouble(estimate.group(1));
    double compiling = Double.parseDouble(estimate.group(2));
    double total = Double.parseDouble(estimate.group(3));
    assertTrue(analysis > 0.4 && analysis < 1.2, summary);
    assertTrue(compiling >= 0, summary);
    assertTrue(Math.abs(total - (analysis + compiling)) <= 0.011, summary); // each printed to 0.01
  }

  @Test
  void withNoCompilationOfAPluginMethodTheEstimateCountsNoJit(@TempDir Path dir) throws Exception {
    // The CI failure of 2026-12-07: when spin had been compiled by an earlier test, the recording
    // held no compilation of a plugin method and the estimate was left out. Here no compilation
    // is recorded at all.
    Path file = recordSpin(dir.resolve("no-jit.jfr"), false);

    String summary = Profile.summarize(file);

    assertTrue(summary.matches("(?s).*estimated: [0-9.]+ s on the javac thread .* \\+ 0\\.00 s of JIT compiling its methods = [0-9.]+ s.*"), summary);
  }

  /**
   * Records {@link #spin} on a thread named like javac's: CPU samples and thread CPU, and every JIT
   * compilation if {@code compilations}.
   */
  private static Path recordSpin(Path file, boolean compilations) throws Exception {
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
      if (compilations) {
        recording.enable("jdk.CPUInformation");
        recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
      }
      recording.start();
      Thread spinner = new Thread(ProfileTest::spin, "main");
      spinner.start();
      spinner.join();
      recording.stop();
      recording.dump(file);
    }
    return file;
  }

  private static long hot(int i) {
    return (i * 31L) ^ (i >>> 3);
  }

  /**
   * Burns 800 ms of this thread's CPU time, not of wall time: on a busy machine (a CI build
   * beside other work) a wall-clock spin got only 0.39 s of CPU and failed the test.
   */
  private static void spin() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long giveUp = System.nanoTime() + 30_000_000_000L;
    double x = 0;
    while (threads.getCurrentThreadCpuTime() - start < 800_000_000L && System.nanoTime() < giveUp) {
      for (int i = 0; i < 10_000; i++) {
        x += Math.sqrt(x + 1);
      }
    }
    if (x < 0) {
      throw new AssertionError();
    }
  }
}
