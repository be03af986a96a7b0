package dev.threadlint.samples.sharedstate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A pricing service keeps its discount table in a properties file that operators edit at run
 * time; a scheduled job calls {@code reload()} every minute, and every request calls {@code
 * discountFor()}. The pitfall reads the file while holding the monitor that every request needs:
 * on a slow or network-mounted disk, each reload stalls all requests for the length of the read
 * (and on JDK 21 to 23 pins the virtual threads that wait for the monitor). The fix reads and
 * parses outside the lock and only swaps the finished table in under it.
 */
public final class PricingConfigReload {
  private PricingConfigReload() {}

  /** Reads the file with the lock held: requests queue behind the disk. */
  static final class Pitfall {
    private final Path file;
    private Map<String, String> discounts = Map.of();

    Pitfall(Path file) {
      this.file = file;
    }

    synchronized void reload() {
      Properties loaded = new Properties();
      // BUG: Diagnostic contains: BlockingUnderLock
      // `Files.newBufferedReader()` opens a file
      try (Reader reader = Files.newBufferedReader(file)) {
        loaded.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      discounts = Map.copyOf(toMap(loaded));
    }

    synchronized String discountFor(String customerTier) {
      return discounts.getOrDefault(customerTier, "0");
    }
  }

  /** Reads and parses without the lock; only the swap is locked. */
  static final class Fix {
    private final Path file;
    private Map<String, String> discounts = Map.of();

    Fix(Path file) {
      this.file = file;
    }

    void reload() {
      Properties loaded = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        loaded.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, String> table = Map.copyOf(toMap(loaded));
      synchronized (this) {
        discounts = table;
      }
    }

    synchronized String discountFor(String customerTier) {
      return discounts.getOrDefault(customerTier, "0");
    }
  }

  static Map<String, String> toMap(Properties properties) {
    Map<String, String> map = new java.util.HashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
