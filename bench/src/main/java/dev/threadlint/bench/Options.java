package dev.threadlint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line. The bench profile passes the toolchain options; {@code
 * -Dbench.args="..."} adds the rest.
 *
 * <pre>
 *   quick                       vertx-core only, configurations a and c, one run, no warm-up, no
 *                               synthetic code: the CI smoke test (fails on a plugin crash)
 *   --projects guava,rxjava     corpus projects to compile (default: all; "none" for none)
 *   --configs a,b,c,d,e         configurations (default: all five)
 *   --runs 3                    measured runs per configuration (default 3)
 *   --warmups 1                 unmeasured runs per target first (default 1)
 *   --sizes 10000,100000,1000000   synthetic sizes in lines (default these; "none" for none)
 *   --synthetic-configs a,b,c   configurations for the synthetic code (default a,b,c)
 *   --jfr                       also record one JFR profile of configuration c per target
 *   --clock                     also one run of configuration c per target that reads Error
 *                               Prone's clock of each check (CheckTimings)
 *   --in-process N              also, per target, N rounds of its configurations compiled in turn
 *                               in one JVM after 2 warm-up rounds (InProcess): javac warm, Error
 *                               Prone and the plugin cold, as in a multi-module Maven build
 *   --work work                 work folder (downloads, sources, logs, results)
 * </pre>
 */
record Options(
    Path errorProneClasspath,
    Path pluginJar,
    String errorProneVersion,
    List<String> projects,
    List<Configuration> configurations,
    int runs,
    int warmups,
    List<Integer> sizes,
    List<Configuration> syntheticConfigurations,
    boolean jfr,
    boolean clock,
    int inProcessRounds,
    boolean quick,
    Path work) {

  static Options parse(String[] args) {
    Path errorProneClasspath = null;
    Path pluginJar = null;
    String errorProneVersion = "?";
    List<String> projects = Corpus.PROJECTS.stream().map(Corpus.Project::name).toList();
    List<Configuration> configurations = List.of(Configuration.values());
    int runs = 3;
    int warmups = 1;
    List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
    List<Configuration> syntheticConfigurations = List.of(Configuration.A, Configuration.B, Configuration.C);
    boolean jfr = false;
    boolean clock = false;
    int inProcessRounds = 0;
    boolean quick = false;
    Path work = Path.of("work");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "quick", "--quick" -> {
          quick = true;
          projects = List.of(Corpus.QUICK_PROJECT);
          configurations = List.of(Configuration.A, Configuration.C);
          runs = 1;
          warmups = 0;
          sizes = List.of();
        }
        case "--error-prone-classpath" -> errorProneClasspath = Path.of(args[++i]);
        case "--plugin-jar" -> pluginJar = Path.of(args[++i]);
        case "--error-prone-version" -> errorProneVersion = args[++i];
        case "--projects" -> projects = list(args[++i]);
        case "--configs" -> configurations = list(args[++i]).stream().map(Configuration::parse).toList();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--sizes" -> sizes = list(args[++i]).stream().map(Integer::parseInt).toList();
        case "--synthetic-configs" ->
            syntheticConfigurations = list(args[++i]).stream().map(Configuration::parse).toList();
        case "--jfr" -> jfr = true;
        case "--clock" -> clock = true;
        case "--in-process" -> inProcessRounds = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + arg + " (see bench/README.md)");
      }
    }
    if (errorProneClasspath == null || pluginJar == null) {
      throw new IllegalArgumentException(
          "--error-prone-classpath and --plugin-jar are required: run through Maven, mvn -pl bench -am -DskipTests -Pbench verify");
    }
    projects.forEach(Corpus::named); // fails early on a misspelt name
    return new Options(errorProneClasspath, pluginJar, errorProneVersion, projects, configurations, runs, warmups,
        sizes, syntheticConfigurations, jfr, clock, inProcessRounds, quick, work.toAbsolutePath());
  }

  private static List<String> list(String value) {
    if (value.equals("none") || value.isBlank()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim).toList());
  }
}
