package dev.threadlint;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * All fifteen checks, through {@code -Xplugin:ErrorProne}, on the syntax of newer Java versions
 * (records, sealed types, switch expressions, patterns, text blocks; record patterns and pattern
 * switches; unnamed variables, module imports, statements before {@code super(...)}, compact
 * source files), each source compiled by the JDK running the test: the plugin must accept what
 * javac accepts, and its analyses must still see the pitfalls written inside those constructs.
 * The expected findings are marked in the sources, {@code // expect: Check} on the reported line;
 * the checks run in strict mode (see the build), so an internal error fails the compilation.
 */
class ModernSyntaxTest {
  @TempDir Path sources;

  private static final Pattern EXPECT = Pattern.compile("// expect: (\\w+(?:, \\w+)*)");
  private static final Pattern REPORTED = Pattern.compile("^\\[(\\w+)\\] ");

  @Test
  void java17RecordsSealedTypesSwitchExpressionsAndPatterns() {
    assertFindings(
        "demo/Orders.java",
        """
        package demo;

        import io.vertx.core.AbstractVerticle;
        import java.nio.file.Path;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.concurrent.CompletableFuture;
        import java.util.concurrent.ExecutorService;

        public class Orders extends AbstractVerticle {
          sealed interface Command permits Get, Put, Clear {}

          record Get(String key) implements Command {}

          record Put(String key, String value) implements Command {
            Put {
              if (key.isBlank()) {
                throw new IllegalArgumentException(\"""
                    a key must not be blank
                    \""");
              }
            }
          }

          enum Clear implements Command {
            ALL {
              @Override
              String describe() {
                return "all";
              }
            };

            abstract String describe();
          }

          private final List<String> journal = new ArrayList<>();
          private long handled;

          @Override
          public void start() {
            vertx.setPeriodic(1000, id -> {
              Command command = next();
              String outcome = switch (kind(command)) {
                case "get" -> "read";
                case "put" -> {
                  if (command instanceof Put put && !put.value().isEmpty()) {
                    persist(put); // expect: BlockingCallInEventLoop
                  }
                  yield "written";
                }
                default -> {
                  var describer = new Object() {
                    String text() {
                      return "cleared";
                    }
                  };
                  yield describer.text();
                }
              };
              System.out.println(outcome);
            });
          }

          private static String kind(Command command) {
            if (command instanceof Get) {
              return "get";
            }
            return command instanceof Put ? "put" : "clear";
          }

          private Command next() {
            return new Get("k");
          }

          private void persist(Put put) {
            try {
              Thread.sleep(put.value().length());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }

          String importAll(ExecutorService pool, List<Path> files) {
            record Batch(List<Path> paths) {}
            Batch batch = new Batch(files);
            for (Path file : batch.paths()) {
              pool.execute(() -> {
                handled += switch (file.getFileName().toString().length() % 2) { // expect: UnsynchronizedSharedMutation
                  case 0 -> 1;
                  default -> {
                    yield 2;
                  }
                };
                journal.add(file.toString()); // expect: UnsynchronizedSharedMutation
              });
            }
            return "handled " + handled; // expect: UnsynchronizedSharedMutation
          }

          CompletableFuture<CompletableFuture<String>> price(CompletableFuture<String> sku) {
            return sku.thenApply((var id) -> switch (id.length()) { // expect: NestedFuture
              case 0 -> CompletableFuture.completedFuture("free");
              default -> CompletableFuture.supplyAsync(() -> id + " priced");
            });
          }
        }
        """);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void java21RecordPatternsPatternSwitchesAndVirtualThreads() {
    assertFindings(
        "demo/Shapes.java",
        """
        package demo;

        import io.vertx.core.AbstractVerticle;
        import java.util.List;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Executors;

        public class Shapes extends AbstractVerticle {
          sealed interface Shape permits Circle, Square, Group {}

          record Point(int x, int y) {}

          record Circle(Point centre, int radius) implements Shape {}

          record Square(Point corner, int side) implements Shape {}

          record Group(Shape first, Shape second) implements Shape {}

          private final Object lock = new Object();
          private int drawn;

          @Override
          public void start() {
            vertx.eventBus().<Shape>consumer("draw", message -> {
              String text = switch (message.body()) {
                case null -> "nothing";
                case Circle(Point(var x, var y), int r) when r > 100 -> {
                  render(x, y); // expect: BlockingCallInEventLoop
                  yield "big circle";
                }
                case Circle c -> "circle";
                case Square(Point p, int side) -> "square " + side;
                case Group(Circle a, Shape b) -> "group from a circle";
                case Group g -> "group";
              };
              message.reply(text);
            });
          }

          void drawAll(List<Shape> shapes) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
              for (Shape shape : shapes) {
                pool.submit(() -> {
                  synchronized (lock) {
                    if (shape instanceof Square(Point(int x, int y), int side) && side > 0) {
                      render(x, y); // expect: BlockingUnderLock
                    }
                    drawn++;
                  }
                });
              }
            }
          }

          private void render(int x, int y) {
            try {
              Thread.sleep(x + y);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
        """);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_25)
  void java25ModuleImportsUnnamedVariablesAndStatementsBeforeSuper() {
    assertFindings(
        "demo/Counters.java",
        """
        package demo;

        import module java.base;
        import io.vertx.core.AbstractVerticle;

        public class Counters extends AbstractVerticle {
          static final class Named extends Thread {
            Named(String name, Runnable task) {
              String trimmed = Objects.requireNonNull(name).strip();
              if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("a thread needs a name");
              }
              super(task, trimmed);
            }
          }

          private final Map<String, Integer> counts = new HashMap<>();

          @Override
          public void start() {
            vertx.setTimer(10, _ -> pause()); // expect: BlockingCallInEventLoop
          }

          void pause() {
            try {
              Thread.sleep(5);
            } catch (InterruptedException _) {
              Thread.currentThread().interrupt();
            }
          }

          void countAll(List<String> words) {
            for (String word : words) {
              new Named("counter", () -> {}).start();
              new Thread(() -> counts.merge(word, 1, Integer::sum)).start(); // expect: UnsynchronizedSharedMutation
            }
          }
        }
        """);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_25)
  void java25CompactSourceFile() {
    assertFindings(
        "Main.java",
        """
        final Map<String, Integer> hits = new HashMap<>();
        int served;

        void main() {
          ExecutorService pool = Executors.newFixedThreadPool(4);
          for (var path : List.of("a", "b")) {
            pool.execute(() -> {
              served++; // expect: UnsynchronizedSharedMutation
              hits.merge(path, 1, Integer::sum); // expect: UnsynchronizedSharedMutation
            });
          }
          IO.println("served " + served); // expect: UnsynchronizedSharedMutation
          pool.shutdown();
        }
        """);
  }

  /**
   * Compiles {@code source} as {@code path} with the plugin's checks only, and asserts that it
   * compiles and that the checks report exactly the lines marked {@code // expect: Check}.
   */
  private void assertFindings(String path, String source) {
    Compilation compilation = compile(path, source);
    assertThat(compilation).succeeded();
    assertThat(reported(compilation)).containsExactlyElementsIn(expected(source));
  }

  private Compilation compile(String path, String source) {
    Path file = sources.resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      return Compiler.javac()
          .withOptions("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", pluginFlags())
          .withAnnotationProcessorPath(PluginClasspath.files())
          .withClasspath(PluginClasspath.files())
          .compile(JavaFileObjects.forResource(file.toUri().toURL()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Only this plugin's checks, each named: Error Prone's own are not what is tested here. */
  private static String pluginFlags() {
    StringBuilder flags = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    int checks = 0;
    for (ServiceLoader.Provider<BugChecker> provider : ServiceLoader.load(BugChecker.class).stream().toList()) {
      Class<? extends BugChecker> type = provider.type();
      if (type.getName().startsWith("dev.threadlint.")) {
        BugPattern pattern = type.getAnnotation(BugPattern.class);
        String name = pattern.name().isEmpty() ? type.getSimpleName() : pattern.name();
        flags.append(" -Xep:").append(name).append(":WARN");
        checks++;
      }
    }
    assertWithMessage("the plugin's checks registered as services").that(checks).isEqualTo(15);
    return flags.toString();
  }

  private static TreeSet<String> expected(String source) {
    TreeSet<String> expected = new TreeSet<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = EXPECT.matcher(lines.get(i));
      if (marker.find()) {
        for (String check : marker.group(1).split(", ")) {
          expected.add(check + " at line " + (i + 1));
        }
      }
    }
    assertWithMessage("expectations in the source").that(expected).isNotEmpty();
    return expected;
  }

  private static TreeSet<String> reported(Compilation compilation) {
    TreeSet<String> reported = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      Matcher check = REPORTED.matcher(d.getMessage(null));
      if (check.find()) {
        reported.add(check.group(1) + " at line " + d.getLineNumber());
      }
    }
    return reported;
  }

}
