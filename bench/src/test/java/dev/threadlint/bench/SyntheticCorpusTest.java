package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
  @TempDir Path dir;

  @Test
  void generatesAtLeastTheRequestedLinesInRealisticFiles() throws IOException {
    SyntheticCorpus.generate(dir, 10_000);
    Target target = Target.of("synthetic-10000", dir, java.util.List.of(), Set.of());
    assertTrue(target.lines() >= 10_000 && target.lines() < 11_000, "lines: " + target.lines());
    assertTrue(target.files().size() > 10, "files: " + target.files().size());
  }

  @Test
  void aFileDependsOnlyOnItsIndex() {
    assertEquals(SyntheticCorpus.service(42), SyntheticCorpus.service(42));
  }

  @Test
  void someFilesBlockOnAnEventLoopAndAllHaveHandlersAndHelpers() {
    int blocking = 0;
    for (int i = 0; i < 80; i++) {
      String source = SyntheticCorpus.service(i);
      assertTrue(source.contains("vertx.setPeriodic(") && source.contains("chain0_2("), "file " + i);
      if (source.contains("Thread.sleep(") || source.contains("pending.get()") || source.contains("    lock.lock();\n    try {\n      total += value;")) {
        blocking++;
      }
    }
    assertTrue(blocking >= 4 && blocking <= 20, "files with a blocking handler chain: " + blocking);
  }
}
