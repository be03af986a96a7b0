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

  /** ZooKeeper's QuorumPeer.java:1217: two findings on one line, one real, one false. */
  @Test
  void twoFindingsOnOneLineAreToldApartByTheirMessage() throws IOException {
    Path file = dir.resolve("triage.tsv");
    Files.writeString(file, """
        zk\tBlockingUnderLock\tQuorumPeer.java:1217\treal\tloads the database\t`getLastLoggedZxid()` blocks
        zk\tBlockingUnderLock\tQuorumPeer.java:1217\tfalse-alarm\tthe epoch is cached\t`getCurrentEpoch()` blocks
        """);
    Triage triage = Triage.load(file);
    assertEquals(Triage.Verdict.REAL, triage.verdict("zk", finding("... `getLastLoggedZxid()` blocks: ...")).verdict());
    assertEquals(
        Triage.Verdict.FALSE_ALARM, triage.verdict("zk", finding("... `getCurrentEpoch()` blocks: ...")).verdict());
    assertNull(triage.verdict("zk", finding("... `loadDataBase()` blocks: ...")));
  }

  private static Diagnostics.Finding finding(String message) {
    return new Diagnostics.Finding("BlockingUnderLock", "QuorumPeer.java", 1217, message);
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
