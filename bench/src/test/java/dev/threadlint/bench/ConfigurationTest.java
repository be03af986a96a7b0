package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
  private final Toolchain toolchain = new Toolchain(Path.of("javac"), List.of(Path.of("/ep/core.jar"), Path.of("/ep/dataflow.jar")),
      Path.of("/plugin.jar"), "2.42.0", List.of("BlockingCallInEventLoop", "BlockingCallOnUiThread"));

  @Test
  void plainJavacHasNoErrorProne() {
    assertEquals(List.of(), Configuration.A.javacOptions(toolchain));
  }

  @Test
  void onlyThePluginsChecksRunInC() {
    List<String> options = Configuration.C.javacOptions(toolchain);
    assertTrue(options.contains("-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingCallInEventLoop:WARN -Xep:BlockingCallOnUiThread:WARN"));
    assertTrue(options.contains("/ep/core.jar:/ep/dataflow.jar:/plugin.jar"));
  }

  @Test
  void bAndCDifferOnlyInTheChecksTheyEnable() {
    List<String> b = Configuration.B.javacOptions(toolchain);
    List<String> c = Configuration.C.javacOptions(toolchain);
    assertEquals(b.size(), c.size());
    assertTrue(b.contains("-Xplugin:ErrorProne -XepDisableAllChecks"));
    assertEquals(b.subList(0, b.size() - 1), c.subList(0, c.size() - 1));
  }

  @Test
  void pluginInternalErrorsFailLoudly() {
    assertTrue(Configuration.C.javacOptions(toolchain).contains("-J-Dthreadlint.strict=true"));
  }

  @Test
  void defaultsRunWithoutThePluginOnTheProcessorPath() {
    List<String> d = Configuration.D.javacOptions(toolchain);
    assertTrue(d.contains("/ep/core.jar:/ep/dataflow.jar"));
    assertTrue(d.contains("-Xplugin:ErrorProne -XepAllErrorsAsWarnings"));
    assertTrue(Configuration.E.javacOptions(toolchain).contains("/ep/core.jar:/ep/dataflow.jar:/plugin.jar"));
    assertFalse(Configuration.D.runsPlugin());
    assertTrue(Configuration.E.runsPlugin());
  }
}
