package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasurementTest {
  private static final String REPORT = """
      \tCommand being timed: "javac @a-run1.args"
      \tUser time (seconds): 18.86
      \tSystem time (seconds): 1.23
      \tPercent of CPU this job got: 97%
      \tElapsed (wall clock) time (h:mm:ss or m:ss): 1:20.52
      \tMaximum resident set size (kbytes): 425888
      \tExit status: 0
      """;

  @Test
  void readsWallCpuMemoryAndExitStatus() {
    Measurement m = Measurement.parseTimeVerbose(REPORT);
    assertEquals(80.52, m.wallSeconds(), 1e-9);
    assertEquals(20.09, m.cpuSeconds(), 1e-9);
    assertEquals(425888, m.peakRssKb());
    assertEquals(0, m.exitStatus());
  }

  /** The end of what {@code -XX:+CITime} prints when the JVM exits (JDK 17; JDK 25's has the same line). */
  static final String CI_TIME = """
      warning: [Deprecation] ...
      Accumulated compiler times
      ----------------------------------------------------------
        Total compilation time   :   6.104 s
          Standard compilation   :   6.012 s, Average : 0.001 s
          Bailed out compilation :   0.000 s, Average : 0.000 s
          On stack replacement   :   0.092 s, Average : 0.002 s
          C1 Compile Time:        2.358 s
          C2 Compile Time:        3.748 s
      """;

  @Test
  void readsTheJitTimeFromTheVmsReportInTheOutput() {
    Measurement m = Measurement.parseTimeVerbose(REPORT).withJitFrom(CI_TIME);
    assertEquals(6.104, m.jitSeconds(), 1e-9);
    assertEquals(20.09, m.cpuSeconds(), 1e-9);
  }

  @Test
  void withoutTheVmsReportTheJitTimeIsUnknown() {
    Measurement m = Measurement.parseTimeVerbose(REPORT).withJitFrom("error: cannot find symbol\n");
    assertTrue(Double.isNaN(m.jitSeconds()));
  }

  @Test
  void readsHoursInTheClock() {
    assertEquals(3723.5, Measurement.clock("1:02:03.5"), 1e-9);
  }

  @Test
  void rejectsAReportWithoutTheFields() {
    assertThrows(IllegalArgumentException.class, () -> Measurement.parseTimeVerbose("Command terminated by signal 9"));
  }
}
