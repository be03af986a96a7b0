package dev.threadlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What the runs showed, written under {@code work/results/}: {@code runs.tsv} (every measured run),
 * {@code findings.md} (the plugin's findings per project and check, with file:line and the triage
 * verdict) and {@code summary.md} (the tables that go into bench/RESULTS.md).
 */
final class Results {
  /** A run that makes the harness fail: a crash, an error, a non-zero javac exit. */
  record Failure(Target target, Configuration configuration, Path log, List<String> errors, List<Diagnostics.Crash> crashes) {}

  private record Measured(Target target, Map<Configuration, List<Measurement>> runs) {
    Stats stats(Configuration c, ToDoubleFunction<Measurement> metric) {
      List<Measurement> list = runs.get(c);
      // NaN: not measured in that run (a JIT time without the JVM's report).
      return Stats.of(list == null ? List.of() : list.stream().map(metric::applyAsDouble).filter(v -> !v.isNaN()).toList());
    }
  }

  private final Options options;
  private final Toolchain toolchain;
  private final Path dir;
  private final List<Failure> failures = new ArrayList<>();
  private final List<JavacRun.Result> allRuns = new ArrayList<>();
  private final Map<String, List<Diagnostics.Finding>> findings = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  /** Error Prone's clock of the checks, by target, from the runs with {@code --clock}. */
  private final Map<String, ClockReport.Timings> clocks = new LinkedHashMap<>();
  /** What {@link Profile} says of each project's {@code --jfr} run. */
  private final Map<String, String> profiles = new LinkedHashMap<>();
  /** The summaries of the {@code --in-process} rounds, by target. */
  private final Map<String, String> inProcess = new LinkedHashMap<>();
  private final List<Measured> corpus = new ArrayList<>();
  private final List<Measured> synthetic = new ArrayList<>();
  private String started = "";
  private String loadAtStart = "";

  Results(Options options, Toolchain toolchain) {
    this.options = options;
    this.toolchain = toolchain;
    this.dir = options.work().resolve("results");
  }

  void start() {
    started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    loadAtStart = loadAverage();
  }

  /** Records a run; false when it failed (the target's remaining runs are skipped). */
  boolean record(JavacRun.Result result) {
    allRuns.add(result);
    Diagnostics d = result.diagnostics();
    String name = result.target().name();
    if (result.clock() != null) {
      clocks.put(name, result.clock());
    }
    if (result.configuration().runsPlugin() && !result.target().isSynthetic()) {
      List<Diagnostics.Finding> known = findings.get(name);
      if (known == null) {
        findings.put(name, d.findings());
      } else if (!sameLocations(known, d.findings())) {
        notes.add(name + ": configuration (" + result.configuration().label() + ") reported "
            + d.findings().size() + " plugin findings, an earlier run " + known.size());
      }
    }
    boolean failed = !d.errors().isEmpty() || !d.crashes().isEmpty() || result.measurement().exitStatus() != 0;
    if (failed) {
      Failure failure = new Failure(result.target(), result.configuration(), result.log(), d.errors(), d.crashes());
      failures.add(failure);
      System.out.println(describe(failure));
    }
    return !failed;
  }

  void measured(Target target, Map<Configuration, List<Measurement>> runs, boolean isSynthetic) {
    (isSynthetic ? synthetic : corpus).add(new Measured(target, runs));
  }

  void profiled(Target target, String profile) {
    profiles.put(target.name(), profile);
  }

  /** The summary of a target's {@code --in-process} rounds, and what went wrong if anything did. */
  void inProcess(Target target, String summary, String problem) {
    inProcess.put(target.name(), summary + (problem == null ? "" : "(" + problem + ")\n"));
    if (problem != null) {
      notes.add(target.name() + ", in one JVM: " + problem);
    }
  }

  boolean failed() {
    return !failures.isEmpty();
  }

  void finish() throws IOException {
    Files.createDirectories(dir);
    Triage triage = Triage.load(options.work().getParent().resolve("triage.tsv"));
    Files.writeString(dir.resolve("runs.tsv"), runsTsv());
    Files.writeString(dir.resolve("findings.md"), findingsReport(triage));
    String summary = summary(triage);
    Files.writeString(dir.resolve("summary.md"), summary);
    System.out.println();
    System.out.println(summary);
    System.out.println("[bench] reports: " + dir.resolve("summary.md") + ", " + dir.resolve("findings.md") + ", " + dir.resolve("runs.tsv"));
    if (failed()) {
      System.out.println("[bench] FAILED:");
      failures.forEach(f -> System.out.println(describe(f)));
    }
  }

  private static String describe(Failure f) {
    StringBuilder text = new StringBuilder();
    boolean crashed = !f.crashes().isEmpty();
    String what = crashed
        ? (f.configuration().runsPlugin() ? "the compiler crashed with the plugin" : "the compiler crashed")
        : f.configuration().runsPlugin() ? "javac reported errors with the plugin" : "the project does not compile (setup)";
    text.append(String.format("[bench] FAILURE %s (%s): %s; log %s%n", f.target().name(), f.configuration().label(), what, f.log()));
    for (Diagnostics.Crash crash : f.crashes()) {
      text.append(String.format("[bench]   crash in file %s, check %s: %s%n",
          crash.file() == null ? "(not named by javac; see the log)" : crash.file(),
          crash.check() == null ? "(javac itself)" : crash.check(), crash.exception()));
    }
    f.errors().stream().limit(20).forEach(e -> text.append("[bench]   ").append(e).append('\n'));
    if (f.errors().size() > 20) {
      text.append("[bench]   ... ").append(f.errors().size() - 20).append(" more errors in the log\n");
    }
    return text.toString();
  }

  private static boolean sameLocations(List<Diagnostics.Finding> a, List<Diagnostics.Finding> b) {
    return a.stream().map(f -> f.check() + f.location()).sorted().toList()
        .equals(b.stream().map(f -> f.check() + f.location()).sorted().toList());
  }

  private String runsTsv() {
    StringBuilder tsv = new StringBuilder("target\tconfiguration\trun\twall_s\tcpu_s\tpeak_rss_kb\texit\twarnings\tplugin_findings\tjit_s\n");
    for (JavacRun.Result r : allRuns) {
      Measurement m = r.measurement();
      tsv.append(String.join("\t", r.target().name(), r.configuration().label(),
          r.log().getFileName().toString().replace(".log", ""),
          String.format("%.2f", m.wallSeconds()), String.format("%.2f", m.cpuSeconds()),
          String.valueOf(m.peakRssKb()), String.valueOf(m.exitStatus()),
          String.valueOf(r.diagnostics().warnings()), String.valueOf(r.diagnostics().findings().size()),
          Double.isNaN(m.jitSeconds()) ? "" : String.format("%.2f", m.jitSeconds()))).append('\n');
    }
    return tsv.toString();
  }

  private String findingsReport(Triage triage) {
    StringBuilder md = new StringBuilder("# Threadlint findings on the corpus\n\n");
    md.append("Run of ").append(started).append("; checks: ").append(String.join(", ", toolchain.pluginChecks())).append(".\n\n");
    for (var entry : findings.entrySet()) {
      String project = entry.getKey();
      Map<String, List<Diagnostics.Finding>> byCheck = new TreeMap<>();
      toolchain.pluginChecks().forEach(c -> byCheck.put(c, new ArrayList<>()));
      entry.getValue().forEach(f -> byCheck.computeIfAbsent(f.check(), c -> new ArrayList<>()).add(f));
      md.append("## ").append(project).append("\n\n");
      for (var check : byCheck.entrySet()) {
        md.append("### ").append(check.getKey()).append(": ").append(check.getValue().size()).append(" findings\n\n");
        for (Diagnostics.Finding f : check.getValue()) {
          Triage.Entry verdict = triage.verdict(project, f);
          md.append("- `").append(f.location()).append("` ")
              .append(verdict == null ? "**not triaged**" : "**" + verdict.verdict().name().toLowerCase().replace('_', '-') + "**: " + verdict.reason())
              .append("\n  ").append(f.message()).append('\n');
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  private String summary(Triage triage) {
    StringBuilder md = new StringBuilder();
    md.append("## Run\n\n");
    md.append("- Date: ").append(started).append('\n');
    md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(memory()).append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append('\n');
    md.append("- JDK: ").append(System.getProperty("java.vm.vendor")).append(' ').append(System.getProperty("java.runtime.version"))
        .append(" (javac ").append(toolchain.javac()).append(")\n");
    md.append("- Error Prone ").append(toolchain.errorProneVersion()).append("; plugin ").append(pluginRevision())
        .append(", checks: ").append(String.join(", ", toolchain.pluginChecks())).append('\n');
    md.append("- Runs: ").append(options.warmups()).append(" warm-up + ").append(options.runs())
        .append(" measured per configuration (interleaved); each run a fresh javac process under /usr/bin/time -v\n");
    md.append("- Load average (1, 5, 15 min) at start: ").append(loadAtStart).append("; at end: ").append(loadAverage()).append('\n');
    md.append('\n');
    if (!corpus.isEmpty()) {
      corpusTables(md);
    }
    if (!synthetic.isEmpty()) {
      scalingTable(md);
    }
    if (!profiles.isEmpty()) {
      md.append("## JFR profile of one more run of (c) per project (--jfr)\n\n");
      md.append("The plugin's cost read from within one run, where the machine's speed cancels out: its share of the"
          + " javac thread's samples, and the JIT compilers' time on its methods (in a fresh javac the plugin's"
          + " classes are loaded anew, so their compilation is paid in every compilation).\n\n```\n");
      profiles.values().forEach(md::append);
      md.append("```\n\n");
    }
    if (!inProcess.isEmpty()) {
      md.append("## In one JVM, as a multi-module Maven build runs javac (--in-process)\n\n");
      md.append("Each project's configurations compiled in turn, round after round, in one JVM after ")
          .append(JavacRun.IN_PROCESS_WARMUPS)
          .append(" warm-up rounds: javac's own code warm, Error Prone and the plugin loaded by a new class loader,"
              + " cold, for every compilation. The differences are taken within each round, whose compilations run"
              + " seconds apart (CPU: the whole process, JIT and GC included; of it JIT: the JIT compilers' time, as a share"
              + " of the first configuration's CPU; javac thread: its own CPU).\n\n");
      inProcess.forEach((name, summary) -> md.append("**").append(name).append("**\n\n```\n").append(summary).append("```\n\n"));
    }
    if (!findings.isEmpty()) {
      findingsTables(md, triage);
    }
    md.append("## Crash-freedom\n\n");
    if (failures.isEmpty()) {
      md.append("No crash and no error in any run (").append(allRuns.size()).append(" javac runs).\n");
    } else {
      failures.forEach(f -> md.append("```\n").append(describe(f)).append("```\n"));
    }
    notes.forEach(n -> md.append("\nNote: ").append(n).append('\n'));
    return md.toString();
  }

  private void corpusTables(StringBuilder md) {
    List<Configuration> configs = options.configurations();
    md.append("## Real code\n\n");
    md.append("Configurations: ");
    configs.forEach(c -> md.append("(").append(c.label()).append(") ").append(c.description()).append("; "));
    md.append("median ±half the range over the measured runs.\n\n");
    metricTable(md, "Wall time", configs, Measurement::wallSeconds, " s", 1);
    metricTable(md, "CPU time (user + system)", configs, Measurement::cpuSeconds, " s", 1);
    metricTable(md, "Peak RSS", configs, m -> m.peakRssKb() / 1024.0, " MB", 0);
    if (corpus.stream().anyMatch(m -> configs.stream().anyMatch(c -> m.stats(c, Measurement::jitSeconds).count() > 0))) {
      md.append("The JIT compilers' time (C1 and C2, as the JVM counts it with `-XX:+CITime`) is part of the CPU time above: ")
          .append("in a fresh javac most of it goes to compiling javac's own code, and it varies from run to run by as much as a plugin costs.\n\n");
      metricTable(md, "JIT compile time", configs, Measurement::jitSeconds, " s", 1);
    }
    boolean ac = configs.contains(Configuration.A) && configs.contains(Configuration.C);
    boolean de = configs.contains(Configuration.D) && configs.contains(Configuration.E);
    if (ac || de) {
      boolean b = ac && configs.contains(Configuration.B);
      // The JIT's part of (c)−(b): only when every run of a, b and c has a JIT time.
      boolean jit = b && corpus.stream().allMatch(m -> java.util.stream.Stream.of(Configuration.A, Configuration.B, Configuration.C).allMatch(c -> m.stats(c, Measurement::jitSeconds).count() == m.stats(c, Measurement::cpuSeconds).count()));
      Columns columns = new Columns(ac, b, jit, de);
      md.append("### Ratios (of medians; target: c/a ≤ 1.15, (c−b)/a ≤ 5%, e/d ≤ 1.05)\n\n");
      header(md, columns);
      double[] sums = new double[15];
      for (Measured m : corpus) {
        double[] wall = medians(m, Measurement::wallSeconds);
        double[] cpu = medians(m, Measurement::cpuSeconds);
        double[] jitTime = medians(m, Measurement::jitSeconds);
        for (int i = 0; i < 5; i++) {
          sums[i] += wall[i];
          sums[5 + i] += cpu[i];
          sums[10 + i] += jitTime[i];
        }
        ratioRow(md, m.target().name(), wall, cpu, jitTime, columns);
      }
      if (corpus.size() > 1) {
        ratioRow(md, "**overall** (sum of medians)", java.util.Arrays.copyOfRange(sums, 0, 5), java.util.Arrays.copyOfRange(sums, 5, 10), java.util.Arrays.copyOfRange(sums, 10, 15), columns);
      }
      md.append('\n');
      if (jit) {
        md.append("\"of it JIT\" is the JIT compilers' part of (c−b)/a CPU: (JIT time of c − JIT time of b) / CPU time of a.\n\n");
      }
      roundRatios(md, columns);
    }
    if (!clocks.isEmpty()) {
      clockTable(md);
    }
  }

  /** Error Prone's clock of the plugin's checks, from the {@code --clock} runs. */
  private void clockTable(StringBuilder md) {
    md.append("### Error Prone's clock of the checks (one more run of (c) per project)\n\n");
    md.append("The javac thread's time inside each check's matchers as Error Prone measures it; it leaves out the JIT compiling the plugin and Error Prone's dispatch to the matchers, and an analysis that several checks share counts for the check that asks first.\n\n");
    md.append("| project | Error Prone set-up | all checks | the largest |\n|---|---|---|---|\n");
    clocks.forEach((name, clock) -> {
      List<String> largest = new ArrayList<>();
      clock.byCheck().entrySet().stream()
          .limit(3)
          .forEach(e -> largest.add(String.format("%s %.2f s", e.getKey(), e.getValue().toNanos() / 1e9)));
      md.append(String.format("| %s | %.2f s | %.2f s | %s |%n",
          name, clock.initialization().toNanos() / 1e9, clock.checks().toNanos() / 1e9, String.join(", ", largest)));
    });
    md.append('\n');
  }

  /** The columns of a ratio table: those of the configurations that ran. */
  private record Columns(boolean ac, boolean b, boolean jit, boolean de) {}

  /** The same ratios taken within each round (see {@link RoundRatios}): median, lowest and highest. */
  private void roundRatios(StringBuilder md, Columns columns) {
    md.append("### Ratios within each round (median over the rounds [lowest, highest])\n\n");
    md.append("Each round runs the configurations back to back, so a change of the machine's speed between rounds cancels out of these.\n\n");
    header(md, columns);
    for (Measured m : corpus) {
      roundRatioRow(md, m.target().name(), List.of(m.runs()), columns);
    }
    if (corpus.size() > 1) {
      roundRatioRow(md, "**overall** (the targets' runs of a round summed)", corpus.stream().map(Measured::runs).toList(), columns);
    }
    md.append('\n');
  }

  private static void roundRatioRow(
      StringBuilder md, String name, List<Map<Configuration, List<Measurement>>> runs, Columns columns) {
    md.append("| ").append(name).append(" |");
    if (columns.ac()) {
      timesRange(md, runs, RoundRatios.C_OVER_A);
    }
    if (columns.b()) {
      for (ToDoubleFunction<Measurement> metric : List.<ToDoubleFunction<Measurement>>of(Measurement::wallSeconds, Measurement::cpuSeconds)) {
        percentRange(md, RoundRatios.of(runs, metric, RoundRatios.PLUGIN_OVER_A));
      }
    }
    if (columns.jit()) {
      percentRange(md, RoundRatios.pluginJitOverA(runs));
    }
    if (columns.de()) {
      timesRange(md, runs, RoundRatios.E_OVER_D);
    }
    md.append('\n');
  }

  /** A ratio of two configurations' times, for wall and CPU time: median [lowest, highest]. */
  private static void timesRange(StringBuilder md, List<Map<Configuration, List<Measurement>>> runs, RoundRatios.Ratio ratio) {
    for (ToDoubleFunction<Measurement> metric : List.<ToDoubleFunction<Measurement>>of(Measurement::wallSeconds, Measurement::cpuSeconds)) {
      Stats s = RoundRatios.of(runs, metric, ratio);
      md.append(String.format(" %.3f [%.3f, %.3f] |", s.median(), s.min(), s.max()));
    }
  }

  private static void percentRange(StringBuilder md, Stats s) {
    md.append(String.format(" %+.1f%% [%+.1f%%, %+.1f%%] |", s.median() * 100, s.min() * 100, s.max() * 100));
  }

  /** The header of a ratio table: the columns of the configurations that ran. */
  private static void header(StringBuilder md, Columns columns) {
    md.append("| project |")
        .append(columns.ac() ? " c/a wall | c/a CPU |" : "")
        .append(columns.b() ? " (c−b)/a wall | (c−b)/a CPU |" : "")
        .append(columns.jit() ? " of it JIT |" : "")
        .append(columns.de() ? " e/d wall | e/d CPU |" : "")
        .append('\n');
    md.append("|---|")
        .append(columns.ac() ? "---|---|" : "")
        .append(columns.b() ? "---|---|" : "")
        .append(columns.jit() ? "---|" : "")
        .append(columns.de() ? "---|---|" : "")
        .append('\n');
  }

  private static void ratioRow(StringBuilder md, String name, double[] wall, double[] cpu, double[] jit, Columns columns) {
    md.append("| ").append(name).append(" |");
    if (columns.ac()) {
      md.append(String.format(" %.3f | %.3f |", wall[2] / wall[0], cpu[2] / cpu[0]));
    }
    if (columns.b()) {
      md.append(String.format(" %+.1f%% | %+.1f%% |", (wall[2] - wall[1]) / wall[0] * 100, (cpu[2] - cpu[1]) / cpu[0] * 100));
    }
    if (columns.jit()) {
      md.append(String.format(" %+.1f%% |", (jit[2] - jit[1]) / cpu[0] * 100));
    }
    if (columns.de()) {
      md.append(String.format(" %.3f | %.3f |", wall[4] / wall[3], cpu[4] / cpu[3]));
    }
    md.append('\n');
  }

  /** Medians of configurations a..e (NaN where not run). */
  private static double[] medians(Measured m, ToDoubleFunction<Measurement> metric) {
    double[] medians = new double[5];
    for (Configuration c : Configuration.values()) {
      medians[c.ordinal()] = m.stats(c, metric).median();
    }
    return medians;
  }

  private void metricTable(StringBuilder md, String title, List<Configuration> configs,
      ToDoubleFunction<Measurement> metric, String unit, int decimals) {
    md.append("### ").append(title).append("\n\n| project | files | lines |");
    configs.forEach(c -> md.append(" (").append(c.label()).append(") |"));
    md.append("\n|---|---|---|");
    configs.forEach(c -> md.append("---|"));
    md.append('\n');
    for (Measured m : corpus) {
      md.append("| ").append(m.target().name()).append(" | ").append(m.target().files().size())
          .append(" | ").append(String.format("%,d", m.target().lines())).append(" |");
      for (Configuration c : configs) {
        Stats s = m.stats(c, metric);
        md.append(' ').append(s.count() == 0 ? "–" : String.format("%." + decimals + "f%s ±%.0f%%", s.median(), unit, s.spreadPercent())).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private void scalingTable(StringBuilder md) {
    List<Configuration> configs = options.syntheticConfigurations();
    boolean abc = configs.containsAll(List.of(Configuration.A, Configuration.B, Configuration.C));
    md.append("## Scaling (synthetic code)\n\n");
    md.append("Per size: median wall and CPU time per configuration; per thousand lines (kLOC): the whole compile with the plugin (c), and the plugin's own share (c−b), in CPU milliseconds.\n\n");
    md.append("| size | files | lines | runs |");
    configs.forEach(c -> md.append(" (").append(c.label()).append(") wall | (").append(c.label()).append(") CPU |"));
    md.append(abc ? " (c) CPU ms/kLOC | (c−b) CPU ms/kLOC | (c−b)/a CPU | (c) peak RSS |" : "").append('\n');
    md.append("|---|---|---|---|");
    configs.forEach(c -> md.append("---|---|"));
    md.append(abc ? "---|---|---|---|" : "").append('\n');
    for (Measured m : synthetic) {
      double kloc = m.target().lines() / 1000.0;
      md.append("| ").append(m.target().name().replace("synthetic-", "")).append(" | ").append(m.target().files().size())
          .append(" | ").append(String.format("%,d", m.target().lines())).append(" | ")
          .append(m.stats(configs.get(0), Measurement::wallSeconds).count()).append(" |");
      for (Configuration c : configs) {
        md.append(' ').append(m.stats(c, Measurement::wallSeconds).format(" s")).append(" | ")
            .append(m.stats(c, Measurement::cpuSeconds).format(" s")).append(" |");
      }
      if (abc) {
        double[] cpu = medians(m, Measurement::cpuSeconds);
        md.append(String.format(" %.0f | %.1f | %+.1f%% | %.0f MB |", cpu[2] * 1000 / kloc, (cpu[2] - cpu[1]) * 1000 / kloc,
            (cpu[2] - cpu[1]) / cpu[0] * 100, m.stats(Configuration.C, x -> x.peakRssKb() / 1024.0).median()));
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private void findingsTables(StringBuilder md, Triage triage) {
    List<String> checks = toolchain.pluginChecks();
    md.append("## Findings\n\nPer project and check (the list with file:line is in findings.md).\n\n| project |");
    checks.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n|---|");
    checks.forEach(c -> md.append("---|"));
    md.append('\n');
    Map<String, int[]> perCheck = new LinkedHashMap<>(); // findings, read, real, false alarms
    checks.forEach(c -> perCheck.put(c, new int[4]));
    for (var entry : findings.entrySet()) {
      md.append("| ").append(entry.getKey()).append(" |");
      for (String check : checks) {
        md.append(' ').append(entry.getValue().stream().filter(f -> f.check().equals(check)).count()).append(" |");
      }
      md.append('\n');
      for (Diagnostics.Finding f : entry.getValue()) {
        int[] counts = perCheck.computeIfAbsent(f.check(), c -> new int[4]);
        counts[0]++;
        Triage.Entry verdict = triage.verdict(entry.getKey(), f);
        if (verdict != null) {
          counts[1]++;
          counts[verdict.verdict() == Triage.Verdict.REAL ? 2 : 3]++;
        }
      }
    }
    md.append("\n### Triage (bench/triage.tsv; target: false alarms < 10% of the findings read)\n\n");
    md.append("| check | findings | read | real | false alarms | false-alarm rate |\n|---|---|---|---|---|---|\n");
    perCheck.forEach((check, c) -> md.append(String.format("| %s | %d | %d | %d | %d | %s |%n", check, c[0], c[1], c[2], c[3],
        c[1] == 0 ? "–" : String.format("%.0f%%", 100.0 * c[3] / c[1]))));
    int unread = perCheck.values().stream().mapToInt(c -> c[0] - c[1]).sum();
    if (unread > 0) {
      md.append("\n").append(unread).append(" findings not yet triaged: see findings.md.\n");
    }
    md.append('\n');
  }

  /** The commit the plugin was built from, as far as git in the repository tells. */
  private String pluginRevision() {
    Path repository = options.work().getParent().getParent();
    try {
      Process head = new ProcessBuilder("git", "-C", repository.toString(), "rev-parse", "--short", "HEAD").start();
      String commit = new String(head.getInputStream().readAllBytes()).trim();
      Process status = new ProcessBuilder("git", "-C", repository.toString(), "status", "--porcelain", "checker").start();
      boolean changed = !new String(status.getInputStream().readAllBytes()).isBlank();
      if (head.waitFor() != 0 || commit.isEmpty()) {
        return "(not in a git checkout)";
      }
      return "built from commit " + commit + (changed && status.waitFor() == 0 ? " with uncommitted changes in checker/" : "");
    } catch (IOException e) {
      return "(git not available)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return String.format("%.1f GiB memory", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: leave it out
    }
    return "memory unknown";
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
