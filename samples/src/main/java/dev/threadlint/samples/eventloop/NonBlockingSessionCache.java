package dev.threadlint.samples.eventloop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.jetbrains.annotations.Blocking;
import org.jetbrains.annotations.NonBlocking;

/**
 * A session cache whose lookup is declared {@code @NonBlocking}, because the HTTP layer calls it on
 * its event loop for every request. On a cache miss the lookup falls back to the session table, a
 * JDBC query: the annotation promises callers something the body does not keep, and the first
 * request after each expiry stalls the event loop for a database round trip. The fix keeps the
 * promise: a miss returns a {@code CompletableFuture} that queries on the database pool.
 */
public final class NonBlockingSessionCache {
  private NonBlockingSessionCache() {}

  record Session(String token, String userId, Instant expiresAt) {}

  /** The session table. */
  static final class SessionStore {
    private final DataSource dataSource;

    SessionStore(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Blocking
    Optional<Session> load(String token) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement(
                  "SELECT user_id, expires_at FROM sessions WHERE token = ?")) {
        query.setString(1, token);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next()
              ? Optional.of(
                  new Session(token, rows.getString(1), rows.getTimestamp(2).toInstant()))
              : Optional.empty();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("session lookup failed", e);
      }
    }
  }

  /** Promises not to block, then queries the database on a miss. */
  static final class Pitfall {
    private final Map<String, Session> cache = new ConcurrentHashMap<>();
    private final SessionStore store;
    private final Clock clock;

    Pitfall(SessionStore store, Clock clock) {
      this.store = store;
      this.clock = clock;
    }

    @NonBlocking
    Optional<Session> find(String token) {
      Session cached = cache.get(token);
      if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
        return Optional.of(cached);
      }
      // BUG: Diagnostic contains: BlockingCallInEventLoop
      // `find` is annotated `@NonBlocking`
      Optional<Session> loaded = store.load(token);
      loaded.ifPresent(session -> cache.put(token, session));
      return loaded;
    }
  }

  /** Answers hits at once and misses with a future completed on the database pool. */
  static final class Fix {
    private final Map<String, Session> cache = new ConcurrentHashMap<>();
    private final SessionStore store;
    private final Clock clock;
    private final Executor databasePool;

    Fix(SessionStore store, Clock clock, Executor databasePool) {
      this.store = store;
      this.clock = clock;
      this.databasePool = databasePool;
    }

    @NonBlocking
    CompletableFuture<Optional<Session>> find(String token) {
      Session cached = cache.get(token);
      if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
        return CompletableFuture.completedFuture(Optional.of(cached));
      }
      return CompletableFuture.supplyAsync(() -> store.load(token), databasePool)
          .thenApply(
              loaded -> {
                loaded.ifPresent(session -> cache.put(token, session));
                return loaded;
              });
    }
  }
}
