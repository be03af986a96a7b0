package dev.threadlint.model;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** What {@link LockSet#heldAt} says at a point of code: every way to take and release a lock. */
class LockSetTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(HeldLocksProbe.class, getClass());

  private void test(String... body) {
    String[] lines = new String[body.length + 12];
    int i = 0;
    lines[i++] = "import java.util.concurrent.locks.*;";
    lines[i++] = "import java.util.*;";
    lines[i++] = "class Box {";
    lines[i++] = "  private final Object lock = new Object();";
    lines[i++] = "  private Object mutable = new Object();";
    lines[i++] = "  private static final Object GLOBAL = new Object();";
    lines[i++] = "  private final ReentrantLock rl = new ReentrantLock();";
    lines[i++] = "  private final ReadWriteLock rw = new ReentrantReadWriteLock();";
    lines[i++] = "  private final StampedLock sl = new StampedLock();";
    lines[i++] = "  static void probe() {}";
    lines[i++] = "  static void run(Runnable r) {}";
    for (String line : body) {
      lines[i++] = line;
    }
    lines[i] = "}";
    helper.addSourceLines("Box.java", lines).doTest();
  }

  @Test
  void nothingHeld() {
    test("  void m() {", "    // BUG: Diagnostic contains: held []", "    probe();", "  }");
  }

  @Test
  void synchronizedMethodHoldsThis() {
    test(
        "  synchronized void m() {",
        "    // BUG: Diagnostic contains: held [this] by `synchronized method m()` at line 12",
        "    probe();",
        "  }");
  }

  @Test
  void staticSynchronizedMethodHoldsTheClass() {
    test(
        "  static synchronized void m() {",
        "    // BUG: Diagnostic contains: held [Box.class] by `static synchronized method m()`",
        "    probe();",
        "  }");
  }

  @Test
  void synchronizedBlocksNest() {
    test(
        "  void m() {",
        "    synchronized (lock) {",
        "      synchronized (Box.GLOBAL) {",
        "        // BUG: Diagnostic contains: held [lock, Box.GLOBAL] by `synchronized (lock)` at line 13 and `synchronized (Box.GLOBAL)` at line 14",
        "        probe();",
        "      }",
        "      // BUG: Diagnostic contains: held [lock]",
        "      probe();",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void thisAndClassLiteralAndOuterThis() {
    test(
        "  void m() {",
        "    synchronized (this) { synchronized (Box.class) {",
        "      // BUG: Diagnostic contains: held [this, Box.class]",
        "      probe();",
        "    } }",
        "  }",
        "  class Inner {",
        "    void n() {",
        "      synchronized (Box.this) {",
        "        // BUG: Diagnostic contains: held [this]",
        "        probe();",
        "      }",
        "    }",
        "  }");
  }

  @Test
  void lockTryFinallyUnlock() {
    test(
        "  void m() {",
        "    rl.lock();",
        "    try {",
        "      // BUG: Diagnostic contains: held [rl] by `rl.lock()` at line 13",
        "      probe();",
        "    } finally {",
        "      rl.unlock();",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void lockInsideTheTry() {
    test(
        "  void m() throws InterruptedException {",
        "    try {",
        "      rl.lockInterruptibly();",
        "      // BUG: Diagnostic contains: held [rl]",
        "      probe();",
        "    } finally {",
        "      rl.unlock();",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void straightLineLockUnlock() {
    test(
        "  void m() {",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "    rl.lock();",
        "    // BUG: Diagnostic contains: held [rl]",
        "    probe();",
        "    rl.unlock();",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void successfulTryLock() {
    test(
        "  void m() {",
        "    if (rl.tryLock()) {",
        "      try {",
        "        // BUG: Diagnostic contains: held [rl] by `if (rl.tryLock())`",
        "        probe();",
        "      } finally {",
        "        rl.unlock();",
        "      }",
        "    } else {",
        "      // BUG: Diagnostic contains: held []",
        "      probe();",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void failedTryLockReturns() {
    test(
        "  void m() {",
        "    if (!rl.tryLock()) {",
        "      return;",
        "    }",
        "    try {",
        "      // BUG: Diagnostic contains: held [rl]",
        "      probe();",
        "    } finally {",
        "      rl.unlock();",
        "    }",
        "  }");
  }

  @Test
  void readAndWriteSidesOfAReadWriteLock() {
    test(
        "  void m() {",
        "    rw.readLock().lock();",
        "    try {",
        "      // BUG: Diagnostic contains: held [rw (read lock)] by `rw.readLock().lock()`",
        "      probe();",
        "    } finally {",
        "      rw.readLock().unlock();",
        "    }",
        "    rw.writeLock().lock();",
        "    try {",
        "      // BUG: Diagnostic contains: held [rw (write lock)]",
        "      probe();",
        "    } finally {",
        "      rw.writeLock().unlock();",
        "    }",
        "  }");
  }

  @Test
  void stampedLock() {
    test(
        "  void m() {",
        "    long stamp = sl.writeLock();",
        "    try {",
        "      // BUG: Diagnostic contains: held [sl (write lock)]",
        "      probe();",
        "    } finally {",
        "      sl.unlockWrite(stamp);",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void localAndOtherObjectsLocks() {
    test(
        "  void m(Box other) {",
        "    Lock local = rl;",
        "    local.lock();",
        "    try {",
        "      synchronized (other.lock) {",
        "        // BUG: Diagnostic contains: held [local, other.lock]",
        "        probe();",
        "      }",
        "    } finally {",
        "      local.unlock();",
        "    }",
        "  }");
  }

  @Test
  void lambdaDefinedUnderTheLockRunsLaterWithoutIt() {
    test(
        "  void m() {",
        "    synchronized (lock) {",
        "      run(() -> {",
        "        // BUG: Diagnostic contains: held []",
        "        probe();",
        "      });",
        "    }",
        "  }");
  }

  @Test
  void anonymousAndLocalClassesDoNotInheritTheLock() {
    test(
        "  void m() {",
        "    synchronized (lock) {",
        "      run(new Runnable() {",
        "        public void run() {",
        "          // BUG: Diagnostic contains: held []",
        "          probe();",
        "        }",
        "      });",
        "      class Local { void n() {",
        "        // BUG: Diagnostic contains: held []",
        "        probe();",
        "      } }",
        "    }",
        "  }");
  }

  @Test
  void lambdaThatRunsInPlaceKeepsTheLock() {
    test(
        "  void m(List<String> names) {",
        "    synchronized (lock) {",
        "      names.forEach(n -> {",
        "        // BUG: Diagnostic contains: held [lock]",
        "        probe();",
        "      });",
        "    }",
        "  }");
  }

  @Test
  void lockTakenOnOnlyOneBranchIsNotHeldAfterTheJoin() {
    test(
        "  void m(boolean b) {",
        "    if (b) {",
        "      rl.lock();",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void lockAndUnlockInALoop() {
    test(
        "  void m(List<String> names) {",
        "    for (String n : names) {",
        "      rl.lock();",
        "      try {",
        "        // BUG: Diagnostic contains: held [rl]",
        "        probe();",
        "      } finally {",
        "        rl.unlock();",
        "      }",
        "    }",
        "    // BUG: Diagnostic contains: held []",
        "    probe();",
        "  }");
  }

  @Test
  void reentrantAcquisitionNeedsTwoReleases() {
    test(
        "  void m() {",
        "    rl.lock();",
        "    rl.lock();",
        "    rl.unlock();",
        "    // BUG: Diagnostic contains: held [rl]",
        "    probe();",
        "    rl.unlock();",
        "  }");
  }

  @Test
  void catchBlockHoldsOnlyWhatWasHeldThroughout() {
    test(
        "  void m() {",
        "    synchronized (lock) {",
        "      try {",
        "        rl.lock();",
        "      } catch (RuntimeException e) {",
        "        // BUG: Diagnostic contains: held [lock]",
        "        probe();",
        "      }",
        "    }",
        "  }");
  }
}
