package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.threadlint.model.LockId;
import java.util.Collections;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.FieldAccesses;
import dev.threadlint.model.FieldAccesses.Access;
import dev.threadlint.model.FieldAccesses.Phase;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * A field that is written (or read) under a lock in most places and without one in a few: the
 * unlocked accesses are reported. Conservative, in the spirit of SpotBugs' {@code
 * IS2_INCONSISTENT_SYNC}: constructors and initializers, helper methods (private, of a private
 * class, or package-private; see {@code FieldAccesses}) only called under a lock or only during
 * construction, and {@code final}, {@code volatile} and {@code
 * java.util.concurrent} typed fields do not count; a field never written after construction is
 * not reported; unlocked writes need at least twice as many locked writes, unlocked reads at
 * least twice as many locked reads, every write locked, and more than one place that writes.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Field accessed under a lock in most places but without it here: the lock does not protect it",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "InconsistentSynchronization.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class InconsistentSynchronization extends UnitFindingsCheck {
  /** Locked accesses of a kind must outnumber the unlocked ones by this factor. */
  static final int MAJORITY = 2;

  @Inject
  public InconsistentSynchronization(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public InconsistentSynchronization() {
    this(ErrorProneFlags.empty());
  }

  // Unlocked writes whose field is otherwise written only in synchronized code on `this` of
  // the access's own class: adding `synchronized` to the method is the mechanical fix.
  private final Set<Tree> synchronizable = Collections.newSetFromMap(new IdentityHashMap<>());

  @Override
  @Nullable SuggestedFix fix(Tree tree, VisitorState state) {
    if (!synchronizable.contains(tree)) {
      return null;
    }
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return null; // runs later or in another object: the method's monitor is not the one
      }
      if (leaf instanceof MethodTree method) {
        return SuggestedFixes.addModifiers(method, state, Modifier.SYNCHRONIZED)
            .orElse(null);
      }
    }
    return null;
  }

  @Override
  Map<Tree, String> findings(CompilationUnitTree unit, Analysis analysis, VisitorState state) {
    if (!synchronizable.isEmpty()) {
      synchronizable.clear(); // walks the whole table, even when empty: most units add nothing
    }
    if (analysis.locks(state).acquisitions().isEmpty()) {
      // No lock is taken in this unit, so no field is written under one: nothing to compare.
      // Most units; their field accesses are not collected at all.
      return Map.of();
    }
    FieldAccesses accesses = analysis.fieldAccesses(state);
    Map<Tree, String> found = new IdentityHashMap<>();
    for (Map.Entry<VarSymbol, List<Access>> entry : accesses.byField().entrySet()) {
      VarSymbol field = entry.getKey();
      if (!candidate(field)) {
        continue;
      }
      // Construction runs before the object is shared. A helper nothing here calls may run
      // under its callers' lock, out of view: its unlocked accesses say nothing either way.
      List<Access> shared =
          entry.getValue().stream()
              .filter(a -> a.phase() != Phase.CONSTRUCTION)
              .filter(a -> a.phase() != Phase.OUT_OF_VIEW || a.locked())
              .toList();
      // Counted, but never reported: accesses the code marks as knowingly unguarded, and reads
      // for debugging output or in code handed off under the lock (published to it).
      List<Access> writes = shared.stream().filter(Access::write).toList();
      List<Access> reads = shared.stream().filter(a -> !a.write()).toList();
      List<Access> lockedWrites = writes.stream().filter(Access::locked).toList();
      List<Access> unlockedWrites = writes.stream().filter(a -> !a.locked()).toList();
      if (lockedWrites.isEmpty()) {
        continue; // never written under a lock (or only during construction): no lock protects it
      }
      Access example = lockedWrites.get(0);
      if (!unlockedWrites.isEmpty() && lockedWrites.size() >= MAJORITY * unlockedWrites.size()) {
        for (Access access : unlockedWrites) {
          if (access.acknowledged()) {
            continue;
          }
          found.put(access.tree(), writeMessage(field, lockedWrites.size(), writes.size() - 1, example));
          if (onlyUnderThisMonitor(lockedWrites, access)) {
            synchronizable.add(access.tree());
          }
        }
      }
      List<Access> lockedReads = reads.stream().filter(Access::locked).toList();
      List<Access> unlockedReads = reads.stream().filter(a -> !a.locked()).toList();
      if (unlockedWrites.isEmpty()
          && writes.size() > 1 // a field set in one place (a flag, a lazily set value) is left alone
          && !unlockedReads.isEmpty()
          && lockedReads.size() >= MAJORITY
          && lockedReads.size() >= MAJORITY * unlockedReads.size()) {
        for (Access access : unlockedReads) {
          if (access.acknowledged()
              || access.handedOffUnderLock()
              || checkedAgainUnderLock(access, shared)
              || readsOwnLazyInitialisation(access, writes, shared)) {
            continue;
          }
          found.put(access.tree(), readMessage(field, lockedReads.size(), reads.size() - 1, example));
        }
      }
    }
    return found;
  }

  /**
   * Whether the same method reads the field again under a lock after this unlocked read: a
   * fast path whose answer the locked re-check confirms (Reactor's {@code MonoReduce#onNext}).
   */
  private static boolean checkedAgainUnderLock(Access read, List<Access> accesses) {
    boolean after = false;
    for (Access other : accesses) {
      if (other == read) {
        after = true;
      } else if (after
          && !other.write()
          && !other.held().isEmpty()
          && other.method() != null
          && other.method().equals(read.method())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the read follows, in the same method, a lazy initialisation of the field, and every
   * write of the field is one, under the lock: set once when null and never changed after, the
   * field holds what this thread saw under the lock (vert.x {@code Http1xServerResponse#cookies}:
   * {@code synchronized (conn) { if (cookies == null) cookies = ...; } return cookies;}).
   */
  private static boolean readsOwnLazyInitialisation(Access read, List<Access> writes, List<Access> accesses) {
    if (!writes.stream().allMatch(w -> w.lazyInit() && w.locked())) {
      return false;
    }
    for (Access other : accesses) {
      if (other == read) {
        return false;
      }
      if (other.write() && other.method() != null && other.method().equals(read.method())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every locked write holds the monitor of {@code this} of the class of the unlocked
   * access's method, an ordinary instance method: then {@code synchronized} on it takes that lock.
   */
  private static boolean onlyUnderThisMonitor(List<Access> lockedWrites, Access unlocked) {
    MethodSymbol method = unlocked.method();
    if (method == null
        || unlocked.field().isStatic()
        || method.isStatic()
        || method.isConstructor()
        || (method.flags() & Flags.SYNCHRONIZED) != 0
        || !(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    LockId monitor = LockId.thisOf(owner);
    return lockedWrites.stream().allMatch(w -> w.held().holds(monitor));
  }

  /** Fields whose accesses a lock is needed for: not final, volatile, or a concurrent type. */
  private static boolean candidate(VarSymbol field) {
    if ((field.flags() & (Flags.FINAL | Flags.VOLATILE)) != 0) {
      return false;
    }
    String type = field.type.tsym == null ? "" : field.type.tsym.getQualifiedName().toString();
    return !type.startsWith("java.util.concurrent.");
  }

  private static String writeMessage(VarSymbol field, int locked, int others, Access example) {
    return "Inconsistent synchronization: `"
        + field.getSimpleName()
        + "` is written here without a lock, but "
        + locked
        + " of its "
        + others
        + " other writes hold one ("
        + where(example)
        + "). A thread holding the lock can overwrite this write or miss it, and this write can"
        + " break the invariants the lock keeps. Take the same lock here, or, if the field needs no"
        + " atomicity with other state, make it volatile or atomic and drop the lock elsewhere.";
  }

  private static String readMessage(VarSymbol field, int locked, int others, Access example) {
    return "Inconsistent synchronization: `"
        + field.getSimpleName()
        + "` is read here without a lock, but it is only written under one ("
        + where(example)
        + ") and "
        + locked
        + " of its "
        + others
        + " other reads hold it too. Without the lock this read can see a stale or half-updated"
        + " value. Take the same lock here, or make the field volatile if a possibly stale value"
        + " is fine.";
  }

  private static String where(Access access) {
    if (!access.held().isEmpty()) {
      return "e.g. " + access.held().innermost().describe();
    }
    return "e.g. in `" + access.method().getSimpleName() + "()`, which is only called with a lock held";
  }
}
