package dev.threadlint.sharedstate;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.tree.JCTree;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.UnitReports;
import dev.threadlint.model.Analysis;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A check that decides over a whole compilation unit at once (a lock-order graph, a field's
 * accesses) and reports its findings from the unit's matcher. It matches no other tree: a matcher
 * on identifiers or member selects would be called on most nodes of every file, for findings
 * that are rare. A finding is suppressed as Error Prone suppresses those of per-node checks
 * ({@link UnitReports#suppressed}).
 */
abstract class UnitFindingsCheck extends BugChecker implements CompilationUnitTreeMatcher {
  private final ConfiguredAnalysis analysis;

  UnitFindingsCheck(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** The messages of the unit's findings, by the tree each is reported at. */
  abstract Map<Tree, String> findings(CompilationUnitTree unit, Analysis analysis, VisitorState state);

  /** A mechanical fix for the finding at {@code tree}; {@code state}'s path is the tree's. */
  @Nullable SuggestedFix fix(Tree tree, VisitorState state) {
    return null;
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.analyseUnit(
        tree,
        state,
        canonicalName(),
        facts -> {
          Map<Tree, String> findings = findings(tree, facts, state);
          if (!findings.isEmpty()) {
            report(tree, findings, state);
          }
        });
  }

  private void report(CompilationUnitTree unit, Map<Tree, String> findings, VisitorState state) {
    Map<Tree, TreePath> paths = pathsOf(unit, findings);
    paths.keySet().stream()
        .sorted(Comparator.comparingInt(t -> ((JCTree) t).getStartPosition()))
        .forEach(
            tree -> {
              TreePath path = paths.get(tree);
              if (UnitReports.suppressed(this, path, state)) {
                return;
              }
              Description.Builder description = buildDescription(tree).setMessage(findings.get(tree));
              SuggestedFix fix = fix(tree, state.withPath(path));
              if (fix != null) {
                description.addFix(fix);
              }
              state.reportMatch(description.build());
            });
  }

  /** The paths of the finding trees, from one scan of the unit. */
  private static Map<Tree, TreePath> pathsOf(CompilationUnitTree unit, Map<Tree, String> findings) {
    Map<Tree, TreePath> paths = new IdentityHashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && findings.containsKey(tree)) {
          paths.put(tree, new TreePath(getCurrentPath(), tree));
        }
        return super.scan(tree, null);
      }
    }.scan(unit, null);
    return paths;
  }
}
