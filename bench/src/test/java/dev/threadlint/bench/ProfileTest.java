package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
