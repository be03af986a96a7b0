package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ArrayAccessTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompoundAssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.IdentifierTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberSelectTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.UnaryTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.SharedAccesses.Access;
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
public final class UnsynchronizedSharedMutation extends BugChecker
    implements CompilationUnitTreeMatcher,
        AssignmentTreeMatcher,
        CompoundAssignmentTreeMatcher,
        UnaryTreeMatcher,
        MethodInvocationTreeMatcher,
        IdentifierTreeMatcher,
        MemberSelectTreeMatcher,
        ArrayAccessTreeMatcher {

  private final ConfiguredAnalysis analysis;
  private final SharedRaces races = new SharedRaces();

  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public UnsynchronizedSharedMutation(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public UnsynchronizedSharedMutation() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    analysis.get(state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchCompoundAssignment(CompoundAssignmentTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchUnary(UnaryTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchIdentifier(IdentifierTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchMemberSelect(MemberSelectTree tree, VisitorState state) {
    return check(tree, state);
  }

  @Override
  public Description matchArrayAccess(ArrayAccessTree tree, VisitorState state) {
    return check(tree, state);
  }

  private Description check(Tree tree, VisitorState state) {
    return InternalErrors.guard(
        state,
        canonicalName(),
        () -> {
          Analysis facts = analysis.get(state);
          if (facts == null) {
            return Description.NO_MATCH;
          }
          Access access = facts.sharedAccesses(state).accessAt(tree);
          if (access == null) {
            return Description.NO_MATCH;
          }
          String message = races.raceAt(access, facts, state);
          return message == null
              ? Description.NO_MATCH
              : buildDescription(tree).setMessage(message).build();
        });
  }
}
