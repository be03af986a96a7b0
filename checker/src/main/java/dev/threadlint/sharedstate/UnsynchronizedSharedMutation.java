package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import java.util.Map;
import javax.inject.Inject;

/**
 * A field, a captured holder or a not-thread-safe object changed from code that runs concurrently
 * (a task handed to another thread, a parallel stream's lambda, a method of a {@code @ThreadSafe}
 * class) while other code can touch it at the same time, with no lock, volatile, atomic or
 * thread-safe collection between them.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Shared state changed from several threads without synchronization: updates are lost or never seen",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "UnsynchronizedSharedMutation.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class UnsynchronizedSharedMutation extends UnitFindingsCheck {

  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public UnsynchronizedSharedMutation(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public UnsynchronizedSharedMutation() {
    this(ErrorProneFlags.empty());
  }

  @Override
  Map<Tree, String> findings(CompilationUnitTree unit, Analysis analysis, VisitorState state) {
    return SharedRaces.of(analysis, state);
  }
}
