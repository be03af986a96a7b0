package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the build enforces before it publishes the catalogue. Each problem names the check (or
 * file) and says what to add; the generator fails with all of them at once.
 */
final class CatalogueRules {
  /** The sections every docs/pitfalls/&lt;Check&gt;.md has, by the first words of their titles. */
  static final List<String> REQUIRED_SECTIONS =
      List.of(
          "What goes wrong",
          "Why",
          "How to fix",
          "Examples",
          "When it stays silent",
          "Suppress or configure",
          "Related rules");

  private CatalogueRules() {}

  /** The problems found in the sources, before anything is compiled. */
  static List<String> check(CatalogueSources sources) {
    List<String> problems = new ArrayList<>();
    Set<String> familyIds = sources.families().stream().map(Family::id).collect(Collectors.toSet());
    for (CheckInfo check : sources.checks()) {
      String name = check.name();
      if (!familyIds.contains(check.family())) {
        problems.add(
            name + ": it is in package dev.threadlint." + check.family()
                + ", and docs/README.md introduces no such family (add a '## Title' section followed by"
                + " '<!-- family: " + check.family() + " -->')");
      }
      if (!"CUSTOM".equals(check.linkType()) || !Objects.equals(check.link(), sources.baseUrl() + name + ".md")) {
        problems.add(
            name + ": its @BugPattern must link to its catalogue page: linkType = CUSTOM, link = Catalogue.BASE_URL + \""
                + name + ".md\" (found " + check.linkType() + " '" + check.link() + "')");
      }
      PitfallDoc doc = sources.docs().get(name);
      if (doc == null) {
        problems.add(name + ": no catalogue entry docs/pitfalls/" + name + ".md");
      } else {
        checkDoc(check, doc, sources, problems);
      }
      if (!sources.readme().contains("pitfalls/" + name + ".md")) {
        problems.add(name + ": docs/README.md does not link pitfalls/" + name + ".md from its family's table");
      }
      if (sources.samplesOf(name).isEmpty()) {
        problems.add(
            name + ": no sample shows it: add a file under samples/src/main/java/dev/threadlint/samples/"
                + check.family() + "/ with a nested class Pitfall marked '// BUG: Diagnostic contains: "
                + name + "' and a nested class Fix");
      }
      boolean tested =
          sources.testClasses().stream().anyMatch(f -> f.startsWith(name) && f.endsWith("Test.java"));
      if (!tested) {
        problems.add(name + ": no unit test class under checker/src/test/java whose name starts with " + name + " (e.g. " + name + "Test.java)");
      }
    }
    Set<String> names = sources.checks().stream().map(CheckInfo::name).collect(Collectors.toSet());
    for (String file : sources.docs().keySet()) {
      if (!names.contains(file)) {
        problems.add("docs/pitfalls/" + file + ".md: documents no registered check (renamed or removed?)");
      }
    }
    for (Map.Entry<String, List<String>> blocks : sources.javaBlocks().entrySet()) {
      for (String first : blocks.getValue()) {
        problems.add(
            blocks.getKey() + ": a Java code block ('" + first.strip() + "'): the catalogue's code comes from samples/,"
                + " where it compiles and the build checks its findings; link a sample instead");
      }
    }
    return problems;
  }

  private static void checkDoc(CheckInfo check, PitfallDoc doc, CatalogueSources sources, List<String> problems) {
    String file = "docs/pitfalls/" + check.name() + ".md";
    if (!doc.title().equals(check.name())) {
      problems.add(check.name() + ": " + file + " must start with '# " + check.name() + "'");
    }
    if (!normalize(doc.summary()).equals(normalize(check.summary()))) {
      problems.add(
          check.name() + ": " + file + " must quote the @BugPattern summary as its first block quote: '> "
              + check.summary() + "' (found '" + doc.summary() + "')");
    }
    for (String section : REQUIRED_SECTIONS) {
      if (doc.section(section).isEmpty()) {
        problems.add(check.name() + ": " + file + " has no '## " + section + "...' section");
      }
    }
    doc.section("Examples")
        .ifPresent(
            examples -> {
              String links = linksOf(examples);
              for (Sample sample : sources.samplesOf(check.name())) {
                if (!links.contains(sample.path().getFileName().toString())) {
                  problems.add(
                      check.name() + ": the Examples section of " + file + " does not link the sample "
                          + sample.path());
                }
              }
            });
  }

  private static String linksOf(PitfallDoc.Section section) {
    StringBuilder links = new StringBuilder();
    for (org.commonmark.node.Node node : section.nodes()) {
      node.accept(
          new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Link link) {
              links.append(link.getDestination()).append('\n');
              visitChildren(link);
            }
          });
    }
    return links.toString();
  }

  /** The problems found by compiling the samples: a marked check the plugin no longer reports, a finding in a Fix. */
  static List<String> checkFindings(CatalogueSources sources, List<Finding> findings) {
    List<String> problems = new ArrayList<>();
    for (Sample sample : sources.samples()) {
      if (sample.pitfall() == null || sample.fix() == null) {
        continue;
      }
      List<Finding> own = findings.stream().filter(f -> f.file().endsWith(sample.path())).toList();
      for (CheckInfo check : sources.checks()) {
        if (sample.shows(check.name())
            && own.stream().noneMatch(f -> f.check().equals(check.name()) && sample.pitfall().contains(f.line()))) {
          problems.add(
              check.name() + ": " + sample.path() + " marks its Pitfall with it, but the plugin reports nothing there");
        }
      }
      for (Finding finding : own) {
        if (sample.fix().contains(finding.line())) {
          problems.add(
              finding.check() + ": " + sample.path() + ":" + finding.line() + ": the Fix must be clean, but the plugin reports: "
                  + finding.message().lines().findFirst().orElse(""));
        }
      }
    }
    return problems;
  }

  private static String normalize(String text) {
    return text.replaceAll("\\s+", " ").strip().replaceAll("\\.$", "");
  }
}
