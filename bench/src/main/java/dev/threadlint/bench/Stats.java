package dev.threadlint.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and spread of repeated measurements. */
record Stats(double median, double min, double max, int count) {

  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
  }

  /** Half the range as a share of the median: {@code ±3%}. */
  double spreadPercent() {
    return median == 0 ? 0 : (max - min) / 2 / median * 100;
  }

  /** {@code 12.3 s ±4%}. */
  String format(String unit) {
    if (count == 0) {
      return "–";
    }
    return String.format("%.1f%s ±%.0f%%", median, unit, spreadPercent());
  }
}
