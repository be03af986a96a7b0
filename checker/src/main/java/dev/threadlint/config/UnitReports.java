package dev.threadlint.config;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.threadlint.model.LazyPathScanner;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Findings reported from a check's compilation-unit matcher, with the suppressions Error Prone
 * applies to per-node matchers: {@code @SuppressWarnings} with the check's name or {@code "all"}
 * and the check's custom suppression annotations on a declaration around the finding. (Error
 * Prone itself drops warnings in generated code under {@code -XepDisableWarningsInGeneratedCode},
 * wherever they are reported from.)
 *
 * <p>A check that can tell from the facts of a whole unit that it has nothing to find there (no
 * code on an event loop, no lock taken: most units) matches the unit and {@linkplain #scan scans}
 * the few units where it can find something, instead of having Error Prone call it on every node
 * of its kinds in every file, which costs a dispatch per check and node.
 */
public final class UnitReports {
  private UnitReports() {}

  /** What a check does at one node of the unit. */
  @FunctionalInterface
  public interface NodeMatcher {
    /**
     * The finding at {@code tree}, or no match. {@code unitState}'s path is the unit's; {@code
     * path} builds the node's path on request, so the nodes a matcher rejects from the node alone
     * (most of them) cost no path.
     */
    Description match(Tree tree, Supplier<TreePath> path, VisitorState unitState);
  }

  /**
   * Calls {@code matcher} on every node of the unit whose kind is one of {@code kinds}, in source
   * order, and reports what it describes unless a declaration around the node suppresses {@code
   * check}. {@code state}'s path is the unit's.
   */
  public static void scan(
      BugChecker check,
      CompilationUnitTree unit,
      Set<Tree.Kind> kinds,
      NodeMatcher matcher,
      VisitorState state) {
    new LazyPathScanner<Void, Void>() {
      private @Nullable Tree node;
      private @Nullable TreePath nodePath;
      private final Supplier<TreePath> pathOfNode =
          () -> {
            if (nodePath == null) {
              nodePath = new TreePath(getCurrentPath(), node);
            }
            return nodePath;
          };

      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && kinds.contains(tree.getKind())) {
          node = tree;
          nodePath = null;
          Description description = matcher.match(tree, pathOfNode, state);
          if (description != Description.NO_MATCH) {
            report(check, description, pathOfNode.get(), state);
          }
        }
        return super.scan(tree, null);
      }
    }.scan(unit, null);
  }

  /** Reports {@code description}, found at {@code path}, unless the check is suppressed there. */
  private static void report(
      BugChecker check, Description description, TreePath path, VisitorState state) {
    if (!suppressed(check, path, state)) {
      state.reportMatch(description);
    }
  }

  /** Whether a declaration around {@code path} suppresses {@code check}, as Error Prone decides. */
  public static boolean suppressed(BugChecker check, TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (!(leaf instanceof ClassTree || leaf instanceof MethodTree || leaf instanceof VariableTree)) {
        continue;
      }
      if (check.isSuppressed(leaf, state)) {
        return true;
      }
    }
    return false;
  }
}
