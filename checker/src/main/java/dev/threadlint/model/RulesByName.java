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
  private final Function<T, MemberPattern> member;
  /** The positions in {@link #rules} of the rules with each exact method name, ascending. */
  private final Map<String, int[]> exact = new HashMap<>();
  /** The positions in {@link #rules} of the rules whose method name is a glob, ascending. */
  private final int[] globs;
  private final Map<Name, List<T>> byName = new HashMap<>();

  RulesByName(List<T> rules, Function<T, MemberPattern> member) {
    this.rules = List.copyOf(rules);
    this.member = member;
    Map<String, List<Integer>> byExactName = new HashMap<>();
    List<Integer> globbed = new ArrayList<>();
    for (int i = 0; i < this.rules.size(); i++) {
      String name = member.apply(this.rules.get(i)).exactName();
      (name == null ? globbed : byExactName.computeIfAbsent(name, n -> new ArrayList<>(1))).add(i);
    }
    byExactName.forEach((name, positions) -> exact.put(name, toArray(positions)));
    this.globs = toArray(globbed);
  }

  /** Indexes member patterns themselves. */
  static RulesByName<MemberPattern> of(List<MemberPattern> patterns) {
    return new RulesByName<>(patterns, Function.identity());
  }

  /** The rules whose pattern names a method called {@code name} (exactly or by glob). */
  List<T> candidates(Name name) {
    // get and put, not computeIfAbsent: asked on every call of every file, and a capturing
    // lambda would be allocated each time.
    List<T> found = byName.get(name);
    if (found == null) {
      found = matching(name.toString());
      byName.put(name, found);
    }
    return found;
  }

  private List<T> matching(String methodName) {
    int[] named = exact.getOrDefault(methodName, NONE);
    List<T> found = new ArrayList<>(named.length);
    int next = 0; // the next of `named` to add: both lists are in model order, merged
    for (int glob : globs) {
      if (member.apply(rules.get(glob)).nameMatches(methodName)) {
        while (next < named.length && named[next] < glob) {
          found.add(rules.get(named[next++]));
        }
        found.add(rules.get(glob));
      }
    }
    while (next < named.length) {
      found.add(rules.get(named[next++]));
    }
    return found.isEmpty() ? List.of() : List.copyOf(found);
  }

  private static final int[] NONE = {};

  private static int[] toArray(List<Integer> positions) {
    return positions.stream().mapToInt(Integer::intValue).toArray();
  }
}
