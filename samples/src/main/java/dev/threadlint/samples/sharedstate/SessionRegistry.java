package dev.threadlint.samples.sharedstate;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat server keeps the open sessions of each user in a {@code ConcurrentHashMap} and counts
 * logins in an {@code AtomicLong}; request threads call {@code login} concurrently. Each call on
 * the map and the counter is thread-safe, but the code checks and then acts in two calls: two
 * logins of the same user both find no entry, both put a fresh list, and the session added to the
 * first list is lost; two logins both read the same count and both write count + 1. The fix does
 * each check-and-act in one atomic call: {@code computeIfAbsent} and {@code incrementAndGet}.
 */
public final class SessionRegistry {
  private SessionRegistry() {}

  /** Looks up, then puts; reads, then sets. */
  static final class Pitfall {
    private final ConcurrentMap<String, List<String>> sessions = new ConcurrentHashMap<>();
    private final AtomicLong logins = new AtomicLong();

    void login(String user, String sessionId) {
      // BUG: Diagnostic contains: CheckThenActRace
      // computeIfAbsent(user, k -> new CopyOnWriteArrayList<>())
      if (sessions.get(user) == null) {
        sessions.put(user, new CopyOnWriteArrayList<>());
      }
      sessions.get(user).add(sessionId);
      // BUG: Diagnostic contains: CheckThenActRace
      // Use `logins.incrementAndGet()`
      logins.set(logins.get() + 1);
    }
  }

  /** One atomic call for each check-and-act. */
  static final class Fix {
    private final ConcurrentMap<String, List<String>> sessions = new ConcurrentHashMap<>();
    private final AtomicLong logins = new AtomicLong();

    void login(String user, String sessionId) {
      sessions.computeIfAbsent(user, k -> new CopyOnWriteArrayList<>()).add(sessionId);
      logins.incrementAndGet();
    }
  }
}
