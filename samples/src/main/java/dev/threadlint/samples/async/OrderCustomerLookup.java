package dev.threadlint.samples.async;

import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Looking up the customer of an order takes two remote calls, the second depending on the first.
 * Mapping the first result with a function that returns a future ({@code thenApply}, {@code map})
 * nests one future inside another: callers have to unwrap twice, and an error of the inner call
 * travels inside a successful outer future, where it is easily lost. {@code thenCompose} and
 * {@code flatMap} flatten the two steps into one future.
 */
public final class OrderCustomerLookup {
  private OrderCustomerLookup() {}

  record Order(String id, String customerId) {}

  record Customer(String id, String email) {}

  interface Orders {
    CompletableFuture<Order> find(String orderId);

    Mono<Order> findReactive(String orderId);
  }

  interface Customers {
    CompletableFuture<Customer> find(String customerId);

    Mono<Customer> findReactive(String customerId);
  }

  /** A future of a future, unwrapped by hand. */
  static final class Pitfall {
    private final Orders orders;
    private final Customers customers;

    Pitfall(Orders orders, Customers customers) {
      this.orders = orders;
      this.customers = customers;
    }

    CompletableFuture<Customer> customerOf(String orderId) {
      return orders
          .find(orderId)
          // BUG: Diagnostic contains: NestedFuture
          // use `thenCompose`
          .thenApply(order -> customers.find(order.customerId()))
          .thenCompose(inner -> inner);
    }

    Mono<Mono<Customer>> customerOfReactive(String orderId) {
      // BUG: Diagnostic contains: NestedFuture
      // use `flatMap`
      return orders.findReactive(orderId).map(order -> customers.findReactive(order.customerId()));
    }
  }

  /** One flat future per lookup. */
  static final class Fix {
    private final Orders orders;
    private final Customers customers;

    Fix(Orders orders, Customers customers) {
      this.orders = orders;
      this.customers = customers;
    }

    CompletableFuture<Customer> customerOf(String orderId) {
      return orders.find(orderId).thenCompose(order -> customers.find(order.customerId()));
    }

    Mono<Customer> customerOfReactive(String orderId) {
      return orders.findReactive(orderId).flatMap(order -> customers.findReactive(order.customerId()));
    }
  }
}
