package dev.threadlint.config;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import java.util.function.Supplier;
import javax.tools.Diagnostic;

/**
 * The plugin must never break a build that javac accepts. A bug in a check (or a class missing
 * from the user's classpath that the model tries to complete) is turned into one note per
 * compilation that asks for a report, and the check stays silent on that node. Tests and the
 * real-code harness run with {@code -Dthreadlint.strict=true}, where the exception propagates.
 */
public final class InternalErrors {
  public static final String STRICT_PROPERTY = "threadlint.strict";
  private static final Context.Key<Boolean> NOTED = new Context.Key<>();

  private InternalErrors() {}

  /** Runs {@code body}; what it throws is handled by {@link #caught}. */
  public static Description guard(VisitorState state, String check, Supplier<Description> body) {
    try {
      return body.get();
    } catch (RuntimeException | StackOverflowError e) {
      return caught(state, check, e);
    }
  }

  /**
   * What a matcher returns when its check threw {@code e} (a {@code RuntimeException} or {@code
   * StackOverflowError}): no match, after the note; in strict mode, {@code e} again. Matchers
   * called on every node of a kind catch themselves and call this rather than handing {@link
   * #guard} a lambda, which would allocate one per matcher and node.
   */
  public static Description caught(VisitorState state, String check, Throwable e) {
    if (Boolean.getBoolean(STRICT_PROPERTY)) {
      if (e instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw (Error) e;
    }
    if (state.context.get(NOTED) == null) {
      state.context.put(NOTED, true);
      String file = state.getPath().getCompilationUnit().getSourceFile().getName();
      JavacProcessingEnvironment.instance(state.context)
          .getMessager()
          .printMessage(
              Diagnostic.Kind.NOTE,
              "Threadlint: "
                  + check
                  + " skipped part of "
                  + file
                  + " after an internal error ("
                  + e
                  + "); the build goes on. Please report it with this line.");
    }
    return Description.NO_MATCH;
  }
}
