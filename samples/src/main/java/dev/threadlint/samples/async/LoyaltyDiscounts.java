package dev.threadlint.samples.async;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import reactor.core.publisher.Mono;

/**
 * Loyalty discounts come from a table loaded at start-up. The first version returned them as a
 * {@code CompletableFuture} and a {@code Mono} "to be ready for a remote service later": every
 * return is an already-completed value computed on the caller's thread, yet every caller has to
 * compose or wait, and the async signature spreads up the call chain. The fix returns plain values;
 * callers that need a future wrap the result themselves. A Spring {@code @Async} method is
 * different: its proxy runs it on an executor, so returning {@code completedFuture(result)} is how
 * it is meant to be written.
 */
public final class LoyaltyDiscounts {
  private LoyaltyDiscounts() {}

  private static final Map<String, Integer> PERCENT_BY_TIER = Map.of("gold", 15, "silver", 5);

  /** Async signatures with nothing asynchronous behind them. */
  static final class Pitfall {
    // BUG: Diagnostic contains: NeedlessAsync
    // Make it synchronous (return Integer)
    CompletableFuture<Integer> percentFor(String tier) {
      return CompletableFuture.completedFuture(PERCENT_BY_TIER.getOrDefault(tier, 0));
    }

    // BUG: Diagnostic contains: NeedlessAsync
    Mono<Boolean> isMember(String tier) {
      return Mono.just(PERCENT_BY_TIER.containsKey(tier));
    }
  }

  /** Plain methods; the genuinely asynchronous report is an {@code @Async} method. */
  static final class Fix {
    int percentFor(String tier) {
      return PERCENT_BY_TIER.getOrDefault(tier, 0);
    }

    boolean isMember(String tier) {
      return PERCENT_BY_TIER.containsKey(tier);
    }

    /** Spring's proxy runs this on its executor; the completed future carries the result back. */
    @Async
    public CompletableFuture<String> yearlyReport(String tier) {
      StringBuilder report = new StringBuilder(tier);
      for (int month = 1; month <= 12; month++) {
        report.append('\n').append(month).append(": ").append(percentFor(tier)).append('%');
      }
      return CompletableFuture.completedFuture(report.toString());
    }
  }
}
