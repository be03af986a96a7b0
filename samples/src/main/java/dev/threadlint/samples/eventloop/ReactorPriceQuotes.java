package dev.threadlint.samples.eventloop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A stream of price quotes built with Reactor on a legacy JDBC price table. A {@code map} operator
 * runs on whatever thread delivers the element: a Reactor Netty event loop when the SKUs come from
 * a request, a {@code parallel} thread after {@code interval} or {@code delayElements}. The JDBC
 * query in the map holds that thread for every SKU, so a slow database stalls unrelated requests
 * or timers. The fix wraps the query in {@code Mono.fromCallable} subscribed on {@code
 * boundedElastic}, the scheduler meant for blocking work, and merges the results with a bounded
 * {@code flatMap}.
 */
public final class ReactorPriceQuotes {
  /** At most this many queries in flight: the connection pool is not larger. */
  private static final int MAX_CONCURRENT_QUERIES = 8;

  private ReactorPriceQuotes() {}

  record Quote(String sku, BigDecimal price) {}

  /** The legacy price table: every call waits for JDBC. */
  static final class PriceRepository {
    private final DataSource dataSource;

    PriceRepository(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    BigDecimal currentPrice(String sku) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT amount FROM prices WHERE sku = ? ORDER BY valid_from DESC LIMIT 1")) {
        query.setString(1, sku);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? rows.getBigDecimal(1) : BigDecimal.ZERO;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("price lookup failed for " + sku, e);
      }
    }
  }

  /** Queries the database in {@code map}, on the thread that delivers each SKU. */
  static final class Pitfall {
    private final PriceRepository prices;

    Pitfall(PriceRepository prices) {
      this.prices = prices;
    }

    Flux<Quote> quotes(Flux<String> skus) {
      // BUG: Diagnostic contains: BlockingCallInEventLoop
      // currentPrice() → DataSource.getConnection()
      return skus.map(sku -> new Quote(sku, prices.currentPrice(sku)));
    }
  }

  /** Queries the database on {@code boundedElastic}, a few SKUs at a time. */
  static final class Fix {
    private final PriceRepository prices;

    Fix(PriceRepository prices) {
      this.prices = prices;
    }

    Flux<Quote> quotes(Flux<String> skus) {
      return skus.flatMap(
          sku ->
              Mono.fromCallable(() -> new Quote(sku, prices.currentPrice(sku)))
                  .subscribeOn(Schedulers.boundedElastic()),
          MAX_CONCURRENT_QUERIES);
    }
  }
}
