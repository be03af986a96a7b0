package dev.threadlint.sharedstate;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A check that decides over a whole compilation unit at once (a lock-order graph, a field's
 * accesses) and reports each finding from the matcher of its own tree, so that
 * {@code @SuppressWarnings} on the enclosing method or class applies as usual.
 */
abstract class UnitFindingsCheck extends BugChecker implements CompilationUnitTreeMatcher {
  private final ConfiguredAnalysis analysis;
  private @Nullable CompilationUnitTree unit;
  private Map<Tree, String> findings = Map.of();

  UnitFindingsCheck(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** The messages of the unit's findings, by the tree each is reported at. */
  abstract Map<Tree, String> findings(CompilationUnitTree unit, Analysis analysis, VisitorState state);

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    unit = tree;
    findings = Map.of();
    return InternalErrors.guard(
        state,
        canonicalName(),
        () -> {
          Analysis analysis = this.analysis.get(state);
          if (analysis != null) {
            findings = findings(tree, analysis, state);
          }
          return Description.NO_MATCH;
        });
  }

  /** A mechanical fix for the finding at {@code tree}, if there is one. */
  @Nullable SuggestedFix fix(Tree tree, VisitorState state) {
    return null;
  }

  /** The finding at {@code tree}, if the unit has one there. */
  final Description report(Tree tree, VisitorState state) {
    if (findings.isEmpty() || unit != state.getPath().getCompilationUnit()) {
      return Description.NO_MATCH;
    }
    String message = findings.get(tree);
    if (message == null) {
      return Description.NO_MATCH;
    }
    Description.Builder description = buildDescription(tree).setMessage(message);
    SuggestedFix fix = fix(tree, state);
    if (fix != null) {
      description.addFix(fix);
    }
    return description.build();
  }
}
