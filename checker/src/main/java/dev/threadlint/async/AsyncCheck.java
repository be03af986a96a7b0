package dev.threadlint.async;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import java.util.function.Function;

/**
 * What every check of the async family shares: the configured analysis, loaded at the start of
 * each unit so a bad configuration is reported even in code with no futures, and the guard that
 * turns an internal error into a note instead of a javac crash.
 */
abstract class AsyncCheck extends BugChecker implements CompilationUnitTreeMatcher {
  private final ConfiguredAnalysis analysis;

  AsyncCheck(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.enterUnit(tree, state, canonicalName());
  }

  /** Runs {@code body} with the analysis, guarded; no match when the configuration is bad. */
  final Description guarded(VisitorState state, Function<Analysis, Description> body) {
    try {
      Analysis analysis = this.analysis.get(state);
      return analysis == null ? Description.NO_MATCH : body.apply(analysis);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }
}
