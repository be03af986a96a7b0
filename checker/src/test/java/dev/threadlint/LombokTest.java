package dev.threadlint;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All fifteen checks on code that Lombok rewrites before they see it, Lombok running as an
 * annotation processor beside Error Prone as in many builds: the trees it adds (a lock field and
 * a {@code synchronized} block for {@code @Synchronized}, {@code lock()}/{@code unlock()} for
 * {@code @Locked}, the double-checked locking of a lazy getter, accessors, a try/catch for
 * {@code @SneakyThrows}) must not crash the plugin, its locks must count as locks, and its
 * correct double-checked locking must not be reported. The findings are marked in the source
 * (see {@link MarkedFindings}).
 */
class LombokTest {
  @TempDir Path sources;

  private static List<File> lombok() {
    File jar = new File(System.getProperty("threadlint.lombok", "target/lombok/lombok.jar"));
    assertWithMessage("Lombok's jar, copied by the build").that(jar.isFile()).isTrue();
    return List.of(jar);
  }

  @Test
  void lombokGeneratedLocksAccessorsAndLazyGetters() {
    MarkedFindings.assertFindings(
        sources.resolve("demo/Inventory.java"),
        """
        package demo;

        import io.vertx.core.AbstractVerticle;
        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.locks.Lock;
        import java.util.concurrent.locks.ReentrantLock;
        import lombok.Data;
        import lombok.Getter;
        import lombok.Locked;
        import lombok.SneakyThrows;
        import lombok.Synchronized;

        public class Inventory extends AbstractVerticle {
          @Data
          public static class Item {
            private String sku;
            private int count;
          }

          @Getter(lazy = true)
          private final Map<String, Integer> prices = loadPrices();

          private final List<String> audit = new ArrayList<>();
          private final Lock stockLock = new ReentrantLock();
          private int restocks;

          private static Map<String, Integer> loadPrices() {
            return new HashMap<>();
          }

          @Override
          public void start() {
            vertx.setPeriodic(1000, id -> refresh()); // expect: BlockingCallInEventLoop
            vertx.setPeriodic(500, id -> System.out.println(getPrices().size()));
          }

          @SneakyThrows
          private void refresh() {
            Thread.sleep(10);
          }

          @Synchronized
          void restock(Item item) {
            pause(); // expect: BlockingUnderLock
            restocks++;
            audit.add(item.getSku());
          }

          @Locked("stockLock")
          void recount(Item item) {
            pause(); // expect: BlockingUnderLock
            item.setCount(item.getCount() + 1);
          }

          void importAll(ExecutorService pool, List<Item> items) {
            for (Item item : items) {
              pool.execute(() -> {
                item.setCount(0);
                audit.add(item.getSku()); // expect: UnsynchronizedSharedMutation
              });
            }
          }

          @SneakyThrows
          private static void pause() {
            Thread.sleep(5);
          }
        }
        """,
        lombok());
  }

  @Test
  void aLockLombokGeneratesIsNamedByItsAnnotation() {
    Compilation compilation =
        MarkedFindings.compile(
            sources.resolve("demo/Ledger.java"),
            """
            package demo;

            import lombok.Synchronized;

            class Ledger {
              private long total;

              @Synchronized
              void add(long amount) throws InterruptedException {
                Thread.sleep(1);
                total += amount;
              }
            }
            """,
            lombok());
    assertThat(compilation).hadWarningContaining("and `$lock` is held (`@Synchronized` at line 8)");
  }
}
