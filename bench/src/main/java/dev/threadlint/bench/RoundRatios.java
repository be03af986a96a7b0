package dev.threadlint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The overhead ratios taken within each round of runs, then summarized over the rounds. A round
 * runs the configurations back to back (a, b, c, ...), so a change in the machine's speed between
 * rounds, which moves every configuration of a round alike, cancels out of a ratio of the same
 * round; a ratio of medians taken over different rounds keeps it. On a noisy machine the two can
 * differ by more than the plugin's whole cost.
 */
final class RoundRatios {
  /** A ratio of one round's values, indexed by {@link Configuration#ordinal()}. */
  interface Ratio {
    double of(double[] round);
  }

  static final Ratio C_OVER_A = v -> v[Configuration.C.ordinal()] / v[Configuration.A.ordinal()];
  static final Ratio PLUGIN_OVER_A =
      v -> (v[Configuration.C.ordinal()] - v[Configuration.B.ordinal()]) / v[Configuration.A.ordinal()];
  static final Ratio E_OVER_D = v -> v[Configuration.E.ordinal()] / v[Configuration.D.ordinal()];

  private RoundRatios() {}

  /**
   * The ratio in each round, over the targets together (their values of round i summed), as
   * {@link Stats}; rounds where a configuration has no run are left out.
   */
  static Stats of(List<Map<Configuration, List<Measurement>>> targets, ToDoubleFunction<Measurement> metric, Ratio ratio) {
    List<Double> values = new ArrayList<>();
    for (double[] sums : roundSums(targets, metric)) {
      double value = ratio.of(sums);
      if (!Double.isNaN(value)) {
        values.add(value);
      }
    }
    return Stats.of(values);
  }

  /**
   * The JIT compilers' part of (c)−(b) in each round, as a share of (a)'s CPU time: (JIT time of
   * c − JIT time of b) / CPU time of a, over the targets together. It tells how much of what the
   * plugin adds is compiling code rather than running it. Rounds without a JIT time are left out.
   */
  static Stats pluginJitOverA(List<Map<Configuration, List<Measurement>>> targets) {
    List<double[]> jit = roundSums(targets, Measurement::jitSeconds);
    List<double[]> cpu = roundSums(targets, Measurement::cpuSeconds);
    int b = Configuration.B.ordinal();
    int c = Configuration.C.ordinal();
    int a = Configuration.A.ordinal();
    List<Double> values = new ArrayList<>();
    for (int round = 0; round < jit.size(); round++) {
      double value = (jit.get(round)[c] - jit.get(round)[b]) / cpu.get(round)[a];
      if (!Double.isNaN(value)) {
        values.add(value);
      }
    }
    return Stats.of(values);
  }

  /**
   * Per round (as many as every configuration that ran has), the metric summed over the targets,
   * indexed by {@link Configuration#ordinal()}; NaN for a configuration that did not run, or
   * whose runs lack the metric.
   */
  private static List<double[]> roundSums(
      List<Map<Configuration, List<Measurement>>> targets, ToDoubleFunction<Measurement> metric) {
    int rounds = Integer.MAX_VALUE;
    for (Map<Configuration, List<Measurement>> runs : targets) {
      for (Configuration c : Configuration.values()) {
        List<Measurement> list = runs.get(c);
        if (list != null) {
          rounds = Math.min(rounds, list.size());
        }
      }
    }
    List<double[]> result = new ArrayList<>();
    for (int round = 0; round < rounds && !targets.isEmpty(); round++) {
      double[] sums = new double[Configuration.values().length];
      boolean[] ran = new boolean[sums.length];
      for (Map<Configuration, List<Measurement>> runs : targets) {
        for (Configuration c : Configuration.values()) {
          List<Measurement> list = runs.get(c);
          if (list != null) {
            sums[c.ordinal()] += metric.applyAsDouble(list.get(round)); // a run without the metric makes it NaN
            ran[c.ordinal()] = true;
          }
        }
      }
      for (int c = 0; c < sums.length; c++) {
        if (!ran[c]) {
          sums[c] = Double.NaN;
        }
      }
      result.add(sums);
    }
    return result;
  }
}
