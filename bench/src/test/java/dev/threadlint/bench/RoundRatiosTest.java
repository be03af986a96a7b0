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

  private static Measurement cpuAndJit(double cpu, double jit) {
    return new Measurement(cpu, cpu, 0, 0, jit);
  }

  @Test
  void theJitPartOfThePluginsCostIsTakenWithinEachRound() {
    // Round 1: c adds 2 s of CPU to b, 1.5 s of it JIT, over a's 10 s: 15%. Round 2 ran twice as
    // slow, JIT included: still 15%. A second target in the same rounds is summed in.
    Map<Configuration, List<Measurement>> first =
        Map.of(
            Configuration.A, List.of(cpuAndJit(10, 6), cpuAndJit(20, 12)),
            Configuration.B, List.of(cpuAndJit(11, 6.5), cpuAndJit(22, 13)),
            Configuration.C, List.of(cpuAndJit(13, 8), cpuAndJit(26, 16)));
    Map<Configuration, List<Measurement>> second =
        Map.of(
            Configuration.A, List.of(cpuAndJit(10, 5), cpuAndJit(20, 10)),
            Configuration.B, List.of(cpuAndJit(10, 5), cpuAndJit(20, 10)),
            Configuration.C, List.of(cpuAndJit(10, 5.5), cpuAndJit(20, 11)));

    Stats one = RoundRatios.pluginJitOverA(List.of(first));
    Stats both = RoundRatios.pluginJitOverA(List.of(first, second));

    assertEquals(2, one.count());
    assertEquals(0.15, one.min(), 1e-9);
    assertEquals(0.15, one.max(), 1e-9);
    assertEquals(0.1, both.median(), 1e-9); // (1.5 + 0.5) / (10 + 10)
  }

  @Test
  void aRoundWithoutAJitTimeGivesNoJitShare() {
    // The second target's c run of round 1 has no JIT report (NaN): that round is left out, not
    // computed as if the target had not run.
    Map<Configuration, List<Measurement>> first =
        Map.of(
            Configuration.A, List.of(cpuAndJit(10, 6), cpuAndJit(10, 6)),
            Configuration.B, List.of(cpuAndJit(11, 6), cpuAndJit(11, 6)),
            Configuration.C, List.of(cpuAndJit(12, 7), cpuAndJit(12, 7)));
    Map<Configuration, List<Measurement>> second =
        Map.of(
            Configuration.A, List.of(cpuAndJit(10, 6), cpuAndJit(10, 6)),
            Configuration.B, List.of(cpuAndJit(11, 6), cpuAndJit(11, 6)),
            Configuration.C, List.of(cpu(12), cpuAndJit(12, 8)));

    Stats s = RoundRatios.pluginJitOverA(List.of(second, first)); // the target without it first

    assertEquals(1, s.count());
    assertEquals(0.15, s.median(), 1e-9); // round 2 only: (1 + 2) / 20
  }
}
