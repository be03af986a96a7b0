package dev.threadlint.samples.async;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * A reactive checkout that must write an audit record for every order. The audit client is
 * reactive too: {@code record(...)} returns a {@code Mono<Void>} that performs the write when
 * subscribed. The pitfall calls it as a statement, as one would a blocking client: the
 * {@code Mono} is dropped, nothing subscribes, and no audit record is ever written (no error
 * either). The fix makes the write part of the chain the method returns, so it runs, in order,
 * and its failure fails the checkout.
 */
public final class ReactiveOrderAudit {
  private ReactiveOrderAudit() {}

  record Order(String id, String customerId, long totalCents) {}

  /** A reactive audit client: nothing is written until the returned Mono is subscribed. */
  interface AuditLog {
    Mono<Void> record(String event, String orderId, Instant at);
  }

  /** A reactive order store. */
  interface OrderStore {
    Mono<Order> insert(Order order);
  }

  /** Builds the audit write and drops it: nothing subscribes, nothing is written. */
  static final class Pitfall {
    private final OrderStore orders;
    private final AuditLog audit;

    Pitfall(OrderStore orders, AuditLog audit) {
      this.orders = orders;
      this.audit = audit;
    }

    Mono<Order> checkout(Order order) {
      // BUG: Diagnostic contains: PublisherNeverSubscribed
      // `record(...)` returns a `Mono` that is dropped
      audit.record("checkout", order.id(), Instant.now());
      return orders.insert(order);
    }
  }

  /** The audit write is part of the returned chain. */
  static final class Fix {
    private final OrderStore orders;
    private final AuditLog audit;

    Fix(OrderStore orders, AuditLog audit) {
      this.orders = orders;
      this.audit = audit;
    }

    Mono<Order> checkout(Order order) {
      return audit.record("checkout", order.id(), Instant.now()).then(orders.insert(order));
    }
  }
}
