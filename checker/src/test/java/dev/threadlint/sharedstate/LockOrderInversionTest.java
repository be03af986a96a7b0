package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class LockOrderInversionTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(LockOrderInversion.class, getClass());

  // --- Reported ---------------------------------------------------------------------------------

  @Test
  void retakingLocksAlreadyHeldOrdersNothing() {
    // Jetty's BlockingArrayQueue#remove(Object): tail, then head, then remove(int) takes both
    // again, in the same order, while they are held.
    helper
        .addSourceLines(
            "Queue.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Queue {",
            "  private final ReentrantLock tailLock = new ReentrantLock();",
            "  private final ReentrantLock headLock = new ReentrantLock();",
            "  private int size;",
            "  void removeAt(int index) {",
            "    tailLock.lock();",
            "    try {",
            "      headLock.lock();",
            "      try { size--; } finally { headLock.unlock(); }",
            "    } finally {",
            "      tailLock.unlock();",
            "    }",
            "  }",
            "  boolean remove(Object o) {",
            "    tailLock.lock();",
            "    try {",
            "      headLock.lock();",
            "      try {",
            "        removeAt(0);",
            "        return true;",
            "      } finally {",
            "        headLock.unlock();",
            "      }",
            "    } finally {",
            "      tailLock.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void retakingAHeldMonitorInsideAnotherStillOrdersTheOthers() {
    // a is held when b is taken, then a again (reentrant: no edge) and c (an edge b → c, and a → c).
    helper
        .addSourceLines(
            "Monitors.java",
            "class Monitors {",
            "  private final Object a = new Object();",
            "  private final Object b = new Object();",
            "  private final Object c = new Object();",
            "  void one() {",
            "    synchronized (a) {",
            "      synchronized (b) {",
            "        synchronized (a) {",
            "          // BUG: Diagnostic contains: Lock order inversion",
            "          synchronized (c) {}",
            "        }",
            "      }",
            "    }",
            "  }",
            "  void two() {",
            "    synchronized (c) {",
            "      // BUG: Diagnostic contains: Lock order inversion",
            "      synchronized (b) {}",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void twoSynchronizedBlocksInOppositeOrders() {
    helper
        .addSourceLines(
            "Transfer.java",
            "class Transfer {",
            "  private final Object accounts = new Object();",
            "  private final Object audit = new Object();",
            "  void debit() {",
            "    synchronized (accounts) {",
            "      // BUG: Diagnostic contains: Lock order inversion: `audit` is taken here (`synchronized (audit)` at line 7) while `accounts` is held (`synchronized (accounts)` at line 5), but line 13 takes `accounts` while holding `audit`",
            "      synchronized (audit) {}",
            "    }",
            "  }",
            "  void report() {",
            "    synchronized (audit) {",
            "      // BUG: Diagnostic contains: `accounts` is taken here",
            "      synchronized (accounts) {}",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void reentrantLocksInOppositeOrders() {
    helper
        .addSourceLines(
            "Pair.java",
            "import java.util.concurrent.locks.*;",
            "class Pair {",
            "  private final Lock left = new ReentrantLock();",
            "  private final Lock right = new ReentrantLock();",
            "  void a() {",
            "    left.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: `right` is taken here (`right.lock()` at line 9)",
            "      right.lock();",
            "      right.unlock();",
            "    } finally { left.unlock(); }",
            "  }",
            "  void b() {",
            "    right.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: `left` is taken here",
            "      left.lock();",
            "      left.unlock();",
            "    } finally { right.unlock(); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void throughAMethodOfTheSameFile() {
    helper
        .addSourceLines(
            "Registry.java",
            "class Registry {",
            "  private static final Object NAMES = new Object();",
            "  private static final Object IDS = new Object();",
            "  void register() {",
            "    synchronized (NAMES) {",
            "      // BUG: Diagnostic contains: `assignId()` at line 7, which takes it: assignId() → lockIds() → `synchronized (IDS)` at line 17)",
            "      assignId();",
            "    }",
            "  }",
            "  void renumber() {",
            "    synchronized (IDS) {",
            "      // BUG: Diagnostic contains: `Registry.NAMES` is taken here",
            "      synchronized (NAMES) {}",
            "    }",
            "  }",
            "  private void assignId() { lockIds(); }",
            "  private void lockIds() { synchronized (IDS) {} }",
            "}")
        .doTest();
  }

  @Test
  void synchronizedMethodAndClassLiteral() {
    helper
        .addSourceLines(
            "Service.java",
            "class Service {",
            "  synchronized void start() {",
            "    // BUG: Diagnostic contains: `Service.class` is taken here (`synchronized (Service.class)` at line 4) while `this` is held (`synchronized method start()` at line 2)",
            "    synchronized (Service.class) {}",
            "  }",
            "  void stop() {",
            "    synchronized (Service.class) {",
            "      // BUG: Diagnostic contains: `this` is taken here (`restart()` at line 9, which takes it: restart() → `synchronized method restart()` at line 12)",
            "      restart();",
            "    }",
            "  }",
            "  synchronized void restart() {}",
            "}")
        .doTest();
  }

  @Test
  void suppressedOnTheMethod() {
    helper
        .addSourceLines(
            "Quiet.java",
            "class Quiet {",
            "  private final Object a = new Object();",
            "  private final Object b = new Object();",
            "  @SuppressWarnings(\"LockOrderInversion\")",
            "  void one() { synchronized (a) { synchronized (b) {} } }",
            "  void two() {",
            "    synchronized (b) {",
            "      // BUG: Diagnostic contains: LockOrderInversion",
            "      synchronized (a) {}",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // --- Not reported -----------------------------------------------------------------------------

  @Test
  void sameOrderEverywhere() {
    helper
        .addSourceLines(
            "Ordered.java",
            "class Ordered {",
            "  private final Object a = new Object();",
            "  private final Object b = new Object();",
            "  void one() { synchronized (a) { synchronized (b) {} } }",
            "  void two() { synchronized (a) { synchronized (b) {} } }",
            "}")
        .doTest();
  }

  @Test
  void nonFinalFieldsAreNotStableIdentities() {
    helper
        .addSourceLines(
            "Swappable.java",
            "class Swappable {",
            "  private Object a = new Object();",
            "  private Object b = new Object();",
            "  void one() { synchronized (a) { synchronized (b) {} } }",
            "  void two() { synchronized (b) { synchronized (a) {} } }",
            "}")
        .doTest();
  }

  @Test
  void locksOfParametersAreNotStable() {
    helper
        .addSourceLines(
            "Account.java",
            "class Account {",
            "  void transfer(Account from, Account to) {",
            "    synchronized (from) { synchronized (to) {} }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void callOnAnotherObjectTakesThatObjectsLocks() {
    helper
        .addSourceLines(
            "Node.java",
            "class Node {",
            "  private final Object lock = new Object();",
            "  private Node next;",
            "  synchronized void a() {",
            "    synchronized (lock) {}",
            "  }",
            "  void b() {",
            "    synchronized (lock) {",
            "      next.a();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readThenWriteSideOfTheSameLockIsNotTwoLocks() {
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.locks.*;",
            "class Cache {",
            "  private final ReadWriteLock rw = new ReentrantReadWriteLock();",
            "  void downgrade() {",
            "    rw.writeLock().lock();",
            "    rw.readLock().lock();",
            "    rw.writeLock().unlock();",
            "    rw.readLock().unlock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lockTakenInATaskIsNotNestedInTheSubmittersLock() {
    helper
        .addSourceLines(
            "Async.java",
            "import java.util.concurrent.*;",
            "class Async {",
            "  private final Object a = new Object();",
            "  private final Object b = new Object();",
            "  private final Executor executor = Executors.newSingleThreadExecutor();",
            "  void one() {",
            "    synchronized (a) {",
            "      executor.execute(() -> { synchronized (b) {} });",
            "    }",
            "  }",
            "  void two() { synchronized (b) { synchronized (a) {} } }",
            "}")
        .doTest();
  }
}
