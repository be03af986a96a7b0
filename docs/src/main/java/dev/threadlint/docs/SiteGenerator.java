package dev.threadlint.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.commonmark.node.Node;

/**
 * Generates the pitfall catalogue site, run by the build after the generator compiles:
 *
 * <ol>
 *   <li>finds the registered checks (META-INF/services) and reads their {@code @BugPattern};
 *   <li>reads the hand-written prose: docs/README.md (the families), docs/pitfalls/&lt;Check&gt;.md,
 *       docs/concepts.md;
 *   <li>reads the samples with javaparser;
 *   <li>checks the rules the build enforces ({@link CatalogueRules}) and stops naming what is missing;
 *   <li>compiles the samples with the plugin and keeps its warnings;
 *   <li>writes target/site: index.html, concepts.html, pitfalls/&lt;Check&gt;.html, assets/.
 * </ol>
 *
 * <p>Arguments: {@code --docs=DIR --samples=DIR --checker-tests=DIR --out=DIR --work=DIR}.
 */
public final class SiteGenerator {
  static final String README = "docs/README.md";
  static final String CONCEPTS = "docs/concepts.md";
  private static final List<String> ASSETS = List.of("style.css", "site.js");

  private SiteGenerator() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    Path docs = path(options, "docs");
    Path out = path(options, "out");
    long start = System.nanoTime();
    try {
      CheckedCatalogue catalogue =
          build(docs, path(options, "samples"), path(options, "checker-tests"), path(options, "work"));
      write(catalogue, docs, out);
      int examples = catalogue.checksInOrder().stream().mapToInt(c -> catalogue.samplesOf(c).size()).sum();
      System.out.printf(
          "Pitfall catalogue: %d checks, %d examples, %d warnings from the plugin, in %d ms: %s%n",
          catalogue.sources().checks().size(),
          examples,
          catalogue.findings().size(),
          (System.nanoTime() - start) / 1_000_000,
          out.resolve("index.html"));
    } catch (CatalogueIncompleteException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** Reads and checks everything, compiles the samples; throws naming every problem found. */
  static CheckedCatalogue build(Path docs, Path samplesRoot, Path checkerTests, Path work) throws IOException {
    Path repository = docs.toAbsolutePath().normalize().getParent();
    ClassLoader loader = SiteGenerator.class.getClassLoader();
    List<CheckInfo> checks = RegisteredChecks.discover(loader);
    if (checks.isEmpty()) {
      throw new CatalogueIncompleteException(
          List.of("no check found in " + RegisteredChecks.SERVICES + " on the classpath: is threadlint-checker a dependency?"));
    }
    String baseUrl = RegisteredChecks.catalogueBaseUrl(loader);
    List<String> problems = new ArrayList<>();

    String readme = readIfExists(docs.resolve("README.md"), problems, README + " is missing");
    List<Family> families = Families.parse(readme);
    if (families.isEmpty()) {
      problems.add(README + ": introduces no family ('## Title' then '<!-- family: id -->')");
    }
    Map<String, PitfallDoc> pitfallDocs = new TreeMap<>();
    Map<String, List<String>> javaBlocks = new LinkedHashMap<>();
    for (Path file : list(docs.resolve("pitfalls"), ".md")) {
      String name = file.getFileName().toString().replaceFirst("\\.md$", "");
      Node document = Markdown.parse(Files.readString(file, UTF_8));
      pitfallDocs.put(name, PitfallDoc.parse(name, document));
      addJavaBlocks(javaBlocks, "docs/pitfalls/" + name + ".md", document);
    }
    String concepts = readIfExists(docs.resolve("concepts.md"), problems, CONCEPTS + " (the concepts page) is missing");
    addJavaBlocks(javaBlocks, CONCEPTS, Markdown.parse(concepts));
    addJavaBlocks(javaBlocks, README, Markdown.parse(readme));

    List<Sample> samples = new SampleReader(repository).readAll(samplesRoot);
    Set<String> testClasses =
        list(checkerTests, ".java").stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());

    CatalogueSources sources =
        new CatalogueSources(checks, baseUrl, families, readme, pitfallDocs, javaBlocks, samples, testClasses);
    problems.addAll(CatalogueRules.check(sources));
    if (!problems.isEmpty()) {
      throw new CatalogueIncompleteException(problems);
    }

    List<Path> files = samples.stream().map(s -> repository.resolve(s.path())).toList();
    Set<String> names = checks.stream().map(CheckInfo::name).collect(Collectors.toSet());
    List<Finding> findings = SampleCompiler.compile(files, names, work);
    problems.addAll(CatalogueRules.checkFindings(sources, findings));
    if (!problems.isEmpty()) {
      throw new CatalogueIncompleteException(problems);
    }
    return new CheckedCatalogue(sources, findings);
  }

  static void write(CheckedCatalogue catalogue, Path docs, Path out) throws IOException {
    Map<String, String> pages = new HashMap<>();
    pages.put(README, "index.html");
    pages.put(CONCEPTS, "concepts.html");
    for (CheckInfo check : catalogue.checksInOrder()) {
      pages.put("docs/pitfalls/" + check.name() + ".md", "pitfalls/" + check.name() + ".html");
    }
    String repositoryUrl = repositoryUrl(catalogue.sources().baseUrl());
    Markdown markdown = new Markdown(pages, repositoryUrl);

    deleteTree(out);
    Files.createDirectories(out.resolve("pitfalls"));
    Files.createDirectories(out.resolve("assets"));
    for (String asset : ASSETS) {
      try (InputStream in = SiteGenerator.class.getResourceAsStream("assets/" + asset)) {
        if (in == null) {
          throw new IOException("asset " + asset + " is missing from the generator's resources");
        }
        Files.copy(in, out.resolve("assets").resolve(asset));
      }
    }
    Files.writeString(out.resolve("index.html"), IndexPage.render(catalogue, markdown), UTF_8);

    Node concepts = Markdown.parse(Files.readString(docs.resolve("concepts.md"), UTF_8));
    markdown.relink(concepts, CONCEPTS, "concepts.html");
    Files.writeString(out.resolve("concepts.html"), ConceptsPage.render(catalogue, concepts, markdown), UTF_8);

    for (CheckInfo check : catalogue.checksInOrder()) {
      String page = "pitfalls/" + check.name() + ".html";
      PitfallDoc doc = catalogue.docOf(check);
      for (PitfallDoc.Section section : doc.sections()) {
        for (Node node : section.nodes()) {
          markdown.relink(node, "docs/pitfalls/" + check.name() + ".md", page);
        }
      }
      Files.writeString(out.resolve(page), PitfallPage.render(catalogue, check, markdown, repositoryUrl), UTF_8);
    }
  }

  /** The repository's web view of files, from the catalogue's base URL ({@code .../blob/main/docs/pitfalls/}). */
  static String repositoryUrl(String baseUrl) {
    String suffix = "docs/pitfalls/";
    return baseUrl.endsWith(suffix) ? baseUrl.substring(0, baseUrl.length() - suffix.length()) : "";
  }

  private static void addJavaBlocks(Map<String, List<String>> found, String file, Node document) {
    List<String> blocks = PitfallDoc.javaBlocks(document);
    if (!blocks.isEmpty()) {
      found.put(file, blocks);
    }
  }

  private static String readIfExists(Path file, List<String> problems, String problem) throws IOException {
    if (!Files.isRegularFile(file)) {
      problems.add(problem);
      return "";
    }
    return Files.readString(file, UTF_8);
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static Path path(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "=...");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  /** The catalogue cannot be published: the message lists every problem, one per line. */
  static final class CatalogueIncompleteException extends RuntimeException {
    private final List<String> problems;

    CatalogueIncompleteException(List<String> problems) {
      super(
          "The pitfall catalogue is incomplete; the build stops until these are fixed:\n  - "
              + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }
}
