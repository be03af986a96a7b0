package dev.threadlint.async;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.threadlint.Catalogue;
import dev.threadlint.blocking.BlockingCallCheck;
import dev.threadlint.model.ThreadContext.Kind;
import javax.inject.Inject;

/**
 * A blocking call, direct or through methods of the same file, in a task that runs on {@code
 * ForkJoinPool.commonPool()}: a {@code CompletableFuture.supplyAsync/runAsync/*Async} without an
 * executor, a lambda of a parallel stream, a parallel array operation.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Blocking call on ForkJoinPool.commonPool(): the few threads every parallel stream and"
            + " default async task of the JVM shares wait",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "BlockingInCommonPool.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class BlockingInCommonPool extends BlockingCallCheck {
  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public BlockingInCommonPool(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public BlockingInCommonPool() {
    this(ErrorProneFlags.empty());
  }

  @Override
  protected Kind reportedKind() {
    return Kind.COMMON_POOL;
  }

  @Override
  protected String headline() {
    return "Blocking call on ForkJoinPool.commonPool()";
  }

  @Override
  protected String consequence() {
    return "one of the pool's threads (one fewer than the CPU cores) is lost to every parallel"
        + " stream and every *Async task without an executor in the whole JVM, and a few such"
        + " waits stall them all";
  }

  @Override
  protected String defaultAdvice() {
    return "Give blocking work threads of its own: pass a dedicated executor (a pool sized for"
        + " the waiting, or Executors.newVirtualThreadPerTaskExecutor()) as the last argument of"
        + " the *Async method, or, in a parallel stream, submit the blocking part to such an"
        + " executor instead";
  }
}
