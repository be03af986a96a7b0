package dev.threadlint.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording of a javac run ({@code --jfr}) says about where the time goes: the share of
 * CPU samples with a plugin frame ({@code dev.threadlint}) on the stack, the share in Error Prone,
 * the plugin methods and top-of-stack methods that take the most samples, the CPU time of the
 * javac thread and of the JIT compiler threads, and whose code the JIT compilers spent their time
 * on (the plugin's, Error Prone's, javac's, the JDK's). Also runnable on its
 * own: {@code java -cp bench/target/classes dev.threadlint.bench.Profile work/runs/guava/c.jfr}.
 */
final class Profile {
  private static final String PLUGIN = "dev.threadlint.";
  private static final String ERROR_PRONE = "com.google.errorprone.";

  private Profile() {}

  public static void main(String[] args) throws IOException {
    for (String file : args) {
      System.out.println(summarize(Path.of(file)));
    }
  }

  static String summarize(Path recording) throws IOException {
    int samples = 0;
    int inPlugin = 0;
    int inErrorProne = 0;
    Map<String, Integer> pluginMethods = new HashMap<>(); // innermost plugin frame of each sample
    Map<String, Integer> topFrames = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      topFrames.merge(name(frames.get(0)), 1, Integer::sum);
      String innermostPlugin = null;
      boolean errorProne = false;
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        if (innermostPlugin == null && type.startsWith(PLUGIN)) {
          innermostPlugin = name(frame);
        }
        errorProne |= type.startsWith(ERROR_PRONE);
      }
      if (innermostPlugin != null) {
        inPlugin++;
        pluginMethods.merge(innermostPlugin, 1, Integer::sum);
      }
      if (errorProne) {
        inErrorProne++;
      }
    }
    int total = samples;
    StringBuilder text = new StringBuilder();
    text.append(String.format("%s: %d CPU samples; plugin frames on the stack in %.1f%%, Error Prone frames in %.1f%%%n",
        recording, samples, percent(inPlugin, samples), percent(inErrorProne, samples)));
    text.append("  innermost plugin method (share of all samples):\n");
    top(pluginMethods, 8).forEach((m, n) -> text.append(String.format("    %5.1f%%  %s%n", percent(n, total), m)));
    text.append("  top of stack (share of all samples):\n");
    top(topFrames, 8).forEach((m, n) -> text.append(String.format("    %5.1f%%  %s%n", percent(n, total), m)));
    Map<String, Double> threads = cpuByThreadGroup(recording);
    if (!threads.isEmpty()) {
      text.append("  CPU by thread (jdk.ThreadCPULoad; GC threads are not Java threads, not included):");
      threads.forEach((group, seconds) -> text.append(String.format(" %s %.2f s;", group, seconds)));
      text.append('\n');
    }
    Map<String, double[]> jit = jitByOwner(recording);
    if (!jit.isEmpty()) {
      text.append("  JIT compilations by the code compiled (jdk.Compilation; each compilation's wall time, C1 + C2):");
      jit.forEach((owner, c) -> text.append(String.format(" %s %.2f s (C1 %.2f, C2 %.2f);", owner, c[0] + c[1], c[0], c[1])));
      text.append('\n');
    }
    Double javacThread = threads.get("javac thread");
    // No compilation of a plugin method in the recording is no JIT cost: its methods were
    // compiled before the recording started, or never got hot.
    double[] pluginJit = jit.getOrDefault("plugin", new double[2]);
    if (javacThread != null && samples > 0) {
      double analysis = javacThread * inPlugin / samples;
      double compiling = pluginJit[0] + pluginJit[1];
      text.append(String.format(
          "  the plugin's own cost in this run, estimated: %.2f s on the javac thread (its share of the samples"
              + " times the thread's CPU) + %.2f s of JIT compiling its methods = %.2f s%n",
          analysis, compiling, analysis + compiling));
    }
    return text.toString();
  }

  /**
   * Seconds the JIT compilers spent on the methods of each owner: the plugin, Error Prone, javac,
   * the JDK, the rest; {C1, C2} for each. In a fresh javac most of it is javac's own code, and the
   * plugin's share is what its checks cost before they run compiled: the plugin's class loader is
   * new in every compilation (Maven's compiler plugin, a javac process), so this is paid in every
   * module. From {@code jdk.Compilation} events, which {@code --jfr} records all of ({@code
   * threshold=0ms}); a compilation's duration is its wall time, which includes waiting for a core
   * on a busy machine.
   */
  static Map<String, double[]> jitByOwner(Path recording) throws IOException {
    Map<String, double[]> seconds = new LinkedHashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.Compilation") || event.getValue("method") == null) {
        continue;
      }
      String owner = owner(event.<jdk.jfr.consumer.RecordedMethod>getValue("method").getType().getName());
      int compiler = "c2".equalsIgnoreCase(event.getString("compiler")) ? 1 : 0;
      seconds.computeIfAbsent(owner, o -> new double[2])[compiler] += event.getDuration().toNanos() / 1e9;
    }
    return seconds;
  }

  static String owner(String className) {
    if (className.startsWith(PLUGIN)) {
      return "plugin";
    }
    if (className.startsWith(ERROR_PRONE)) {
      return "Error Prone";
    }
    if (className.startsWith("com.sun.tools.javac.") || className.startsWith("com.sun.source.")) {
      return "javac";
    }
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        ? "JDK"
        : "other";
  }

  /**
   * CPU seconds per group of Java threads: javac's own thread ({@code main}), the C2 and C1 JIT
   * compiler threads, the rest. From {@code jdk.ThreadCPULoad}: each event gives a thread's load
   * over one sampling period, as a share of all the machine's hardware threads (threads that did
   * not run get no event). The recording needs a short period ({@code
   * jdk.ThreadCPULoad#period=100ms}, which {@code --jfr} sets); the period is read back as the
   * median gap between sampling rounds.
   */
  static Map<String, Double> cpuByThreadGroup(Path recording) throws IOException {
    List<RecordedEvent> loads = new ArrayList<>();
    int hardwareThreads = Runtime.getRuntime().availableProcessors();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.CPUInformation")) {
        hardwareThreads = event.getInt("hwThreads");
      } else if (type.equals("jdk.ThreadCPULoad") && event.getThread() != null) {
        loads.add(event);
      }
    }
    List<Instant> rounds = loads.stream().map(RecordedEvent::getStartTime).distinct().sorted().toList();
    if (rounds.size() < 3) {
      return Map.of();
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < rounds.size(); i++) {
      gaps.add(Duration.between(rounds.get(i - 1), rounds.get(i)).toNanos());
    }
    Collections.sort(gaps);
    double period = gaps.get(gaps.size() / 2) / 1e9;
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String group : List.of("javac thread", "C2 compiler", "C1 compiler", "other")) {
      seconds.put(group, 0.0);
    }
    for (RecordedEvent event : loads) {
      double load = event.getFloat("user") + event.getFloat("system");
      seconds.merge(group(event.getThread().getJavaName()), load * period * hardwareThreads, Double::sum);
    }
    return seconds;
  }

  static String group(String threadName) {
    if (threadName == null) {
      return "other";
    }
    if (threadName.equals("main")) {
      return "javac thread";
    }
    return threadName.startsWith("C2 CompilerThread")
        ? "C2 compiler"
        : threadName.startsWith("C1 CompilerThread") ? "C1 compiler" : "other";
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "#" + frame.getMethod().getName();
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
    Map<String, Integer> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
