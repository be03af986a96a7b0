package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The checked sources and the compiler's findings, with the look-ups the pages need. */
record CheckedCatalogue(CatalogueSources sources, List<Finding> findings) {

  List<Family> families() {
    return sources.families();
  }

  List<CheckInfo> checksOf(Family family) {
    return sources.checks().stream().filter(c -> c.family().equals(family.id())).toList();
  }

  /** All checks, family by family in the README's order: the order of the pages. */
  List<CheckInfo> checksInOrder() {
    List<CheckInfo> ordered = new ArrayList<>();
    for (Family family : families()) {
      ordered.addAll(checksOf(family));
    }
    return ordered;
  }

  Family familyOf(CheckInfo check) {
    return families().stream().filter(f -> f.id().equals(check.family())).findFirst().orElseThrow();
  }

  List<Sample> samplesOf(CheckInfo check) {
    return sources.samplesOf(check.name());
  }

  PitfallDoc docOf(CheckInfo check) {
    return sources.docs().get(check.name());
  }

  /** The check's findings in the sample's Pitfall, in line order. */
  List<Finding> findings(Sample sample, CheckInfo check) {
    return findings.stream()
        .filter(f -> f.file().endsWith(sample.path()))
        .filter(f -> f.check().equals(check.name()) && sample.pitfall().contains(f.line()))
        .sorted(java.util.Comparator.comparingLong(Finding::line).thenComparingLong(Finding::column))
        .toList();
  }

  /** The frameworks of the check's samples, in filter order. */
  List<String> frameworksOf(CheckInfo check) {
    Set<String> names = new LinkedHashSet<>();
    samplesOf(check).forEach(s -> names.addAll(s.frameworks()));
    return Frameworks.ordered(names);
  }

  /** The frameworks some check has, in filter order. */
  List<String> frameworks() {
    Set<String> names = new LinkedHashSet<>();
    sources.checks().forEach(c -> names.addAll(frameworksOf(c)));
    return Frameworks.ordered(names);
  }

  Optional<CheckInfo> check(String name) {
    return sources.checks().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
