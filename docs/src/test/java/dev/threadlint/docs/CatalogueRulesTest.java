package dev.threadlint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each rule the build enforces fails with a message that names the check and what to add. */
class CatalogueRulesTest {
  private static final String BASE = "https://example.org/docs/pitfalls/";
  private static final Path SAMPLE_PATH = Path.of("samples/src/main/java/dev/threadlint/samples/sharedstate/Counter.java");

  private static final String README =
      """
      # Catalogue

      ## Shared mutation
      <!-- family: sharedstate -->

      Threads interleave.

      | Check | What |
      |---|---|
      | [LostUpdate](pitfalls/LostUpdate.md) | count++ |
      """;

  private static String doc(UnaryOperator<String> edit) {
    return edit.apply(
        """
        # LostUpdate

        > A read-modify-write of a shared field loses updates

        ## What goes wrong
        Lost.
        ## Why it happens
        Preemption.
        ## How to fix
        Atomics.
        ## Examples
        - [Counter](../../samples/src/main/java/dev/threadlint/samples/sharedstate/Counter.java)
        ## When it stays silent
        Confined.
        ## Suppress or configure
        Off.
        ## Related rules in other tools
        | Tool | Rule |
        |---|---|
        | SpotBugs | VO_VOLATILE_INCREMENT |
        """);
  }

  private static CheckInfo check(String link) {
    return new CheckInfo(
        "LostUpdate", "dev.threadlint.sharedstate.LostUpdate", "sharedstate", "WARNING",
        "A read-modify-write of a shared field loses updates", "CUSTOM", link, List.of());
  }

  private static Sample sample(Map<Integer, String> markers) {
    Snippet code = new Snippet(List.of(new Snippet.Line(10, "count++;")));
    return new Sample(
        "Counter", SAMPLE_PATH, "sharedstate", "A counter. Story.",
        new Sample.Part("Races.", code, 5, 20),
        new Sample.Part("Atomic.", code, 22, 30),
        new Snippet(List.of()), markers, List.of());
  }

  private record Sources(
      List<CheckInfo> checks, String readme, Map<String, String> docs, List<Sample> samples, Set<String> tests) {

    static Sources complete() {
      return new Sources(
          List.of(check(BASE + "LostUpdate.md")),
          README,
          Map.of("LostUpdate", doc(d -> d)),
          List.of(sample(Map.of(10, "LostUpdate"))),
          Set.of("LostUpdateTest.java", "OtherTest.java"));
    }

    CatalogueSources build() {
      Map<String, PitfallDoc> parsed = new java.util.TreeMap<>();
      Map<String, List<String>> javaBlocks = new java.util.LinkedHashMap<>();
      docs.forEach(
          (name, text) -> {
            var document = Markdown.parse(text);
            parsed.put(name, PitfallDoc.parse(name, document));
            if (!PitfallDoc.javaBlocks(document).isEmpty()) {
              javaBlocks.put("docs/pitfalls/" + name + ".md", PitfallDoc.javaBlocks(document));
            }
          });
      return new CatalogueSources(checks, BASE, Families.parse(readme), readme, parsed, javaBlocks, samples, tests);
    }
  }

  private static List<String> problems(Sources sources) {
    return CatalogueRules.check(sources.build());
  }

  private static void assertOneProblem(Sources sources, String... parts) {
    List<String> problems = problems(sources);
    assertEquals(1, problems.size(), problems.toString());
    for (String part : parts) {
      assertTrue(problems.get(0).contains(part), "'" + problems.get(0) + "' should say '" + part + "'");
    }
  }

  @Test
  void aCompleteCheckPasses() {
    assertEquals(List.of(), problems(Sources.complete()));
  }

  @Test
  void aMissingCatalogueEntryFails() {
    Sources s = Sources.complete();
    assertOneProblem(new Sources(s.checks(), s.readme(), Map.of(), s.samples(), s.tests()), "LostUpdate", "docs/pitfalls/LostUpdate.md");
  }

  @Test
  void aMissingSampleFails() {
    Sources s = Sources.complete();
    List<String> problems =
        problems(new Sources(s.checks(), s.readme(), s.docs(), List.of(sample(Map.of(10, "OtherCheck"))), s.tests()));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("LostUpdate: no sample shows it") && p.contains("samples/sharedstate/")), problems.toString());
  }

  @Test
  void aSampleWithoutAFixDoesNotCount() {
    Sources s = Sources.complete();
    Sample noFix = sample(Map.of(10, "LostUpdate"));
    noFix = new Sample(noFix.id(), noFix.path(), noFix.family(), noFix.story(), noFix.pitfall(), null, noFix.shared(), noFix.markers(), noFix.frameworks());
    List<String> problems = problems(new Sources(s.checks(), s.readme(), s.docs(), List.of(noFix), s.tests()));
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("LostUpdate: no sample shows it")), problems.toString());
  }

  @Test
  void aMissingUnitTestFails() {
    Sources s = Sources.complete();
    assertOneProblem(
        new Sources(s.checks(), s.readme(), s.docs(), s.samples(), Set.of("OtherTest.java", "LostUpdateHelper.java")),
        "LostUpdate", "no unit test class", "checker/src/test/java");
  }

  @Test
  void aTestWhoseNameStartsWithTheCheckCounts() {
    Sources s = Sources.complete();
    assertEquals(List.of(), problems(new Sources(s.checks(), s.readme(), s.docs(), s.samples(), Set.of("LostUpdateOnFieldsTest.java"))));
  }

  @Test
  void aMissingSectionFails() {
    Sources s = Sources.complete();
    String doc = doc(d -> d.replace("## When it stays silent\nConfined.\n", ""));
    assertOneProblem(new Sources(s.checks(), s.readme(), Map.of("LostUpdate", doc), s.samples(), s.tests()), "LostUpdate", "'## When it stays silent");
  }

  @Test
  void theSummaryMustBeTheBugPatternsAndTheTitleTheName() {
    Sources s = Sources.complete();
    String doc = doc(d -> d.replace("> A read-modify-write", "> Some read-modify-write"));
    assertOneProblem(new Sources(s.checks(), s.readme(), Map.of("LostUpdate", doc), s.samples(), s.tests()), "LostUpdate", "@BugPattern summary");
    doc = doc(d -> d.replace("# LostUpdate", "# Lost updates"));
    assertOneProblem(new Sources(s.checks(), s.readme(), Map.of("LostUpdate", doc), s.samples(), s.tests()), "LostUpdate", "'# LostUpdate'");
  }

  @Test
  void theExamplesSectionLinksEverySample() {
    Sources s = Sources.complete();
    String doc = doc(d -> d.replace("- [Counter](../../samples/src/main/java/dev/threadlint/samples/sharedstate/Counter.java)", "See the samples."));
    assertOneProblem(new Sources(s.checks(), s.readme(), Map.of("LostUpdate", doc), s.samples(), s.tests()), "LostUpdate", "Examples", "Counter.java");
  }

  @Test
  void javaCodeInTheProseFails() {
    Sources s = Sources.complete();
    String doc = doc(d -> d + "\n```java\ncount++;\n```\n");
    assertOneProblem(new Sources(s.checks(), s.readme(), Map.of("LostUpdate", doc), s.samples(), s.tests()), "docs/pitfalls/LostUpdate.md", "samples/");
  }

  @Test
  void theWarningMustLinkToThePage() {
    Sources s = Sources.complete();
    assertOneProblem(
        new Sources(List.of(check("https://errorprone.info/bugpattern/LostUpdate")), s.readme(), s.docs(), s.samples(), s.tests()),
        "LostUpdate", "Catalogue.BASE_URL");
  }

  @Test
  void theReadmeMustIntroduceTheFamilyAndListTheCheck() {
    Sources s = Sources.complete();
    assertOneProblem(
        new Sources(s.checks(), README.replace("| [LostUpdate](pitfalls/LostUpdate.md) | count++ |", ""), s.docs(), s.samples(), s.tests()),
        "LostUpdate", "docs/README.md");
    List<String> problems =
        problems(new Sources(s.checks(), README.replace("<!-- family: sharedstate -->", ""), s.docs(), s.samples(), s.tests()));
    assertTrue(problems.stream().anyMatch(p -> p.contains("<!-- family: sharedstate -->")), problems.toString());
  }

  @Test
  void anEntryForNoCheckFails() {
    Sources s = Sources.complete();
    Map<String, String> docs = new java.util.HashMap<>(s.docs());
    docs.put("OldName", doc(d -> d));
    assertOneProblem(new Sources(s.checks(), s.readme(), docs, s.samples(), s.tests()), "docs/pitfalls/OldName.md", "no registered check");
  }

  @Test
  void everyMissingPieceIsReportedAtOnce() {
    Sources s = Sources.complete();
    List<String> problems = problems(new Sources(s.checks(), s.readme(), Map.of(), List.of(), Set.of()));
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.stream().allMatch(p -> p.startsWith("LostUpdate: ")), problems.toString());
  }

  @Test
  void theFindingsMustMatchThePitfallAndTheFix() {
    CatalogueSources sources = Sources.complete().build();
    Path file = Path.of("/repo").resolve(SAMPLE_PATH);
    Finding inPitfall = new Finding(file, 10, 5, "warning", "LostUpdate", "[LostUpdate] lost", "count++;");
    assertEquals(List.of(), CatalogueRules.checkFindings(sources, List.of(inPitfall)));

    List<String> none = CatalogueRules.checkFindings(sources, List.of());
    assertEquals(1, none.size());
    assertTrue(none.get(0).startsWith("LostUpdate: ") && none.get(0).contains("reports nothing"), none.toString());

    Finding inFix = new Finding(file, 25, 5, "warning", "LostUpdate", "[LostUpdate] lost", "count++;");
    List<String> dirtyFix = CatalogueRules.checkFindings(sources, new ArrayList<>(List.of(inPitfall, inFix)));
    assertEquals(1, dirtyFix.size());
    assertTrue(dirtyFix.get(0).contains("the Fix must be clean"), dirtyFix.toString());
  }

  @Test
  void familiesComeFromTheReadmeMarkers() {
    List<Family> families = Families.parse(README + "\n## Async sprawl\n<!-- family: async -->\n\nToo many futures.\n\nComing soon.\n");
    assertEquals(List.of("sharedstate", "async"), families.stream().map(Family::id).toList());
    assertEquals("Shared mutation", families.get(0).title());
    assertEquals("Threads interleave.", families.get(0).introMarkdown());
    assertEquals("Too many futures.", families.get(1).introMarkdown());
  }
}
