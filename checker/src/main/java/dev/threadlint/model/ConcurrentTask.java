package dev.threadlint.model;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import dev.threadlint.model.ThreadContext.Kind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Code that runs concurrently with other code: a task handed to another thread (a lambda, method
 * reference or anonymous class passed to an executor, a {@code Thread}, a
 * {@code CompletableFuture.*Async}, ...; a {@code run()} of a class of this unit that is started
 * or submitted here), or a non-private method of a {@code @ThreadSafe} class.
 *
 * @param root the lambda, anonymous class or method whose body runs concurrently
 * @param kind the thread the task runs on; event-loop and UI-thread tasks run one at a time on
 *     their thread
 * @param reason why it runs concurrently, for messages ("this lambda is passed to
 *     `java.util.concurrent.ExecutorService#submit`, ...", "its class is `@ThreadSafe`")
 * @param line the line of the task's root, 1-based
 * @param submitter the code that hands the task over (the region that runs on), or null when it
 *     is not in view (a method reference's target, a named class, a {@code @ThreadSafe} method)
 * @param startEnd the end position of the call that starts the task (the {@code submit}, or the
 *     {@code start()} of a thread built earlier); -1 when unknown. Code of the submitter before
 *     it is published to the task; code after it runs concurrently with it
 * @param repeated why several runs of this task can overlap (submitted in a loop, a parallel
 *     stream's lambda, a {@code @ThreadSafe} method), or null
 * @param loop the loop statement the task is submitted in (its holders declared inside are per
 *     iteration), or null
 * @param executor the variable holding the executor the task is handed to, or null
 * @param serial the executor runs its tasks one at a time ({@code newSingleThreadExecutor})
 * @param ownClass the class whose instance the task is (a named or anonymous Runnable): its own
 *     instance fields are confined to the task; null for lambdas and {@code @ThreadSafe} methods
 * @param threadSafeClass for a {@code @ThreadSafe} method: the annotation's simple name
 * @param exclusive source ranges of the submitter that never run when the task is handed over:
 *     the other branches of the {@code if}s around the hand-over
 */
public record ConcurrentTask(
    Tree root,
    Kind kind,
    String reason,
    int line,
    @Nullable Region submitter,
    int startEnd,
    @Nullable String repeated,
    @Nullable Tree loop,
    @Nullable Symbol executor,
    boolean serial,
    @Nullable ClassSymbol ownClass,
    @Nullable String threadSafeClass,
    java.util.List<int[]> exclusive) {

  /** Whether this task and the other can run at the same time. */
  public boolean mayOverlap(ConcurrentTask other) {
    if (this == other) {
      return repeated != null && !serial;
    }
    if (kind.forbidsBlocking() && other.kind.forbidsBlocking()) {
      return false; // both on an event loop or the UI thread: one at a time (per loop)
    }
    if (executor != null && executor == other.executor) {
      return !serial; // the same single-thread executor runs them in order
    }
    return true;
  }

  /** How messages name the task: "the task at line 12". */
  public String describe() {
    return threadSafeClass != null ? "the `@" + threadSafeClass + "` class's method at line " + line : "the task at line " + line;
  }

  /**
   * A stretch of code that runs on one thread in order: a method body outside its tasks, or a
   * task's body. The accesses of one region never race with each other (unless the task is
   * {@link #repeated}).
   *
   * @param task the task this region is the body of, or null for plain sequential code
   * @param root the method, lambda or class the region is
   */
  public record Region(@Nullable ConcurrentTask task, Tree root) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Region that && Objects.equals(task, that.task) && root == that.root;
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(task) * 31 + root.hashCode();
    }
  }

  // Written out, not generated (see LockId#equals). Trees and symbols compare by identity, as
  // javac's classes do not override equals; the list of ranges compares its arrays by identity.
  @Override
  public boolean equals(Object other) {
    return other instanceof ConcurrentTask that
        && root == that.root
        && kind == that.kind
        && line == that.line
        && startEnd == that.startEnd
        && serial == that.serial
        && loop == that.loop
        && executor == that.executor
        && ownClass == that.ownClass
        && reason.equals(that.reason)
        && Objects.equals(submitter, that.submitter)
        && Objects.equals(repeated, that.repeated)
        && Objects.equals(threadSafeClass, that.threadSafeClass)
        && exclusive.equals(that.exclusive);
  }

  @Override
  public int hashCode() {
    return (root.hashCode() * 31 + kind.hashCode()) * 31 + line;
  }
}
