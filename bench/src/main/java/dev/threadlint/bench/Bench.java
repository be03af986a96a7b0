package dev.threadlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark and real-code harness. For each target (a corpus project resolved through Maven,
 * or a size of synthetic code): warm-up runs, then rounds of one run per configuration (the
 * configurations interleave, so a slow spell of the machine hits all of them alike). Writes the
 * findings and the tables under {@code work/results/}, and exits non-zero if the plugin crashed or
 * javac reported an error in a configuration that runs the plugin, or a project did not compile.
 */
public final class Bench {
  /** One heap limit for every synthetic size, so the 1M-line compile has room and all sizes run alike. */
  private static final List<String> SYNTHETIC_HEAP = List.of("-J-Xmx12g");

  private final Options options;
  private final Toolchain toolchain;
  private final JavacRun javac;
  private final Results results;

  private Bench(Options options, Toolchain toolchain) {
    this.options = options;
    this.toolchain = toolchain;
    this.javac = new JavacRun(toolchain, options.work(), List.of());
    this.results = new Results(options, toolchain);
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Toolchain toolchain = Toolchain.load(options.errorProneClasspath(), options.pluginJar(), options.errorProneVersion(), options.work());
    System.out.println("[bench] plugin checks (from " + toolchain.pluginJar().getFileName() + "): " + toolchain.pluginChecks());
    System.out.println("[bench] javac " + toolchain.javac() + ", Error Prone " + toolchain.errorProneVersion());
    int status = new Bench(options, toolchain).run();
    System.exit(status);
  }

  private int run() throws IOException, InterruptedException {
    Files.createDirectories(options.work());
    results.start();
    Maven maven = new Maven(options.work());
    for (String name : options.projects()) {
      Corpus.Project project = Corpus.named(name);
      Maven.Resolved resolved = maven.resolve(name, project.artifact(), project.extraDependencies(), project.ownJarOnClasspath(), true);
      Target target =
          Target.of(
              name,
              resolved.sources(),
              resolved.classpath(),
              Set.copyOf(project.excludedFiles()),
              project.processorPath(resolved.classpath()),
              project.errorProneFlags());
      measure(target, options.configurations(), options.runs(), false);
    }
    if (!options.sizes().isEmpty()) {
      Maven.Resolved resolved =
          maven.resolve("synthetic", SyntheticCorpus.CLASSPATH_ARTIFACT, SyntheticCorpus.CLASSPATH_EXTRA, true, false);
      for (int size : options.sizes()) {
        Path sources = options.work().resolve("synthetic").resolve(String.valueOf(size));
        SyntheticCorpus.generate(sources, size);
        Target target = Target.of(Target.SYNTHETIC_PREFIX + size, sources, resolved.classpath(), Set.of());
        // Small sizes are cheap and noisy: more runs, up to ten; sizes above 100k lines (minutes
        // per run) fewer, at least two.
        int runs = size > 100_000
            ? Math.max(2, options.runs() - 1)
            : Math.min(10, Math.max(options.runs(), options.runs() * (100_000 / size)));
        measure(target, options.syntheticConfigurations(), runs, true);
      }
    }
    results.finish();
    return results.failed() ? 1 : 0;
  }

  private void measure(Target target, List<Configuration> configurations, int runs, boolean synthetic)
      throws IOException, InterruptedException {
    System.out.printf("[bench] %s: %d files, %,d lines%n", target.name(), target.files().size(), target.lines());
    Map<Configuration, List<Measurement>> measured = new LinkedHashMap<>();
    configurations.forEach(c -> measured.put(c, new ArrayList<>()));
    // A warm-up fills the file cache (sources, classpath, JDK); every run is a fresh JVM, so the
    // cheapest configuration does it as well as any.
    for (int w = 0; w < options.warmups(); w++) {
      JavacRun.Result result = javac.run(target, configurations.get(0), "warmup" + w, synthetic ? SYNTHETIC_HEAP : List.of());
      report(result, "warm-up");
      if (!results.record(result)) {
        results.measured(target, measured, synthetic);
        return;
      }
    }
    for (int round = 1; round <= runs; round++) {
      for (Configuration configuration : configurations) {
        JavacRun.Result result = javac.run(target, configuration, "run" + round, synthetic ? SYNTHETIC_HEAP : List.of());
        report(result, "run " + round + "/" + runs);
        measured.get(configuration).add(result.measurement());
        if (!results.record(result)) {
          results.measured(target, measured, synthetic);
          return; // a broken setup or a crash: the remaining runs would say nothing new
        }
      }
    }
    if (options.jfr() && configurations.contains(Configuration.C)) {
      Path recording = options.work().resolve("runs").resolve(target.name()).resolve("c.jfr");
      JavacRun.Result result = javac.run(target, Configuration.C, "jfr",
          // Method samples every 1 ms (max), thread CPU every 100 ms, every JIT compilation:
          // Profile splits javac's own CPU from the JIT compilers', and the compilers' time by
          // whose code they compiled.
          List.of("-J-XX:StartFlightRecording=filename=" + recording
              + ",settings=profile,method-profiling=max,jdk.ThreadCPULoad#period=100ms,jdk.Compilation#threshold=0ms"));
      report(result, "JFR profile " + recording);
      if (Files.exists(recording)) {
        String profile = Profile.summarize(recording);
        System.out.print(profile);
        results.profiled(target, profile);
      }
    }
    if (options.clock() && configurations.contains(Configuration.C)) {
      JavacRun.Result result = javac.runWithClock(target, Configuration.C, "clock");
      report(result, "Error Prone's clock");
      results.record(result);
    }
    if (options.inProcessRounds() > 0 && !synthetic && runs > 0) {
      inProcess(target, configurations);
    }
    results.measured(target, measured, synthetic);
  }

  /** The target's configurations compiled in turn in one JVM ({@code --in-process}). */
  private void inProcess(Target target, List<Configuration> configurations) throws IOException, InterruptedException {
    JavacRun.InProcessRun run = javac.inProcess(target, configurations, options.inProcessRounds());
    String summary = run.summary();
    System.out.printf("[bench]   %-16s in one JVM (%d warm-up + %d rounds), exit %d, log %s%n%s",
        target.name(), JavacRun.IN_PROCESS_WARMUPS, options.inProcessRounds(), run.exit(), run.log(), summary.indent(4));
    results.inProcess(target, summary, run.exit() == 0 ? null : "a compilation exited non-zero or the JVM failed: see " + run.log());
  }

  private static void report(JavacRun.Result result, String what) {
    Measurement m = result.measurement();
    System.out.printf("[bench]   %-16s (%s) %-8s wall %6.1f s  cpu %6.1f s  jit %5.1f s  rss %5d MB  exit %d  warnings %d  plugin findings %d%n",
        result.target().name(), result.configuration().label(), what, m.wallSeconds(), m.cpuSeconds(), m.jitSeconds(),
        m.peakRssKb() / 1024, m.exitStatus(), result.diagnostics().warnings(), result.diagnostics().findings().size());
  }
}
