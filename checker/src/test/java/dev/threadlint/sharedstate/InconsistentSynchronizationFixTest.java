package dev.threadlint.sharedstate;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

class InconsistentSynchronizationFixTest {
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(InconsistentSynchronization.class, getClass());

  @Test
  void methodWritingAMonitorGuardedFieldBecomesSynchronized() {
    refactoring
        .addInputLines(
            "Counter.java",
            "class Counter {",
            "  private int count;",
            "  synchronized void increment() { count++; }",
            "  void add(int n) { synchronized (this) { count += n; } }",
            "  void reset() { count = 0; }",
            "}")
        .addOutputLines(
            "Counter.java",
            "class Counter {",
            "  private int count;",
            "  synchronized void increment() { count++; }",
            "  void add(int n) { synchronized (this) { count += n; } }",
            "  synchronized void reset() { count = 0; }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheLockIsAnotherObject() {
    refactoring
        .addInputLines(
            "Counter.java",
            "class Counter {",
            "  private final Object lock = new Object();",
            "  private int count;",
            "  void increment() { synchronized (lock) { count++; } }",
            "  void add(int n) { synchronized (lock) { count += n; } }",
            "  void reset() { count = 0; }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixInsideALambda() {
    refactoring
        .addInputLines(
            "Counter.java",
            "import java.util.concurrent.Executor;",
            "class Counter {",
            "  private int count;",
            "  synchronized void increment() { count++; }",
            "  synchronized void add(int n) { count += n; }",
            "  void later(Executor e) { e.execute(() -> count = 0); }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
