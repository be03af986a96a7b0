package dev.threadlint.config;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.ModelFormatException;
import java.util.function.Consumer;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * A check's access to the {@link Analysis}, with configuration errors turned into one clean
 * compiler error ("error: Threadlint: bad -XepOpt:Threadlint:ModelFiles: ...") instead of a javac
 * crash report: an exception thrown while Error Prone builds its checks is printed as "An
 * exception has occurred in the compiler" with a stack trace that hides the message.
 */
public final class ConfiguredAnalysis {
  private static final Context.Key<RuntimeException> REPORTED = new Context.Key<>();

  private final @Nullable ThreadlintOptions options;
  private @Nullable RuntimeException error;
  private @Nullable Context lastContext;
  private @Nullable Analysis last;

  public ConfiguredAnalysis(ErrorProneFlags flags) {
    ThreadlintOptions parsed = null;
    try {
      parsed = ThreadlintOptions.fromFlags(flags);
    } catch (ConfigurationException e) {
      error = e;
    }
    this.options = parsed;
  }

  /**
   * For a check's {@code matchCompilationUnit}, which Error Prone calls before any node of the
   * unit: loads the model, so that a bad configuration is reported even in code with no calls,
   * and computes the unit's thread contexts ({@link
   * dev.threadlint.model.ContextResolver#enterUnit}) there, once, rather than from the first
   * per-node question about the unit. An internal error is handled as in any matcher.
   */
  public Description enterUnit(CompilationUnitTree unit, VisitorState state, String check) {
    try {
      Analysis analysis = get(state);
      if (analysis != null) {
        analysis.contexts().enterUnit(unit, state);
      }
      return Description.NO_MATCH;
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, check, e);
    }
  }

  /**
   * {@link #enterUnit}, then {@code body} with the analysis (unless the configuration is bad),
   * for a check that does its work in its unit matcher; an internal error is handled as in any
   * matcher.
   */
  public Description analyseUnit(
      CompilationUnitTree unit, VisitorState state, String check, Consumer<Analysis> body) {
    Description failed = enterUnit(unit, state, check);
    if (failed != Description.NO_MATCH) {
      return failed;
    }
    return InternalErrors.guard(
        state,
        check,
        () -> {
          Analysis analysis = get(state);
          if (analysis != null) {
            body.accept(analysis);
          }
          return Description.NO_MATCH;
        });
  }

  /** The analysis of this compilation, or null when the configuration is bad (reported once). */
  public @Nullable Analysis get(VisitorState state) {
    if (state.context == lastContext && last != null) {
      return last; // checks ask on every node they match: skip the context's map
    }
    if (error == null) {
      try {
        last = Analysis.of(state, () -> ModelLoader.load(options));
        lastContext = state.context;
        return last;
      } catch (ConfigurationException | ModelFormatException e) {
        error = e;
      }
    }
    if (state.context.get(REPORTED) == null) {
      state.context.put(REPORTED, error);
      JavacProcessingEnvironment.instance(state.context)
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, error.getMessage());
    }
    return null;
  }
}
