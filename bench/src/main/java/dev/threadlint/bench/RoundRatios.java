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
    int rounds = Integer.MAX_VALUE;
    for (Map<Configuration, List<Measurement>> runs : targets) {
      for (Configuration c : Configuration.values()) {
        List<Measurement> list = runs.get(c);
        if (list != null) {
          rounds = Math.min(rounds, list.size());
        }
      }
    }
    List<Double> values = new ArrayList<>();
    for (int round = 0; round < rounds && !targets.isEmpty(); round++) {
      double[] sums = new double[Configuration.values().length];
      java.util.Arrays.fill(sums, Double.NaN);
      for (Map<Configuration, List<Measurement>> runs : targets) {
        for (Configuration c : Configuration.values()) {
          List<Measurement> list = runs.get(c);
          if (list != null) {
            double value = metric.applyAsDouble(list.get(round));
            sums[c.ordinal()] = Double.isNaN(sums[c.ordinal()]) ? value : sums[c.ordinal()] + value;
          }
        }
      }
      double value = ratio.of(sums);
      if (!Double.isNaN(value)) {
        values.add(value);
      }
    }
    return Stats.of(values);
  }
}
