package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetTest {
  @TempDir Path sources;

  /**
   * Tomcat 11 ships Java 22 code (the FFM OpenSSL binding) in packages whose file names repeat
   * elsewhere in it: a name leaves out every file so named, a folder ending in {@code /} leaves
   * out only the files under it.
   */
  @Test
  void excludesFilesByNameAndByFolder() throws IOException {
    write("a/Engine.java");
    write("a/panama/Engine.java");
    write("a/panama/deep/Binding.java");
    write("b/Legacy.java");
    write("b/Kept.java");
    write("module-info.java");

    Target target = Target.of("t", sources, List.of(), Set.of("Legacy.java", "a/panama/"));

    assertEquals(
        List.of("a/Engine.java", "b/Kept.java"),
        target.files().stream().map(p -> sources.relativize(p).toString().replace('\\', '/')).toList());
  }

  private void write(String path) throws IOException {
    Path file = sources.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class X {}\n");
  }
}
