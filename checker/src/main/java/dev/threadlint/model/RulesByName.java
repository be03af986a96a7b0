package dev.threadlint.model;

import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

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
  /**
   * The rules with each exact method name, merged in model order with the rules that name any
   * method ({@code Type#*}): the candidates of that name when no other glob matches it.
   */
  private final Map<String, List<T>> exact = new HashMap<>();
  /** The positions in {@link #rules} of the rules in each list of {@link #exact}, ascending. */
  private final Map<String, int[]> exactPositions = new HashMap<>();
  /**
   * The rules that name any method, and their positions: the candidates of every name that no
   * other rule names, one list for all of them. Without it, the callback rules' {@code Type#*}
   * patterns (fifteen of them) made every name of a compilation build a list of its own.
   */
  private final List<T> anyName;
  private final int[] anyNamePositions;
  /** The positions in {@link #rules} of the other rules whose method name is a glob, ascending. */
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
    List<Integer> any = new ArrayList<>();
    List<Integer> globbed = new ArrayList<>();
    for (int i = 0; i < this.rules.size(); i++) {
      MemberPattern pattern = member.apply(this.rules.get(i));
      String name = pattern.exactName();
      if (name != null) {
        byExactName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(i);
      } else {
        (pattern.namesAnyMethod() ? any : globbed).add(i);
      }
    }
    this.anyNamePositions = toArray(any);
    this.anyName = rulesAt(anyNamePositions);
    byExactName.forEach(
        (name, positions) -> {
          int[] merged = merge(toArray(positions), anyNamePositions);
          exactPositions.put(name, merged);
          exact.put(name, rulesAt(merged));
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
    int[] named = null; // the exact-name and any-name rules, added in model order among the globs
    int next = 0; // the next of `named` to add
    for (int g = 0; g < globs.length; g++) {
      if (globPatterns[g].nameMatches(methodName)) {
        if (found == null) {
          named = exactPositions.getOrDefault(methodName, anyNamePositions);
          found = new ArrayList<>(named.length + 1);
        }
        while (next < named.length && named[next] < globs[g]) {
          found.add(rules.get(named[next++]));
        }
        found.add(rules.get(globs[g]));
      }
    }
    if (found == null) {
      return exact.getOrDefault(methodName, anyName);
    }
    while (next < named.length) {
      found.add(rules.get(named[next++]));
    }
    return List.copyOf(found);
  }

  private List<T> rulesAt(int[] positions) {
    return Arrays.stream(positions).mapToObj(rules::get).toList();
  }

  /** The union of two ascending arrays of distinct positions, ascending. */
  private static int[] merge(int[] a, int[] b) {
    return IntStream.concat(Arrays.stream(a), Arrays.stream(b))
        .sorted()
        .toArray();
  }

  private static int[] toArray(List<Integer> positions) {
    return positions.stream().mapToInt(Integer::intValue).toArray();
  }
}
