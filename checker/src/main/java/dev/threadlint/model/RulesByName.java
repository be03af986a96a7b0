package dev.threadlint.model;

import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rules indexed by the method name their member pattern names: {@link #candidates} gives, in
 * model order, the rules that a call or override of a method with that name can match. Matching
 * a call against every rule of a kind (hundreds of them) on every call of a file would cost more
 * than the rest of the analysis; almost every method name matches none.
 *
 * <p>Rules with an exact method name are indexed by it when the model is loaded, so a name costs
 * one hash lookup plus a test of each glob rule (a handful), once per name and compilation.
 * Names are interned per compilation (javac's name table), so they key the cache directly.
 */
final class RulesByName<T> {
  private final List<T> rules;
  /** The rules with each exact method name, in model order (also the candidates when no glob matches). */
  private final Map<String, List<T>> exact = new HashMap<>();
  /** The positions in {@link #rules} of the rules with each exact method name, ascending. */
  private final Map<String, int[]> exactPositions = new HashMap<>();
  /** The positions in {@link #rules} of the rules whose method name is a glob, ascending. */
  private final int[] globs;
  /**
   * The member patterns of the glob rules, by position in {@link #globs}: read from an array, not
   * through the index's function, which differs from index to index and so is a call the JIT
   * cannot inline in the code all indexes share.
   */
  private final MemberPattern[] globPatterns;
  private final Map<Name, List<T>> byName = new HashMap<>();

  RulesByName(List<T> rules, Function<T, MemberPattern> member) {
    this.rules = List.copyOf(rules);
    Map<String, List<Integer>> byExactName = new HashMap<>();
    List<Integer> globbed = new ArrayList<>();
    for (int i = 0; i < this.rules.size(); i++) {
      String name = member.apply(this.rules.get(i)).exactName();
      (name == null ? globbed : byExactName.computeIfAbsent(name, n -> new ArrayList<>(1))).add(i);
    }
    byExactName.forEach(
        (name, positions) -> {
          exactPositions.put(name, toArray(positions));
          exact.put(name, positions.stream().map(this.rules::get).toList());
        });
    this.globs = toArray(globbed);
    this.globPatterns = new MemberPattern[globs.length];
    for (int g = 0; g < globs.length; g++) {
      globPatterns[g] = member.apply(this.rules.get(globs[g]));
    }
  }

  /** Indexes member patterns themselves. */
  static RulesByName<MemberPattern> of(List<MemberPattern> patterns) {
    return new RulesByName<>(patterns, Function.identity());
  }

  /**
   * The candidates of a name not asked about before. A function made once, for {@code
   * computeIfAbsent}: a lambda capturing nothing new per call allocates nothing, and the call
   * through {@code HashMap.computeIfAbsent} (too large for the JIT to inline, and shared with
   * javac's own maps) keeps the computation out of the compiled code of every caller. Inlined,
   * the glob matching and list building made {@link #candidates} a 4.6 kB compilation that took
   * C2 140-240 ms in some runs.
   */
  private final Function<Name, List<T>> compute = name -> matching(name.toString());

  /** The rules whose pattern names a method called {@code name} (exactly or by glob). */
  List<T> candidates(Name name) {
    return byName.computeIfAbsent(name, compute);
  }

  private List<T> matching(String methodName) {
    List<T> found = null; // most names match no glob: no list is built for them
    int[] named = null;
    int next = 0; // the next of `named` to add: both lists are in model order, merged
    for (int g = 0; g < globs.length; g++) {
      if (globPatterns[g].nameMatches(methodName)) {
        if (found == null) {
          named = exactPositions.getOrDefault(methodName, NONE);
          found = new ArrayList<>(named.length + 1);
        }
        while (next < named.length && named[next] < globs[g]) {
          found.add(rules.get(named[next++]));
        }
        found.add(rules.get(globs[g]));
      }
    }
    if (found == null) {
      return exact.getOrDefault(methodName, List.of());
    }
    while (next < named.length) {
      found.add(rules.get(named[next++]));
    }
    return List.copyOf(found);
  }

  private static final int[] NONE = {};

  private static int[] toArray(List<Integer> positions) {
    return positions.stream().mapToInt(Integer::intValue).toArray();
  }
}
