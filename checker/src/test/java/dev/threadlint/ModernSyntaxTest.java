package dev.threadlint;

import java.nio.file.Path;
import java.util.List;
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
 * The expected findings are marked in the sources (see {@link MarkedFindings}).
 */
class ModernSyntaxTest {
  @TempDir Path sources;

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

  private void assertFindings(String path, String source) {
    MarkedFindings.assertFindings(sources.resolve(path), source, List.of());
  }
}
