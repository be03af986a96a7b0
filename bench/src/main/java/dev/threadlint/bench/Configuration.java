package dev.threadlint.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The five ways the harness compiles each project. (a) is what a build without Error Prone costs;
 * (b) and (c) differ only in which checks run, so (c)−(b) is this plugin's own cost; (d) and (e)
 * are a team that already runs Error Prone's defaults, before and after adding the plugin.
 */
enum Configuration {
  A("plain javac"),
  B("Error Prone, all checks disabled"),
  C("Error Prone, only this plugin's checks"),
  D("Error Prone defaults"),
  E("Error Prone defaults + this plugin");

  private final String description;

  Configuration(String description) {
    this.description = description;
  }

  String label() {
    return name().toLowerCase();
  }

  String description() {
    return description;
  }

  /** Whether a crash or an error in this configuration is the plugin's to answer for. */
  boolean runsPlugin() {
    return this == C || this == E;
  }

  /**
   * The javac options of this configuration (besides the sources, classpath and output folder,
   * common to all five). Error Prone findings that are errors by default become warnings in
   * (d) and (e), so a project that Error Prone objects to still compiles to the end and an
   * error always means a crash or a broken setup.
   */
  List<String> javacOptions(Toolchain toolchain) {
    List<String> options = new ArrayList<>();
    if (this == A) {
      return options;
    }
    for (String internal : JAVAC_INTERNALS) {
      options.add("-J" + internal);
    }
    // An internal error of a check propagates as an Error Prone crash instead of becoming a note.
    options.add("-J-D" + STRICT_PROPERTY + "=true");
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add("-processorpath");
    options.add(toolchain.processorPath(this != D));
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne");
    switch (this) {
      case B -> plugin.append(" -XepDisableAllChecks");
      case C -> {
        plugin.append(" -XepDisableAllChecks");
        toolchain.pluginChecks().forEach(check -> plugin.append(" -Xep:").append(check).append(":WARN"));
      }
      default -> plugin.append(" -XepAllErrorsAsWarnings");
    }
    options.add(plugin.toString());
    return options;
  }

  /** The plugin's switch for internal errors (dev.threadlint.config.InternalErrors). */
  static final String STRICT_PROPERTY = "threadlint.strict";

  /** The javac internals Error Prone needs (README, "Use it with plain javac"). */
  private static final List<String> JAVAC_INTERNALS =
      List.of(
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");

  static Configuration parse(String label) {
    return valueOf(label.trim().toUpperCase());
  }
}
