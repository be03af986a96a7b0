package dev.threadlint.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleReaderTest {
  @TempDir Path repository;

  private static final String SAMPLE =
      String.join(
          "\n",
          "package dev.threadlint.samples.eventloop;",
          "",
          "import io.vertx.core.AbstractVerticle;",
          "import java.util.concurrent.CompletableFuture;",
          "",
          "/**",
          " * A ticker on Vert.x, which {@code sleeps} in a timer. The fix sleeps nowhere.",
          " */",
          "public final class Ticker {",
          "  private Ticker() {}",
          "",
          "  /** Shared by both. */",
          "  static int period() {",
          "    return 1000;",
          "  }",
          "",
          "  /** Sleeps on the loop. */",
          "  static final class Pitfall extends AbstractVerticle {",
          "    @Override",
          "    public void start() {",
          "      vertx.setPeriodic(period(), id -> {",
          "        // Waits for the file. (kept)",
          "        // BUG: Diagnostic contains: BlockingCallInEventLoop",
          "        // `Thread.sleep()` sleeps the calling thread",
          "        sleep();",
          "      });",
          "    }",
          "",
          "    private void sleep() {}",
          "  }",
          "",
          "  /** Does not sleep. */",
          "  static final class Fix {",
          "    CompletableFuture<Void> start() {",
          "      return CompletableFuture.completedFuture(null);",
          "    }",
          "  }",
          "}",
          "");

  private Sample read() throws IOException {
    Path file = repository.resolve("samples/src/main/java/dev/threadlint/samples/eventloop/Ticker.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SAMPLE, UTF_8);
    List<Sample> samples = new SampleReader(repository).readAll(repository.resolve("samples/src/main/java"));
    assertEquals(1, samples.size());
    return samples.get(0);
  }

  @Test
  void readsTheStoryTitleAndCaptions() throws IOException {
    Sample sample = read();
    assertEquals("Ticker", sample.id());
    assertEquals("eventloop", sample.family());
    assertEquals(Path.of("samples/src/main/java/dev/threadlint/samples/eventloop/Ticker.java"), sample.path());
    assertEquals("A ticker on Vert.x, which sleeps in a timer", sample.title());
    assertEquals("The fix sleeps nowhere.", sample.storyUnderTitle());
    assertEquals("Sleeps on the loop.", sample.pitfall().caption());
    assertEquals("Does not sleep.", sample.fix().caption());
    assertEquals(List.of("Vert.x", "CompletableFuture"), sample.frameworks());
  }

  @Test
  void cutsThePitfallFromTheFileTextWithoutTheTestMarkers() throws IOException {
    Sample sample = read();
    String code = sample.pitfall().code().text();
    assertTrue(code.startsWith("static final class Pitfall extends AbstractVerticle {\n  @Override\n"), code);
    assertTrue(code.contains("      // Waits for the file. (kept)\n      sleep();\n"), "comments stay, markers go: " + code);
    assertFalse(code.contains("BUG: Diagnostic contains") || code.contains("sleeps the calling thread"), code);
    assertFalse(code.contains("Sleeps on the loop"), "the Javadoc becomes the caption");
    Snippet.Line call =
        sample.pitfall().code().lines().stream().filter(l -> l.text().contains("sleep();")).findFirst().orElseThrow();
    assertEquals(25, call.fileLine(), "lines keep their number in the file, where the compiler reports them");
    assertEquals(Map.of(23, "BlockingCallInEventLoop"), sample.markers());
    assertTrue(sample.shows("BlockingCallInEventLoop"));
    assertFalse(sample.shows("BlockingCallOnUiThread"));
  }

  @Test
  void sharedCodeKeepsHelpersAndTheirCommentsButNotThePrivateConstructor() throws IOException {
    String shared = read().shared().text();
    assertEquals("/** Shared by both. */\nstatic int period() {\n  return 1000;\n}\n", shared);
  }
}
