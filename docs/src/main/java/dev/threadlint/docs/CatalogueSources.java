package dev.threadlint.docs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the catalogue is generated from, read but not yet checked.
 *
 * @param checks the registered checks
 * @param baseUrl {@code dev.threadlint.Catalogue.BASE_URL}
 * @param families the families docs/README.md introduces
 * @param readme the text of docs/README.md
 * @param docs the parsed docs/pitfalls/*.md, by file name without {@code .md}
 * @param javaBlocks Java code blocks found in the hand-written Markdown: file → first line of each
 * @param samples the samples
 * @param testClasses the file names under checker/src/test/java, e.g. {@code FooTest.java}
 */
record CatalogueSources(
    List<CheckInfo> checks,
    String baseUrl,
    List<Family> families,
    String readme,
    Map<String, PitfallDoc> docs,
    Map<String, List<String>> javaBlocks,
    List<Sample> samples,
    Set<String> testClasses) {

  /** The samples whose Pitfall is marked with the check, in path order. */
  List<Sample> samplesOf(String check) {
    return samples.stream().filter(s -> s.pitfall() != null && s.fix() != null && s.shows(check)).toList();
  }
}
