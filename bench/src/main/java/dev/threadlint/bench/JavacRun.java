package dev.threadlint.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * One timed javac process: {@code /usr/bin/time -v javac @options} with the configuration's
 * options, the target's classpath and sources, class files written to a fresh folder. Its output
 * is kept in a log file and read for findings, errors and crashes.
 */
final class JavacRun {
  private static final Path TIME = Path.of("/usr/bin/time");
  /** {@link CheckTimings}, by name: this JVM cannot load it (no access to javac's internals). */
  private static final String CLOCK_MAIN = "dev.threadlint.bench.CheckTimings";
  /** {@link InProcess}, by name, for the same reason. */
  private static final String IN_PROCESS_MAIN = "dev.threadlint.bench.InProcess";
  /** Rounds of {@link #inProcess} left out of its summary: where javac itself gets compiled. */
  static final int IN_PROCESS_WARMUPS = 2;

  /**
   * The outcome of one run.
   *
   * @param clock Error Prone's clock of the checks, for a run through {@link #runWithClock}; null otherwise
   */
  record Result(
      Target target,
      Configuration configuration,
      Measurement measurement,
      Diagnostics diagnostics,
      Path log,
      ClockReport.Timings clock) {}

  private final Toolchain toolchain;
  private final Path work;
  private final List<String> extraJavacOptions;

  JavacRun(Toolchain toolchain, Path work, List<String> extraJavacOptions) {
    this.toolchain = toolchain;
    this.work = work;
    this.extraJavacOptions = extraJavacOptions;
    if (!Files.isExecutable(TIME)) {
      throw new IllegalStateException("/usr/bin/time is needed to measure CPU time and peak memory (apt-get install time)");
    }
  }

  Result run(Target target, Configuration configuration, String runLabel) throws IOException, InterruptedException {
    return run(target, configuration, runLabel, List.of());
  }

  /** Runs javac; {@code moreOptions} come last (a JFR recording, say). */
  Result run(Target target, Configuration configuration, String runLabel, List<String> moreOptions)
      throws IOException, InterruptedException {
    return run(target, configuration, runLabel, moreOptions, false);
  }

  /**
   * Runs javac in a JVM that reads Error Prone's clock of each check at the end ({@link
   * CheckTimings}): the same javac, options and files, started through {@code java} with this
   * harness's classes instead of the {@code javac} launcher.
   */
  Result runWithClock(Target target, Configuration configuration, String runLabel) throws IOException, InterruptedException {
    return run(target, configuration, runLabel, List.of(), true);
  }

  private Result run(Target target, Configuration configuration, String runLabel, List<String> moreOptions, boolean clock)
      throws IOException, InterruptedException {
    Path dir = work.resolve("runs").resolve(target.name());
    Files.createDirectories(dir);
    Path classes = dir.resolve("classes");
    Maven.deleteRecursively(classes);
    Files.createDirectories(classes);
    String stem = configuration.label() + "-" + runLabel;
    Path argfile = dir.resolve(stem + ".args");
    Path log = dir.resolve(stem + ".log");
    Path timeReport = dir.resolve(stem + ".time");

    List<String> options =
        withProcessors(
            withErrorProneFlags(configuration.javacOptions(toolchain), target.errorProneFlags()),
            target.processorPath());
    options.addAll(List.of(
        "-encoding", "UTF-8",
        "-Xmaxwarns", "1000000",
        "-Xmaxerrs", "1000",
        "-d", classes.toString(),
        // An empty classpath would mean the current folder: give javac the (empty) output folder.
        "-classpath", target.classpath().isEmpty() ? classes.toString() : join(target.classpath())));
    options.addAll(extraJavacOptions);
    options.addAll(moreOptions);
    // -J options must be on the command line; everything else goes through an @argfile.
    List<String> command = new ArrayList<>(List.of(TIME.toString(), "-v", "-o", timeReport.toString()));
    // The JVM's count of its JIT compilers' time, printed at exit: in a fresh javac most of the
    // CPU goes to compiling javac (and a plugin) to machine code, and it varies from run to run.
    List<String> jvmOptions = new ArrayList<>(List.of("-J-XX:+CITime"));
    List<String> argfileLines = new ArrayList<>();
    for (String option : options) {
      if (option.startsWith("-J")) {
        jvmOptions.add(option);
      } else {
        argfileLines.add(quote(option));
      }
    }
    if (clock) {
      command.add(toolchain.javac().resolveSibling("java").toString());
      jvmOptions.forEach(o -> command.add(o.substring(2)));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), CLOCK_MAIN));
    } else {
      command.add(toolchain.javac().toString());
      command.addAll(jvmOptions);
    }
    target.files().forEach(f -> argfileLines.add(quote(f.toString())));
    Files.write(argfile, argfileLines);
    command.add("@" + argfile);

    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    process.waitFor();
    String output = Files.readString(log);
    Measurement measurement = Measurement.parseTimeVerbose(Files.readString(timeReport)).withJitFrom(output);
    Diagnostics diagnostics = Diagnostics.parse(output, target.sources(), new HashSet<>(toolchain.pluginChecks()));
    Maven.deleteRecursively(classes);
    return new Result(target, configuration, measurement, diagnostics, log, clock ? ClockReport.parse(output) : null);
  }

  /**
   * Compiles the argfiles of the target's first measured run of each configuration in turn, round
   * after round, in one JVM ({@link InProcess}); returns its output, whose end compares the
   * configurations round by round. Call after {@link #run} has written those argfiles.
   */
  InProcessRun inProcess(Target target, List<Configuration> configurations, int rounds)
      throws IOException, InterruptedException {
    Path dir = work.resolve("runs").resolve(target.name());
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    List<String> command = new ArrayList<>(List.of(toolchain.javac().resolveSibling("java").toString()));
    List<String> jvmOptions = new ArrayList<>();
    List<String> argfiles = new ArrayList<>();
    for (Configuration configuration : configurations) {
      for (String option : configuration.javacOptions(toolchain)) {
        if (option.startsWith("-J") && !jvmOptions.contains(option.substring(2))) {
          jvmOptions.add(option.substring(2));
        }
      }
      argfiles.add(dir.resolve(configuration.label() + "-run1.args").toString());
    }
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), IN_PROCESS_MAIN));
    command.addAll(List.of("--warmups", Integer.toString(IN_PROCESS_WARMUPS), Integer.toString(rounds)));
    command.addAll(argfiles);
    Path log = dir.resolve("in-process.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    Maven.deleteRecursively(classes);
    return new InProcessRun(Files.readString(log), exit, log);
  }

  /** {@code options} with {@code flags} added to its {@code -Xplugin:ErrorProne} option, if any. */
  static List<String> withErrorProneFlags(List<String> options, List<String> flags) {
    List<String> result = new ArrayList<>(options);
    for (int i = 0; i < result.size(); i++) {
      if (result.get(i).startsWith("-Xplugin:ErrorProne") && !flags.isEmpty()) {
        result.set(i, result.get(i) + " " + String.join(" ", flags));
      }
    }
    return result;
  }

  /**
   * {@code options} with the annotation processors the sources need on the processor path (after
   * Error Prone and the plugin, if the configuration has them), or with {@code -proc:none} when
   * they need none: processors on the classpath are not the project's build.
   */
  static List<String> withProcessors(List<String> options, List<Path> processors) {
    List<String> result = new ArrayList<>(options);
    if (processors.isEmpty()) {
      result.add("-proc:none");
      return result;
    }
    String path = join(processors);
    int at = result.indexOf("-processorpath");
    if (at < 0) {
      result.addAll(List.of("-processorpath", path));
    } else {
      result.set(at + 1, result.get(at + 1) + File.pathSeparator + path);
    }
    return result;
  }

  /** The output of an {@link #inProcess} run, its exit code (non-zero: a compilation failed) and its log. */
  record InProcessRun(String output, int exit, Path log) {
    /** The summary at the end of the output, without the {@code [in-process]} prefix. */
    String summary() {
      int start = output.indexOf("[in-process] summary of ");
      if (start < 0) {
        return "";
      }
      StringBuilder text = new StringBuilder();
      output.substring(start).lines()
          .filter(line -> line.startsWith("[in-process] "))
          .forEach(line -> text.append(line.substring("[in-process] ".length())).append('\n'));
      return text.toString();
    }
  }

  private static String join(List<Path> paths) {
    List<String> entries = new ArrayList<>();
    paths.forEach(p -> entries.add(p.toString()));
    return String.join(File.pathSeparator, entries);
  }

  /** An argfile token: quoted, since paths may hold spaces. */
  private static String quote(String token) {
    return "\"" + token.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
