package dev.threadlint.samples.sharedstate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A ledger keeps balances and an audit journal, each behind its own lock so that reading the
 * journal does not stop payments. A payment locks the balances and then appends to the journal;
 * the nightly audit locks the journal and then, through a helper, reads the balances. Run at the
 * same time, each thread takes its first lock and waits forever for the other's: the payment
 * service hangs until restarted. The fix takes the two locks in one order everywhere (balances,
 * then journal).
 */
public final class LedgerLockOrder {
  private LedgerLockOrder() {}

  /** Payments take balances then journal; the audit takes journal then balances. */
  static final class Pitfall {
    private final ReentrantLock balancesLock = new ReentrantLock();
    private final ReentrantLock journalLock = new ReentrantLock();
    private final Map<String, Long> balances = new HashMap<>();
    private final List<String> journal = new ArrayList<>();

    void pay(String from, String to, long cents) {
      balancesLock.lock();
      try {
        balances.merge(from, -cents, Long::sum);
        balances.merge(to, cents, Long::sum);
        // BUG: Diagnostic contains: LockOrderInversion
        // `journalLock` is taken here
        journalLock.lock();
        try {
          journal.add(from + " -> " + to + ": " + cents);
        } finally {
          journalLock.unlock();
        }
      } finally {
        balancesLock.unlock();
      }
    }

    String audit() {
      journalLock.lock();
      try {
        // BUG: Diagnostic contains: LockOrderInversion
        // `balancesLock` is taken here (`total()` at line
        return journal.size() + " entries, total " + total();
      } finally {
        journalLock.unlock();
      }
    }

    private long total() {
      balancesLock.lock();
      try {
        return balances.values().stream().mapToLong(Long::longValue).sum();
      } finally {
        balancesLock.unlock();
      }
    }
  }

  /** Balances first, journal second, in every path. */
  static final class Fix {
    private final ReentrantLock balancesLock = new ReentrantLock();
    private final ReentrantLock journalLock = new ReentrantLock();
    private final Map<String, Long> balances = new HashMap<>();
    private final List<String> journal = new ArrayList<>();

    void pay(String from, String to, long cents) {
      balancesLock.lock();
      try {
        balances.merge(from, -cents, Long::sum);
        balances.merge(to, cents, Long::sum);
        journalLock.lock();
        try {
          journal.add(from + " -> " + to + ": " + cents);
        } finally {
          journalLock.unlock();
        }
      } finally {
        balancesLock.unlock();
      }
    }

    String audit() {
      long total = total();
      journalLock.lock();
      try {
        return journal.size() + " entries, total " + total;
      } finally {
        journalLock.unlock();
      }
    }

    private long total() {
      balancesLock.lock();
      try {
        return balances.values().stream().mapToLong(Long::longValue).sum();
      } finally {
        balancesLock.unlock();
      }
    }
  }
}
