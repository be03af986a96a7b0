package dev.threadlint.samples.async;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A reactive loyalty-points service on a legacy JDBC table. It returns a {@code Mono}, so it
 * looks lazy and asynchronous, but {@code Mono.just(...)} takes a value: the query runs right
 * away, while the caller builds its chain, on the caller's thread (a Netty event loop when the
 * caller is a WebFlux handler). The {@code subscribeOn} the caller adds comes too late to move
 * it, and the query runs even if nobody subscribes. The fix defers the query to subscription with
 * {@code Mono.fromCallable} and runs it on {@code boundedElastic}.
 */
public final class ReactorLoyaltyPoints {
  private ReactorLoyaltyPoints() {}

  record Points(String customerId, long balance) {}

  /** The points table: every call waits for JDBC. */
  static final class PointsRepository {
    private final DataSource dataSource;

    PointsRepository(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    Points balanceOf(String customerId) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement("SELECT balance FROM points WHERE customer_id = ?")) {
        query.setString(1, customerId);
        try (ResultSet rows = query.executeQuery()) {
          return new Points(customerId, rows.next() ? rows.getLong(1) : 0L);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("points lookup failed for " + customerId, e);
      }
    }
  }

  /** Queries while the chain is assembled, on the caller's thread. */
  static final class Pitfall {
    private final PointsRepository points;

    Pitfall(PointsRepository points) {
      this.points = points;
    }

    Mono<Points> balance(String customerId) {
      // BUG: Diagnostic contains: EagerBlockingInReactiveAssembly
      // balanceOf() → DataSource.getConnection()
      return Mono.just(points.balanceOf(customerId));
    }
  }

  /** Queries at subscription, on the scheduler meant for blocking work. */
  static final class Fix {
    private final PointsRepository points;

    Fix(PointsRepository points) {
      this.points = points;
    }

    Mono<Points> balance(String customerId) {
      return Mono.fromCallable(() -> points.balanceOf(customerId))
          .subscribeOn(Schedulers.boundedElastic());
    }
  }
}
