package dev.threadlint.bench;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.file.JavacFileManager;
import com.sun.tools.javac.main.Main;
import com.sun.tools.javac.util.Context;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error Prone's own clock of each check, read at the end of one compilation.
 *
 * <p>Error Prone times every matcher call of every enabled check ({@code ErrorProneTimings}, one
 * per javac {@code Context}) and the time it takes to set itself up, but the 2.42 release has no
 * flag that prints them. This compiles with a {@code Context} of our own and reads them when javac
 * announces the end of the compilation. They are the wall time the javac thread spends in each
 * check, so they attribute the plugin's cost without the run-to-run spread of a difference of two
 * whole compilations; they leave out what the JIT compiler threads spend compiling the plugin, and
 * analyses shared by several checks count for the check that asks first.
 */
final class CheckTimings {
  private static final String ERROR_PRONE_TIMINGS = "com.google.errorprone.ErrorProneTimings";

  /** The outcome of {@link #compile}: javac's exit code, and the timings if Error Prone ran. */
  record Compilation(int exitCode, ClockReport.Timings timings) {}

  private CheckTimings() {}

  /**
   * Compiles as {@code javac} would with these arguments, then prints Error Prone's clock, one
   * line per check ({@link ClockReport#print}), and exits with javac's exit code. The harness's
   * {@code --clock} runs it in a fresh JVM.
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    Compilation compilation = compile(args, out);
    if (compilation.timings() != null) {
      ClockReport.print(compilation.timings(), out);
    }
    out.flush();
    System.exit(compilation.exitCode());
  }

  /** Runs javac on {@code argv} (which may be {@code @argfile}) in this JVM, printing to {@code out}. */
  static Compilation compile(String[] argv, PrintWriter out) {
    PeekableContext context = new PeekableContext();
    JavacFileManager.preRegister(context); // as Main.compile(String[]) does with its own context
    ClockReport.Timings[] read = new ClockReport.Timings[1];
    MultiTaskListener.instance(context)
        .add(
            new TaskListener() {
              @Override
              public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.COMPILATION) {
                  read[0] = read(context);
                }
              }
            });
    Main.Result result = new Main("javac", out).compile(argv, context);
    out.flush();
    return new Compilation(result.exitCode, read[0]);
  }

  /** Error Prone's timings in {@code context}, or null when Error Prone did not run. */
  private static ClockReport.Timings read(PeekableContext context) {
    Object timings = context.find(ERROR_PRONE_TIMINGS);
    if (timings == null) {
      return null;
    }
    try {
      // ErrorProneTimings comes from the processor path's class loader: reached by reflection.
      Map<?, ?> byCheck = (Map<?, ?>) timings.getClass().getMethod("timings").invoke(timings);
      Duration initialization = (Duration) timings.getClass().getMethod("initializationTime").invoke(timings);
      List<Map.Entry<String, Duration>> entries = new ArrayList<>();
      byCheck.forEach((name, time) -> entries.add(Map.entry((String) name, (Duration) time)));
      entries.sort(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
      Map<String, Duration> sorted = new LinkedHashMap<>();
      entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return new ClockReport.Timings(initialization, sorted);
    } catch (ReflectiveOperationException | ClassCastException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new IllegalStateException("this Error Prone's " + ERROR_PRONE_TIMINGS + " is not the one this harness knows: " + cause, cause);
    }
  }

  /** A javac context whose components can be found by class name (they come from other class loaders). */
  private static final class PeekableContext extends Context {
    Object find(String className) {
      for (Object component : ht.values()) {
        if (component != null && component.getClass().getName().equals(className)) {
          return component;
        }
      }
      return null;
    }
  }
}
