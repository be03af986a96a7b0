package dev.threadlint.model;

import com.sun.tools.javac.util.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rules indexed by the method name their member pattern names: {@link #candidates} gives, in
 * model order, the rules that a call or override of a method with that name can match, computed
 * once per name. Matching a call against every rule of a kind (hundreds of them) on every call
 * of a file would cost more than the rest of the analysis; almost every method name matches none.
 *
 * <p>Names are interned per compilation (javac's name table), so they key the map directly.
 */
final class RulesByName<T> {
  private final List<T> rules;
  private final Function<T, MemberPattern> member;
  private final Map<Name, List<T>> byName = new HashMap<>();

  RulesByName(List<T> rules, Function<T, MemberPattern> member) {
    this.rules = rules;
    this.member = member;
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
    List<T> found = new ArrayList<>(1);
    for (T rule : rules) {
      if (member.apply(rule).nameMatches(methodName)) {
        found.add(rule);
      }
    }
    return found.isEmpty() ? List.of() : found;
  }
}
