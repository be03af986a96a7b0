package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedingPlanTest {
  @TempDir Path dir;

  @Test
  void readsTheRowsWithTheDefaultSeedWhereNoneIsGiven() throws Exception {
    Path plan =
        Files.write(
            dir.resolve("plan.tsv"),
            List.of("# a comment", "", "guava\tsynchronized\tBlockingUnderLock", "lettuce\treturns=X\tSyncOverAsync\tx.join();"));

    List<SeedingPlan.Row> rows = SeedingPlan.read(plan);

    assertEquals(
        List.of(
            new SeedingPlan.Row("guava", "synchronized", "BlockingUnderLock", Seeding.SLEEP),
            new SeedingPlan.Row("lettuce", "returns=X", "SyncOverAsync", "x.join();")),
        rows);
  }

  @Test
  void aMalformedRowNamesItsLine() throws Exception {
    Path plan = Files.write(dir.resolve("plan.tsv"), List.of("# header", "guava synchronized BlockingUnderLock"));

    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> SeedingPlan.read(plan));

    assertTrue(thrown.getMessage().startsWith(plan + ":2: expected project, blocks, check"), thrown.getMessage());
  }

  @Test
  void runsTheRowsWhoseArgfileExistsAndTotalsThem() throws Exception {
    Path runs = dir.resolve("runs");
    Path source =
        Files.writeString(
            Files.createDirectories(dir.resolve("src")).resolve("Counter.java"),
            """
            class Counter {
              private final Object lock = new Object();
              private int n;
              void add() {
                synchronized (lock) { n++; }
              }
              void reset() {
                synchronized (lock) {
                  n = 0;
                }
              }
            }
            """);
    Files.write(
        Files.createDirectories(runs.resolve("counter")).resolve("c-run1.args"),
        List.of(
            "\"-processorpath\"",
            "\"" + System.getProperty("java.class.path") + "\"",
            "\"-XDcompilePolicy=simple\"",
            "\"--should-stop=ifError=FLOW\"",
            "\"-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingUnderLock:WARN\"",
            "\"-d\"",
            "\"" + dir.resolve("classes") + "\"",
            "\"" + source + "\""));
    List<SeedingPlan.Row> rows =
        List.of(
            new SeedingPlan.Row("counter", "synchronized", "BlockingUnderLock", Seeding.SLEEP),
            new SeedingPlan.Row("absent", "synchronized", "BlockingUnderLock", Seeding.SLEEP));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    List<SeedingPlan.Outcome> outcomes =
        SeedingPlan.run(rows, runs, dir.resolve("seeded"), new PrintStream(printed, true, StandardCharsets.UTF_8));
    String table = SeedingPlan.table(outcomes);

    String report = printed.toString(StandardCharsets.UTF_8);
    assertEquals(2, outcomes.get(0).seeds(), report);
    assertEquals(2, outcomes.get(0).found(), report);
    assertTrue(report.contains("[seeding] absent: skipped, no " + runs.resolve("absent").resolve("c-run1.args")), report);
    assertTrue(table.contains("| counter | BlockingUnderLock | `synchronized` | 2 | 2 |  |\n"), table);
    assertTrue(table.contains("| absent | BlockingUnderLock | `synchronized` | skipped | | |\n"), table);
    assertTrue(table.endsWith("| **all** | | | 2 | 2 | 0 |\n"), table);
  }
}
