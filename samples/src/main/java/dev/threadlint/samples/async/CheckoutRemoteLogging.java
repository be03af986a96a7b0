package dev.threadlint.samples.async;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A checkout flow whose audit trail goes to a remote log service. The log client returns a
 * {@code CompletableFuture<Void>} per line, so the first version waited for every write before
 * pricing the cart: {@code checkout} became async, then the controller calling it, then the
 * handler calling that, although nothing in the flow but the log write was asynchronous. A slow log
 * service now delays every checkout, and a failed log write fails the order. The fix hands log
 * lines to a queue-backed logger that ships them from a thread of its own and reports its own
 * failures; checkout is a plain method again, and so are its callers.
 */
public final class CheckoutRemoteLogging {
  private CheckoutRemoteLogging() {}

  record Item(String sku, int quantity, BigDecimal unitPrice) {}

  record Cart(String customerId, List<Item> items) {}

  record Receipt(String customerId, BigDecimal total) {}

  /** The remote log service's client: each call is one HTTP request. */
  interface RemoteLogClient {
    CompletableFuture<Void> log(String line);
  }

  /** Prices a cart; pure computation. */
  static Receipt price(Cart cart) {
    BigDecimal total = BigDecimal.ZERO;
    for (Item item : cart.items()) {
      total = total.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
    }
    return new Receipt(cart.customerId(), total);
  }

  /** Async all the way up, only to wait for log writes. */
  static final class Pitfall {
    private final RemoteLogClient remoteLog;

    Pitfall(RemoteLogClient remoteLog) {
      this.remoteLog = remoteLog;
    }

    // BUG: Diagnostic contains: AsyncOnlyForSideEffect
    // only because it waits for `RemoteLogClient.log(...)`
    CompletableFuture<Receipt> checkout(Cart cart) {
      return remoteLog
          .log("checkout started for " + cart.customerId())
          .thenApply(ignored -> price(cart));
    }

    /** The controller: async now too, because checkout is. */
    CompletableFuture<String> handleCheckout(Cart cart) {
      return checkout(cart).thenApply(receipt -> "total: " + receipt.total());
    }
  }

  /**
   * Ships log lines from a bounded queue on a thread of its own: {@code log} never waits for the
   * service, and failures are reported here instead of failing the caller's work.
   */
  static final class QueueBackedLogger implements AutoCloseable {
    private static final Logger FAILURES = Logger.getLogger(QueueBackedLogger.class.getName());
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(10_000);
    private final RemoteLogClient remoteLog;
    private final Thread shipper;

    QueueBackedLogger(RemoteLogClient remoteLog) {
      this.remoteLog = remoteLog;
      this.shipper = new Thread(this::ship, "remote-log-shipper");
      shipper.setDaemon(true);
      shipper.start();
    }

    /** Enqueues the line; drops it (and says so) when the service has fallen far behind. */
    void log(String line) {
      if (!lines.offer(line)) {
        FAILURES.warning("remote log queue full, dropped: " + line);
      }
    }

    private void ship() {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          String line = lines.poll(1, TimeUnit.SECONDS);
          if (line != null) {
            remoteLog
                .log(line)
                .exceptionally(
                    failure -> {
                      FAILURES.log(Level.WARNING, "remote log write failed: " + line, failure);
                      return null;
                    });
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      shipper.interrupt();
    }
  }

  /** The side effect is decoupled: checkout and its callers are synchronous again. */
  static final class Fix {
    private final QueueBackedLogger log;

    Fix(QueueBackedLogger log) {
      this.log = log;
    }

    Receipt checkout(Cart cart) {
      log.log("checkout started for " + cart.customerId());
      return price(cart);
    }

    String handleCheckout(Cart cart) {
      return "total: " + checkout(cart).total();
    }
  }
}
