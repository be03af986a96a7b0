package dev.threadlint.model;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import dev.threadlint.config.ConfiguredAnalysis;

/** Test-only: reports the {@link LockSet} held at every call of a method named {@code probe}. */
@BugPattern(summary = "shows the held locks", severity = BugPattern.SeverityLevel.WARNING)
public final class HeldLocksProbe extends BugChecker implements MethodInvocationTreeMatcher {
  private final ConfiguredAnalysis analysis = new ConfiguredAnalysis(ErrorProneFlags.empty());

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!ASTHelpers.getSymbol(tree).getSimpleName().contentEquals("probe")
        || analysis.get(state) == null) {
      return Description.NO_MATCH;
    }
    LockSet held = LockSet.heldAt(state.getPath(), state);
    return buildDescription(tree)
        .setMessage("held " + held + (held.isEmpty() ? "" : " by " + held.describe()))
        .build();
  }
}
