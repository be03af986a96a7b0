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
 * A blocking call, direct or through methods of the same file, on a UI thread: the Swing event
 * dispatch thread, the JavaFX application thread, Android's main thread.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Blocking call on the UI thread: the interface freezes until it returns",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "BlockingCallOnUiThread.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class BlockingCallOnUiThread extends BlockingCallCheck {
  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public BlockingCallOnUiThread(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public BlockingCallOnUiThread() {
    this(ErrorProneFlags.empty());
  }

  @Override
  protected Kind reportedKind() {
    return Kind.UI_THREAD;
  }

  @Override
  protected String headline() {
    return "Blocking call on the UI thread";
  }

  @Override
  protected String consequence() {
    return "the interface cannot repaint or react to input";
  }

  @Override
  protected String defaultAdvice() {
    return "Move the blocking work to a background thread and hand the result back to the UI thread";
  }
}
