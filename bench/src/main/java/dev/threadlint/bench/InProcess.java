package dev.threadlint.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles the same argfile several times in one JVM, as Maven's compiler plugin runs javac for
 * each module of a build: javac's own code is compiled by the JIT after the first modules, while
 * the processor path (Error Prone and the plugin) is loaded by a new class loader for each
 * compilation and starts cold every time. Prints, per compilation, the wall time, the process CPU
 * time (JIT and GC threads included) and the CPU time of the thread that runs javac, after a full
 * GC so that no compilation pays for the previous one's garbage; where Error Prone ran, also its own
 * clock of its set-up and of each check ({@link CheckTimings}).
 *
 * <p>Runnable on a harness argfile: {@code java <the -J options of the configuration, without -J>
 * -cp bench/target/classes dev.threadlint.bench.InProcess 10 work/runs/vertx-core/c-run1.args}.
 */
final class InProcess {
  /** How many checks the timings line names. */
  private static final int TOP_CHECKS = 6;

  private InProcess() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: InProcess <compilations> <argfile> [<folder for javac's output>]");
      System.exit(2);
    }
    int compilations = Integer.parseInt(args[0]);
    Path argfile = Path.of(args[1]);
    Path logs = args.length > 2 ? Path.of(args[2]) : null;
    int failed = run(compilations, argfile, logs, System.out);
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs the compilations; returns how many exited non-zero. javac's output goes to {@code logs} or nowhere. */
  static int run(int compilations, Path argfile, Path logs, PrintStream out) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    if (logs != null) {
      Files.createDirectories(logs);
    }
    int failed = 0;
    for (int i = 1; i <= compilations; i++) {
      System.gc();
      long thread0 = threads.getCurrentThreadCpuTime();
      long cpu0 = process.getProcessCpuTime();
      long wall0 = System.nanoTime();
      CheckTimings.Compilation compilation;
      try (OutputStream log =
              logs == null ? OutputStream.nullOutputStream() : Files.newOutputStream(logs.resolve("compilation-" + i + ".log"));
          PrintWriter writer = new PrintWriter(new OutputStreamWriter(log, StandardCharsets.UTF_8))) {
        compilation = CheckTimings.compile(new String[] {"@" + argfile}, writer);
      }
      int exit = compilation.exitCode();
      long wall1 = System.nanoTime();
      long cpu1 = process.getProcessCpuTime();
      long thread1 = threads.getCurrentThreadCpuTime();
      if (exit != 0) {
        failed++;
      }
      out.printf(
          "[in-process] compilation %d/%d  wall %6.2f s  cpu %6.2f s  javac thread %6.2f s  exit %d%n",
          i, compilations, (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9, (thread1 - thread0) / 1e9, exit);
      if (compilation.timings() != null) {
        out.printf("[in-process]   %s%n", compilation.timings().describe(TOP_CHECKS));
      }
    }
    return failed;
  }
}
