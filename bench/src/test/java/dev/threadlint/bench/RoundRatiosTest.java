package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRatiosTest {
  private static Measurement cpu(double seconds) {
    return new Measurement(seconds, seconds, 0, 0);
  }

  @Test
  void aSlowRoundCancelsOutOfItsOwnRatio() {
    // Round 2 ran on a machine twice as slow: every configuration doubled. Medians over rounds
    // would compare b's slow run with c's fast ones; within each round the plugin costs 10% of a.
    Map<Configuration, List<Measurement>> runs =
        Map.of(
            Configuration.A, List.of(cpu(10), cpu(20), cpu(10)),
            Configuration.B, List.of(cpu(11), cpu(22), cpu(11)),
            Configuration.C, List.of(cpu(12), cpu(24), cpu(12)));

    Stats overhead = RoundRatios.of(List.of(runs), Measurement::cpuSeconds, RoundRatios.PLUGIN_OVER_A);
    Stats whole = RoundRatios.of(List.of(runs), Measurement::cpuSeconds, RoundRatios.C_OVER_A);

    assertEquals(3, overhead.count());
    assertEquals(0.1, overhead.min(), 1e-9);
    assertEquals(0.1, overhead.max(), 1e-9);
    assertEquals(1.2, whole.median(), 1e-9);
  }

  @Test
  void targetsAreSummedWithinARound() {
    Map<Configuration, List<Measurement>> small = Map.of(Configuration.A, List.of(cpu(1)), Configuration.C, List.of(cpu(2)));
    Map<Configuration, List<Measurement>> large = Map.of(Configuration.A, List.of(cpu(9)), Configuration.C, List.of(cpu(10)));

    Stats whole = RoundRatios.of(List.of(small, large), Measurement::cpuSeconds, RoundRatios.C_OVER_A);

    assertEquals(1.2, whole.median(), 1e-9); // (2 + 10) / (1 + 9), not the mean of 2.0 and 1.11
  }

  @Test
  void onlyRoundsWhereEveryConfigurationRanCount() {
    Map<Configuration, List<Measurement>> runs =
        Map.of(Configuration.A, List.of(cpu(10), cpu(10)), Configuration.C, List.of(cpu(11)));

    assertEquals(1, RoundRatios.of(List.of(runs), Measurement::cpuSeconds, RoundRatios.C_OVER_A).count());
  }

  @Test
  void aRatioOfConfigurationsNotRunIsNoValue() {
    Map<Configuration, List<Measurement>> runs = Map.of(Configuration.A, List.of(cpu(10)), Configuration.C, List.of(cpu(11)));

    Stats s = RoundRatios.of(List.of(runs), Measurement::cpuSeconds, RoundRatios.E_OVER_D);

    assertEquals(0, s.count());
    assertTrue(Double.isNaN(s.median()));
  }
}
