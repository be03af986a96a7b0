package dev.threadlint.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven instructions are the ones this module builds with, so the build tests
 * them: the compiler-plugin block is the same text, and the {@code .mvn/jvm.config} shown is
 * the project's own.
 */
class ReadmeSnippetTest {
  private static final Path ROOT = projectRoot();

  @Test
  void readmeShowsTheCompilerPluginBlockTheSamplesBuildWith() throws IOException {
    String pom = Files.readString(ROOT.resolve("samples/pom.xml"));
    int begin = pom.indexOf("<!-- BEGIN README SNIPPET");
    int end = pom.indexOf("<!-- END README SNIPPET -->");
    assertTrue(begin >= 0 && end > begin, "samples/pom.xml has the README SNIPPET markers");
    String block = pom.substring(pom.indexOf('\n', begin) + 1, end);
    String expected = dedent(block).strip();

    String readme = Files.readString(ROOT.resolve("README.md"));
    int section = readme.indexOf("## Use it in a Maven project");
    assertTrue(section >= 0, "README has a Maven section");
    int open = readme.indexOf("```xml\n", section);
    int close = readme.indexOf("```", open + 7);
    String shown = readme.substring(open + 7, close).strip();

    assertEquals(expected, shown, "README's Maven snippet differs from samples/pom.xml");
  }

  @Test
  void readmeShowsTheJvmConfigTheBuildUses() throws IOException {
    String jvmConfig = Files.readString(ROOT.resolve(".mvn/jvm.config")).strip();
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(readme.contains(jvmConfig), "README shows .mvn/jvm.config verbatim");
  }

  private static String dedent(String text) {
    String[] lines = text.split("\n", -1);
    int indent =
        Arrays.stream(lines)
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return Arrays.stream(lines)
        .map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .collect(Collectors.joining("\n"));
  }

  private static Path projectRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(".mvn/jvm.config"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the Threadlint checkout");
    }
    return dir;
  }
}
