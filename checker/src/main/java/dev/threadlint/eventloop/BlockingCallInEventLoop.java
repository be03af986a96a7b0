package dev.threadlint.eventloop;

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
 * A blocking call, direct or through methods of the same file, in code that runs on an event
 * loop or another non-blocking thread: Vert.x, Netty, Reactor/RxJava operators, WebFlux
 * handlers, {@code @NonBlocking} code.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Blocking call on an event loop: while it waits, every other task on that thread waits too",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "BlockingCallInEventLoop.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class BlockingCallInEventLoop extends BlockingCallCheck {
  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public BlockingCallInEventLoop(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public BlockingCallInEventLoop() {
    this(ErrorProneFlags.empty());
  }

  @Override
  protected Kind reportedKind() {
    return Kind.EVENT_LOOP;
  }

  @Override
  protected String headline() {
    return "Blocking call on an event loop";
  }

  @Override
  protected String consequence() {
    return "every other task on that thread waits (other connections, timers, callbacks)";
  }

  @Override
  protected String defaultAdvice() {
    return "Move the blocking work to a worker thread (an executor or a blocking-friendly scheduler) and continue asynchronously";
  }
}
