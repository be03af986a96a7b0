package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessTest {
  @TempDir Path dir;

  @Test
  void compilesTheArgfileEachTimeAndReportsEachCompilation() throws Exception {
    Path source = Files.writeString(dir.resolve("A.java"), "class A { int twice(int x) { return 2 * x; } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path argfile = Files.write(dir.resolve("a.args"), List.of("-d", classes.toString(), source.toString()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int failed = InProcess.run(2, argfile, dir.resolve("logs"), new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(0, failed);
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("[in-process] compilation 1/2 "), lines.get(0));
    assertTrue(lines.get(1).startsWith("[in-process] compilation 2/2 ") && lines.get(1).endsWith("exit 0"), lines.get(1));
    assertTrue(Files.exists(classes.resolve("A.class")));
    assertTrue(Files.exists(dir.resolve("logs").resolve("compilation-2.log")));
  }

  @Test
  void printsErrorPronesClockOfEachEnabledCheck() throws Exception {
    Path source =
        Files.writeString(
            dir.resolve("C.java"),
            "class C { synchronized void pause() throws InterruptedException { Thread.sleep(10); } }");
    Path argfile =
        Files.write(
            dir.resolve("c.args"),
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-processorpath",
                "\"" + System.getProperty("java.class.path") + "\"",
                "\"-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingUnderLock:WARN\"",
                "-d",
                dir.toString(),
                source.toString()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int failed = InProcess.run(1, argfile, dir.resolve("logs"), new PrintStream(printed, true, StandardCharsets.UTF_8));

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, failed, String.join("\n", lines));
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(1).matches("\\[in-process\\]   Error Prone set-up \\d+\\.\\d\\d s, checks \\d+\\.\\d\\d s: BlockingUnderLock \\d+\\.\\d\\d s(, .*)?"), lines.get(1));
    assertTrue(Files.readString(dir.resolve("logs").resolve("compilation-1.log")).contains("[BlockingUnderLock]"));
  }

  @Test
  void printsNoClockWithoutErrorProne() throws Exception {
    Path source = Files.writeString(dir.resolve("D.java"), "class D {}");
    Path argfile = Files.write(dir.resolve("d.args"), List.of("-d", dir.toString(), source.toString()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    InProcess.run(1, argfile, null, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(1, printed.toString(StandardCharsets.UTF_8).lines().count());
  }

  @Test
  void countsCompilationsThatFail() throws Exception {
    Path source = Files.writeString(dir.resolve("B.java"), "class B { int broken() { return missing; } }");
    Path argfile = Files.write(dir.resolve("b.args"), List.of("-d", dir.toString(), source.toString()));

    int failed = InProcess.run(2, argfile, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertEquals(2, failed);
  }

  @Test
  void interleavesSeveralArgfilesAndLeavesTheWarmUpRoundsOutOfTheSummary() throws Exception {
    Path source = Files.writeString(dir.resolve("E.java"), "class E {}");
    Path a = Files.write(dir.resolve("a-run1.args"), List.of("-d", dir.toString(), source.toString()));
    Path b = Files.write(dir.resolve("b-run1.args"), List.of("-g", "-d", dir.toString(), source.toString()));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int failed = InProcess.run(1, 2, List.of(a, b), dir.resolve("logs"), new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(0, failed);
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    String all = String.join("\n", lines);
    assertTrue(lines.get(0).startsWith("[in-process] warm-up 1/3  a-run1.args  wall"), all);
    assertTrue(lines.get(1).startsWith("[in-process] warm-up 1/3  b-run1.args  wall"), all);
    assertTrue(lines.get(2).startsWith("[in-process] compilation 2/3  a-run1.args  wall"), all);
    assertTrue(lines.get(5).startsWith("[in-process] compilation 3/3  b-run1.args  wall"), all);
    assertEquals("[in-process] summary of 2 rounds, medians:", lines.get(6), all);
    assertTrue(lines.get(7).startsWith("[in-process]   a-run1.args  cpu "), all);
    assertTrue(lines.get(10).matches("\\[in-process\\]   \\(b − a\\)/a  cpu [-+][0-9.]+% .*, of it JIT [-+][0-9.]+% .*  javac thread [-+][0-9.]+% .*"), all);
    assertEquals(11, lines.size(), all);
    assertTrue(Files.exists(dir.resolve("logs").resolve("compilation-3-2.log")));
  }

  @Test
  void theSummaryComparesEachRoundsCompilationsAsAShareOfTheFirstArgfiles() {
    List<Path> argfiles = List.of(Path.of("a-run1.args"), Path.of("b-run1.args"), Path.of("c-run1.args"));
    List<List<InProcess.Cost>> measured =
        List.of(
            List.of(cost(10, 1), cost(20, 2)),
            List.of(cost(12, 1), cost(22, 3)), // b − a: 2 s of 10 s, 2 s of 20 s: +20%, +10%; JIT 0, 1 s
            List.of(cost(13, 2), cost(26, 3))); // c − b: +10%, +20%, JIT +10%, 0; c − a: +30%, +30%
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    InProcess.summarize(argfiles, measured, new PrintStream(printed, true, StandardCharsets.UTF_8));

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    String all = String.join("\n", lines);
    assertEquals("[in-process]   b-run1.args  cpu 17.0 s ±29%  javac thread 8.5 s ±29%  JIT 2.0 s ±50%", lines.get(2), all);
    // The JIT's difference is a share of (a)'s process CPU: 1 s of 20 s is +5%.
    assertEquals(
        "[in-process]   (b − a)/a  cpu +15.0% [+10.0, +20.0], of it JIT +2.5% [+0.0, +5.0]  javac thread +15.0% [+10.0, +20.0]",
        lines.get(5),
        all);
    assertEquals(
        "[in-process]   (c − a)/a  cpu +30.0% [+30.0, +30.0], of it JIT +7.5% [+5.0, +10.0]  javac thread +30.0% [+30.0, +30.0]",
        lines.get(6),
        all);
    assertEquals(
        "[in-process]   (c − b)/a  cpu +15.0% [+10.0, +20.0], of it JIT +5.0% [+0.0, +10.0]  javac thread +15.0% [+10.0, +20.0]",
        lines.get(7),
        all);
  }

  @Test
  void namesAnArgfileAfterItsConfiguration() {
    assertEquals("a", InProcess.name(Path.of("work/runs/guava/a-run1.args")));
    assertEquals("c-new", InProcess.name(Path.of("/tmp/c-new.args")));
    assertEquals("c-run1.txt", InProcess.name(Path.of("c-run1.txt")));
  }

  private static InProcess.Cost cost(double cpu, double jit) {
    return new InProcess.Cost(cpu / 2, cpu, cpu / 2, jit, 0);
  }
}
