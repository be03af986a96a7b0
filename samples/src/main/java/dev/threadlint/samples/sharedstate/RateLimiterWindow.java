package dev.threadlint.samples.sharedstate;

import java.time.Clock;

/**
 * A per-client rate limiter counts the requests of the current one-second window. Request threads
 * call {@code tryAcquire()}; an admin endpoint calls {@code resetWindow()} to clear the count when an
 * operator lifts a ban. Every path that counts holds the monitor, but the reset was added later without it: it
 * can interleave with a {@code tryAcquire()} between its check and its increment, so a reset is
 * lost or a request is counted into a window that was just cleared. The fix holds the same
 * monitor in the reset.
 */
public final class RateLimiterWindow {
  private RateLimiterWindow() {}

  /** Counts under the monitor, resets without it. */
  static final class Pitfall {
    private final Clock clock;
    private final int limit;
    private long windowStart;
    private int used;

    Pitfall(Clock clock, int limit) {
      this.clock = clock;
      this.limit = limit;
      this.windowStart = clock.millis();
    }

    synchronized boolean tryAcquire() {
      long now = clock.millis();
      if (now - windowStart >= 1000) {
        windowStart = now;
        used = 0;
      }
      if (used >= limit) {
        return false;
      }
      used++;
      return true;
    }

    synchronized int remaining() {
      return Math.max(0, limit - used);
    }

    void resetWindow() {
      // BUG: Diagnostic contains: InconsistentSynchronization
      // `used` is written here without a lock, but 2 of its 2 other writes hold one
      used = 0;
    }
  }

  /** The reset takes the monitor like every other path. */
  static final class Fix {
    private final Clock clock;
    private final int limit;
    private long windowStart;
    private int used;

    Fix(Clock clock, int limit) {
      this.clock = clock;
      this.limit = limit;
      this.windowStart = clock.millis();
    }

    synchronized boolean tryAcquire() {
      long now = clock.millis();
      if (now - windowStart >= 1000) {
        windowStart = now;
        used = 0;
      }
      if (used >= limit) {
        return false;
      }
      used++;
      return true;
    }

    synchronized int remaining() {
      return Math.max(0, limit - used);
    }

    synchronized void resetWindow() {
      used = 0;
    }
  }
}
