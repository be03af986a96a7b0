package dev.threadlint.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the seedings of a checked-in plan ({@code bench/seeding.tsv}) over the harness's argfiles
 * and prints the table of what each found, so the recall in RESULTS.md is one command away:
 * {@code java <exports> -cp bench/target/classes dev.threadlint.bench.SeedingPlan bench/seeding.tsv
 * bench/work/runs /tmp/seeded}. A row whose project has no {@code c-run1.args} yet is reported as
 * skipped, with the harness command that writes it. Exits 1 when a seeded project did not compile.
 */
final class SeedingPlan {
  /** One line of the plan: seed {@code blocks} of {@code project} and count what {@code check} reports. */
  record Row(String project, String blocks, String check, String seed) {}

  /** What one row found; {@code seeds} is -1 for a row that was skipped. */
  record Outcome(Row row, int seeds, int found, List<String> missed, boolean compiled) {}

  private SeedingPlan() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SeedingPlan <plan.tsv> <the harness's runs folder> <folder for the seeded copies>");
      System.exit(2);
    }
    List<Row> rows;
    try {
      rows = read(Path.of(args[0]));
    } catch (IllegalArgumentException e) {
      System.err.println("SeedingPlan: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<Outcome> outcomes = run(rows, Path.of(args[1]), Path.of(args[2]), System.out);
    System.out.print(table(outcomes));
    System.exit(outcomes.stream().allMatch(Outcome::compiled) ? 0 : 1);
  }

  /**
   * Reads a plan: tab-separated project, blocks, check and, optionally, the seed statement (the
   * {@code Thread.sleep} seed when absent); {@code #} starts a comment line.
   */
  static List<Row> read(Path plan) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(plan, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      if (fields.length < 3 || fields.length > 4) {
        throw new IllegalArgumentException(
            plan + ":" + (i + 1) + ": expected project, blocks, check and an optional seed, tab-separated: " + line);
      }
      rows.add(new Row(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields.length == 4 ? fields[3].strip() : Seeding.SLEEP));
    }
    return rows;
  }

  /** Seeds each row's project in turn, printing each report; the copies go under {@code folder}. */
  static List<Outcome> run(List<Row> rows, Path runs, Path folder, PrintStream out) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Path argfile = runs.resolve(row.project()).resolve("c-run1.args");
      if (!Files.exists(argfile)) {
        out.printf(
            "[seeding] %s: skipped, no %s (run the harness with --projects %s --configs c --runs 1 first)%n",
            row.project(), argfile, row.project());
        outcomes.add(new Outcome(row, -1, 0, List.of(), true));
        continue;
      }
      out.printf("[seeding] %s, %s%n", row.project(), row.blocks());
      List<String> tokens = Seeding.readArgfile(argfile);
      List<Seeding.Site> sites = Seeding.sites(tokens, row.blocks());
      Seeding.Recall recall = Seeding.run(tokens, sites, row.seed(), row.check(), folder.resolve(i + "-" + row.project()));
      Seeding.report(row.blocks(), row.check(), sites, recall, out);
      List<String> missed = recall.missed().stream().map(s -> s.file().getFileName() + ":" + s.line() + " (" + s.what() + ")").toList();
      outcomes.add(new Outcome(row, sites.size(), recall.found().size(), missed, recall.exitCode() == 0));
    }
    return outcomes;
  }

  /** The outcomes as a Markdown table, with the total of the rows that ran. */
  static String table(List<Outcome> outcomes) {
    StringBuilder md = new StringBuilder("| project | check | blocks | seeds | found | missed |\n|---|---|---|---|---|---|\n");
    int seeds = 0;
    int found = 0;
    for (Outcome o : outcomes) {
      if (o.seeds() < 0) {
        md.append(String.format("| %s | %s | `%s` | skipped | | |%n", o.row().project(), o.row().check(), o.row().blocks()));
        continue;
      }
      seeds += o.seeds();
      found += o.found();
      md.append(String.format(
          "| %s | %s | `%s` | %d | %d%s | %s |%n",
          o.row().project(),
          o.row().check(),
          o.row().blocks(),
          o.seeds(),
          o.found(),
          o.compiled() ? "" : " (the seeded copies did not compile)",
          String.join("; ", o.missed())));
    }
    md.append(String.format("| **all** | | | %d | %d | %d |%n", seeds, found, seeds - found));
    return md.toString();
  }
}
