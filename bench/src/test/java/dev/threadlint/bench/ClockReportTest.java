package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockReportTest {
  @Test
  void readsBackTheLinesMainPrints() {
    String log =
        String.join(
            "\n",
            "Foo.java:3: warning: [BlockingUnderLock] ...",
            ClockReport.LINE + "(set-up) 80000000",
            ClockReport.LINE + "UnsynchronizedSharedMutation 530000000",
            ClockReport.LINE + "BlockingUnderLock 40000000",
            "1 warning");

    ClockReport.Timings clock = ClockReport.parse(log);

    assertEquals(Duration.ofMillis(80), clock.initialization());
    assertEquals(List.of("UnsynchronizedSharedMutation", "BlockingUnderLock"), List.copyOf(clock.byCheck().keySet()));
    assertEquals(Duration.ofMillis(570), clock.checks());
    assertEquals(
        "Error Prone set-up 0.08 s, checks 0.57 s: UnsynchronizedSharedMutation 0.53 s",
        clock.describe(1));
  }

  @Test
  void noClockWithoutTheSetUpLine() {
    assertNull(ClockReport.parse("Foo.java:3: warning: [BlockingUnderLock] ...\n1 warning"));
  }
}
