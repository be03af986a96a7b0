package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfAnOddCount() {
    Stats s = Stats.of(List.of(12.0, 10.0, 11.0));
    assertEquals(11.0, s.median());
    assertEquals(10.0, s.min());
    assertEquals(12.0, s.max());
    assertEquals(100.0 / 11, s.spreadPercent(), 1e-9);
  }

  @Test
  void medianOfAnEvenCount() {
    assertEquals(10.5, Stats.of(List.of(10.0, 11.0, 12.0, 9.0)).median());
  }

  @Test
  void noRunsGiveADash() {
    Stats s = Stats.of(List.of());
    assertTrue(Double.isNaN(s.median()));
    assertEquals("–", s.format(" s"));
  }
}
