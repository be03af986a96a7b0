package dev.threadlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesByNameTest {
  private static final Names NAMES = Names.instance(new Context());

  private static final List<MemberPattern> RULES =
      List.of(
          MemberPattern.parse("a.A#get"), // 0
          MemberPattern.parse("a.B#get*"), // 1
          MemberPattern.parse("a.C#getAll"), // 2
          MemberPattern.parse("a.D#*"), // 3
          MemberPattern.parse("a.E#get"), // 4
          MemberPattern.parse("a.F#*All"), // 5
          MemberPattern.parse("a.G#getAll(int)")); // 6

  private static List<String> types(List<MemberPattern> found) {
    return found.stream().map(MemberPattern::type).toList();
  }

  @Test
  void exactAndGlobRulesComeInModelOrder() {
    RulesByName<MemberPattern> index = RulesByName.of(RULES);
    assertEquals(List.of("a.A", "a.B", "a.D", "a.E"), types(index.candidates(NAMES.fromString("get"))));
    assertEquals(
        List.of("a.B", "a.C", "a.D", "a.F", "a.G"), types(index.candidates(NAMES.fromString("getAll"))));
    assertEquals(List.of("a.D"), types(index.candidates(NAMES.fromString("put"))));
  }

  @Test
  void aNameNoRuleNamesHasNoCandidates() {
    RulesByName<MemberPattern> index = RulesByName.of(RULES.stream().filter(MemberPattern::isExactType).filter(p -> p.exactName() != null).toList());
    assertEquals(List.of(), index.candidates(NAMES.fromString("put")));
    assertEquals(List.of("a.C", "a.G"), types(index.candidates(NAMES.fromString("getAll"))));
  }

  @Test
  void theCandidatesOfANameAreComputedOnce() {
    RulesByName<MemberPattern> index = RulesByName.of(RULES);
    assertSame(index.candidates(NAMES.fromString("get")), index.candidates(NAMES.fromString("get")));
  }

  @Test
  void namesOnlyTheAnyNameRulesMatchShareOneList() {
    RulesByName<MemberPattern> index = RulesByName.of(RULES);
    List<MemberPattern> put = index.candidates(NAMES.fromString("put"));
    assertEquals(List.of("a.D"), types(put));
    assertSame(put, index.candidates(NAMES.fromString("take")));
  }

  @Test
  void anyNameRulesAreMergedInModelOrderWithExactNamesAndGlobs() {
    RulesByName<MemberPattern> index =
        RulesByName.of(
            List.of(
                MemberPattern.parse("a.P#**"), // 0
                MemberPattern.parse("a.Q#get"), // 1
                MemberPattern.parse("a.R#*"), // 2
                MemberPattern.parse("a.S#g*"), // 3
                MemberPattern.parse("a.T#get"))); // 4
    // exact, any-name and glob rules together; then without a glob matching; then any-name only
    assertEquals(List.of("a.P", "a.Q", "a.R", "a.S", "a.T"), types(index.candidates(NAMES.fromString("get"))));
    assertEquals(List.of("a.P", "a.R", "a.S"), types(index.candidates(NAMES.fromString("go"))));
    assertEquals(List.of("a.P", "a.R"), types(index.candidates(NAMES.fromString("put"))));
    RulesByName<MemberPattern> noGlob =
        RulesByName.of(
            List.of(
                MemberPattern.parse("a.P#*"),
                MemberPattern.parse("a.Q#get"),
                MemberPattern.parse("a.R#*"),
                MemberPattern.parse("a.T#get")));
    assertEquals(List.of("a.P", "a.Q", "a.R", "a.T"), types(noGlob.candidates(NAMES.fromString("get"))));
  }
}
