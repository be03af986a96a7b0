package dev.threadlint.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Compiles argfiles several times in one JVM, as Maven's compiler plugin runs javac for each
 * module of a build: javac's own code is compiled by the JIT after the first modules, while the
 * processor path (Error Prone and the plugin) is loaded by a new class loader for each compilation
 * and starts cold every time. Prints, per compilation, the wall time, the process CPU time (JIT and
 * GC threads included), the CPU time of the thread that runs javac, the JIT compilers' time (the
 * JVM's own count, summed over its compiler threads) and the collectors' time, after a full GC so
 * that no compilation pays for the previous one's garbage; where Error Prone ran, also its own
 * clock of its set-up and of each check ({@link CheckTimings}).
 *
 * <p>Given several argfiles (the harness's {@code a-run1.args b-run1.args c-run1.args}), each round
 * compiles each of them in turn, and the summary compares them round by round: the compilations of
 * one round run seconds apart, so a change of the host's speed over the minutes of the run (which
 * moves single measurements on this project's VMs by a third) mostly cancels out of the differences.
 * The first {@code --warmups} rounds are printed but left out of the summary: they are where javac
 * itself gets compiled.
 *
 * <p>Runnable on harness argfiles: {@code java <the -J options of the configuration, without -J>
 * -cp bench/target/classes dev.threadlint.bench.InProcess --warmups 2 10 work/runs/vertx-core/b-run1.args
 * work/runs/vertx-core/c-run1.args}.
 */
final class InProcess {
  /** How many checks the timings line names. */
  private static final int TOP_CHECKS = 6;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private InProcess() {}

  /**
   * What one compilation cost, in seconds: {@code jit} is the JIT compilers' time while it ran (0
   * where the JVM does not count it), {@code gc} the collectors'.
   */
  record Cost(double wall, double cpu, double javacThread, double jit, double gc) {}

  public static void main(String[] args) throws IOException {
    int warmups = 0;
    Path logs = null;
    int next = 0;
    while (next < args.length && args[next].startsWith("--")) {
      switch (args[next]) {
        case "--warmups" -> warmups = Integer.parseInt(value(args, next));
        case "--logs" -> logs = Path.of(value(args, next));
        default -> usage("unknown option " + args[next]);
      }
      next += 2;
    }
    if (args.length - next < 2) {
      usage("no rounds or no argfile");
    }
    int rounds = Integer.parseInt(args[next]);
    List<Path> argfiles = new ArrayList<>();
    for (int i = next + 1; i < args.length; i++) {
      argfiles.add(Path.of(args[i]));
    }
    int failed = run(warmups, rounds, argfiles, logs, System.out);
    System.exit(failed == 0 ? 0 : 1);
  }

  private static String value(String[] args, int option) {
    if (option + 1 >= args.length) {
      usage(args[option] + " needs a value");
    }
    return args[option + 1];
  }

  private static void usage(String problem) {
    System.err.println("InProcess: " + problem);
    System.err.println("usage: InProcess [--warmups N] [--logs <folder for javac's output>] <rounds> <argfile>...");
    System.exit(2);
  }

  /** One argfile, {@code rounds} times, no warm-up round; returns how many compilations exited non-zero. */
  static int run(int rounds, Path argfile, Path logs, PrintStream out) throws IOException {
    return run(0, rounds, List.of(argfile), logs, out);
  }

  /**
   * Runs {@code warmups + rounds} rounds, each compiling every argfile in turn, then prints the
   * summary of the measured rounds; returns how many compilations exited non-zero. javac's output
   * goes to {@code logs} or nowhere.
   */
  static int run(int warmups, int rounds, List<Path> argfiles, Path logs, PrintStream out) throws IOException {
    if (logs != null) {
      Files.createDirectories(logs);
    }
    int total = warmups + rounds;
    List<List<Cost>> measured = new ArrayList<>();
    argfiles.forEach(argfile -> measured.add(new ArrayList<>()));
    int failed = 0;
    for (int round = 1; round <= total; round++) {
      for (int k = 0; k < argfiles.size(); k++) {
        Path argfile = argfiles.get(k);
        String label = argfiles.size() == 1 ? "" : argfile.getFileName() + "  ";
        String log = "compilation-" + round + (argfiles.size() == 1 ? "" : "-" + (k + 1)) + ".log";
        System.gc();
        long thread0 = THREADS.getCurrentThreadCpuTime();
        long cpu0 = PROCESS.getProcessCpuTime();
        long jit0 = jitMillis();
        long gc0 = gcMillis();
        long wall0 = System.nanoTime();
        CheckTimings.Compilation compilation;
        try (OutputStream stream = logs == null ? OutputStream.nullOutputStream() : Files.newOutputStream(logs.resolve(log));
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
          compilation = CheckTimings.compile(new String[] {"@" + argfile}, writer);
        }
        Cost cost =
            new Cost(
                (System.nanoTime() - wall0) / 1e9,
                (PROCESS.getProcessCpuTime() - cpu0) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - thread0) / 1e9,
                (jitMillis() - jit0) / 1e3,
                (gcMillis() - gc0) / 1e3);
        int exit = compilation.exitCode();
        if (exit != 0) {
          failed++;
        }
        if (round > warmups) {
          measured.get(k).add(cost);
        }
        out.printf(
            "[in-process] %s %d/%d  %swall %6.2f s  cpu %6.2f s  javac thread %6.2f s  JIT %5.2f s  GC %5.2f s  exit %d%n",
            round > warmups ? "compilation" : "warm-up",
            round,
            total,
            label,
            cost.wall(),
            cost.cpu(),
            cost.javacThread(),
            cost.jit(),
            cost.gc(),
            exit);
        if (compilation.timings() != null) {
          out.printf("[in-process]   %s%n", compilation.timings().describe(TOP_CHECKS));
        }
      }
    }
    if (argfiles.size() > 1 && rounds > 0) {
      summarize(argfiles, measured, out);
    }
    return failed;
  }

  /**
   * Medians per argfile, then for each later argfile against each earlier one the difference of
   * the same round's compilations as a share of the first argfile's (with a, b, c: (b−a)/a,
   * (c−a)/a and (c−b)/a), median [lowest, highest] over the rounds: of the process CPU, of the JIT
   * compilers' time (a share of the first argfile's process CPU, so it says how much of the CPU
   * difference the JIT is), and of the javac thread's CPU.
   */
  static void summarize(List<Path> argfiles, List<List<Cost>> measured, PrintStream out) {
    int rounds = measured.get(0).size();
    out.printf("[in-process] summary of %d rounds, medians:%n", rounds);
    for (int k = 0; k < argfiles.size(); k++) {
      out.printf(
          "[in-process]   %s  cpu %s  javac thread %s  JIT %s%n",
          argfiles.get(k).getFileName(),
          Stats.of(measured.get(k).stream().map(Cost::cpu).toList()).format(" s"),
          Stats.of(measured.get(k).stream().map(Cost::javacThread).toList()).format(" s"),
          Stats.of(measured.get(k).stream().map(Cost::jit).toList()).format(" s"));
    }
    String base = name(argfiles.get(0));
    out.printf("[in-process] differences within each round, as a share of %s (median [lowest, highest]):%n", base);
    for (int i = 1; i < argfiles.size(); i++) {
      for (int j = 0; j < i; j++) {
        out.printf(
            "[in-process]   (%s − %s)/%s  cpu %s, of it JIT %s  javac thread %s%n",
            name(argfiles.get(i)),
            name(argfiles.get(j)),
            base,
            share(measured, i, j, Cost::cpu, Cost::cpu),
            share(measured, i, j, Cost::jit, Cost::cpu),
            share(measured, i, j, Cost::javacThread, Cost::javacThread));
      }
    }
  }

  /** The difference in {@code metric} of argfiles i and j, per round as a share of the first argfile's {@code of}. */
  private static String share(
      List<List<Cost>> measured, int i, int j, ToDoubleFunction<Cost> metric, ToDoubleFunction<Cost> of) {
    List<Double> shares = new ArrayList<>();
    for (int round = 0; round < measured.get(0).size(); round++) {
      double base = of.applyAsDouble(measured.get(0).get(round));
      shares.add((metric.applyAsDouble(measured.get(i).get(round)) - metric.applyAsDouble(measured.get(j).get(round))) / base * 100);
    }
    Stats stats = Stats.of(shares);
    return String.format("%+.1f%% [%+.1f, %+.1f]", stats.median(), stats.min(), stats.max());
  }

  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }

  /** {@code a} for the harness's {@code a-run1.args}, {@code c-new} for {@code c-new.args}. */
  static String name(Path argfile) {
    return argfile.getFileName().toString().replaceFirst("\\.args$", "").replaceFirst("-run[0-9]+$", "");
  }
}
