package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageTest {
  @TempDir Path dir;

  @Test
  void findsTheVerdictOfAFindingByProjectCheckAndLocation() throws IOException {
    Path file = dir.resolve("triage.tsv");
    Files.writeString(file, """
        # project\tcheck\tlocation\tverdict\treason
        vertx-core\tBlockingCallInEventLoop\tio/vertx/core/impl/VertxImpl.java:1006\treal\tawaitTermination on the event loop, at shutdown
        netty-common\tBlockingCallInEventLoop\tio/netty/util/concurrent/PromiseNotifier.java:109\tfalse-alarm\tget() on the completed future
        """);
    Triage triage = Triage.load(file);
    Diagnostics.Finding finding =
        new Diagnostics.Finding("BlockingCallInEventLoop", "io/vertx/core/impl/VertxImpl.java", 1006, "...");
    assertEquals(Triage.Verdict.REAL, triage.verdict("vertx-core", finding).verdict());
    assertNull(triage.verdict("netty-common", finding));
    assertNull(triage.verdict("vertx-core",
        new Diagnostics.Finding("BlockingCallOnUiThread", "io/vertx/core/impl/VertxImpl.java", 1006, "...")));
  }

  @Test
  void rejectsAnUnknownVerdict() throws IOException {
    Path file = dir.resolve("triage.tsv");
    Files.writeString(file, "p\tc\tA.java:1\tmaybe\tnot sure\n");
    assertThrows(IllegalArgumentException.class, () -> Triage.load(file));
  }

  @Test
  void aMissingFileMeansNothingRead() throws IOException {
    assertNull(Triage.load(dir.resolve("absent.tsv")).verdict("p", new Diagnostics.Finding("c", "A.java", 1, "")));
  }
}
