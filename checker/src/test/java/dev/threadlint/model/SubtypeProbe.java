package dev.threadlint.model;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.VariableTree;
import javax.inject.Inject;

/**
 * Test-only: reports whether the declared type of each variable named {@code probe} is a subtype
 * of the type that {@code -XepOpt:SubtypeProbe:Super} names, as {@link ApiMatcher#isSubtype}
 * answers it.
 */
@BugPattern(summary = "shows a subtype test", severity = BugPattern.SeverityLevel.WARNING)
public final class SubtypeProbe extends BugChecker implements VariableTreeMatcher {
  private final ApiMatcher matcher = new ApiMatcher();
  private final String superName;

  @Inject
  public SubtypeProbe(ErrorProneFlags flags) {
    this.superName = flags.get("SubtypeProbe:Super").orElseThrow();
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    if (!tree.getName().contentEquals("probe")) {
      return Description.NO_MATCH;
    }
    boolean subtype = matcher.isSubtype(ASTHelpers.getType(tree), superName, state);
    return buildDescription(tree).setMessage("subtype of " + superName + ": " + subtype).build();
  }
}
