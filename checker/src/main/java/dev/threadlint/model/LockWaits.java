package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.UnitLocks.Acquisition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which waits for a lock in a compilation unit are short: taking a lock costs the wait for its
 * holders, so a wait for a lock whose every critical section is short (no blocking call, no other
 * lock taken inside) is as short as those sections, like entering a {@code synchronized} block. A
 * lock is judged only if all its critical sections are in view: a private field, stable for its
 * owner's life ({@code private final ReentrantLock lock}); a lock another file can take may be
 * held across anything.
 *
 * <p>Computed once per unit, on the first question (a blocking check that found a lock wait).
 */
public final class LockWaits {
  private final CompilationUnitTree unit;
  private final UnitSummaries summaries;
  /** The lock each acquiring tree takes, without its read or write side. */
  private final Map<Tree, LockId> acquiredAt = new IdentityHashMap<>();
  /** The locks each method of the unit takes in its own body. */
  private final Map<MethodSymbol, Set<LockId>> takenIn = new HashMap<>();
  /** The methods of the unit each method calls (not from tasks). */
  private final Map<MethodSymbol, List<MethodSymbol>> callees = new HashMap<>();
  /** Locks with a critical section that blocks or takes another lock. */
  private final Set<LockId> held = new HashSet<>();
  /** What {@link #takenBy} found for each method asked about. */
  private final Map<MethodSymbol, Set<LockId>> takenBy = new HashMap<>();

  private LockWaits(CompilationUnitTree unit, UnitSummaries summaries) {
    this.unit = unit;
    this.summaries = summaries;
  }

  static LockWaits compute(
      CompilationUnitTree unit,
      UnitLocks locks,
      UnitSummaries summaries,
      BlockingApis apis,
      VisitorState state) {
    LockWaits waits = new LockWaits(unit, summaries);
    for (Acquisition acquisition : locks.acquisitions()) {
      LockId lock = acquisition.lock().lock().withoutMode();
      waits.acquiredAt.put(acquisition.tree(), lock);
      if (acquisition.method() != null) {
        waits.takenIn.computeIfAbsent(acquisition.method(), m -> new HashSet<>()).add(lock);
      }
      for (HeldLock outer : acquisition.before().held()) {
        waits.heldAcrossAnother(outer.lock().withoutMode(), lock);
      }
    }
    for (UnitLocks.Call call : locks.calls()) {
      if (call.caller() != null) {
        waits.callees.computeIfAbsent(call.caller(), m -> new ArrayList<>()).add(call.callee());
      }
    }
    locks.forEachHeld((tree, heldThere) -> waits.judge(tree, heldThere, apis, state));
    return waits;
  }

  /** A call made with locks held: blocking there makes each of them a lock held across waits. */
  private void judge(Tree tree, LockSet heldThere, BlockingApis apis, VisitorState state) {
    MethodSymbol method;
    Type receiver = null;
    if (tree instanceof MethodInvocationTree call) {
      method = ASTHelpers.getSymbol(call);
      receiver = ASTHelpers.getReceiverType(call);
    } else if (tree instanceof NewClassTree creation) {
      method = ASTHelpers.getSymbol(creation);
    } else {
      return;
    }
    if (method == null || acquiredAt.containsKey(tree)) {
      return; // an acquisition inside a section was judged with the acquisitions
    }
    if (SourceUnits.memberOf(method, unit)) {
      boolean blocks = summaries.blocksBesidesLocking(method);
      Set<LockId> inside = blocks ? Set.of() : takenBy(method);
      for (HeldLock outer : heldThere.held()) {
        LockId lock = outer.lock().withoutMode();
        if (blocks) {
          held.add(lock);
        }
        for (LockId other : inside) {
          heldAcrossAnother(lock, other);
        }
      }
    } else if (apis.lookup(method, receiver, state) != null) {
      for (HeldLock outer : heldThere.held()) {
        held.add(outer.lock().withoutMode());
      }
    }
  }

  private void heldAcrossAnother(LockId outer, LockId inner) {
    if (!outer.equals(inner)) {
      held.add(outer); // taking the same lock again (it is reentrant) waits for nobody
    }
  }

  /** The locks a method of the unit takes, in its body or in the methods of the unit it calls. */
  private Set<LockId> takenBy(MethodSymbol method) {
    Set<LockId> known = takenBy.get(method);
    if (known == null) {
      known = search(method);
      takenBy.put(method, known);
    }
    return known;
  }

  private Set<LockId> search(MethodSymbol method) {
    Set<LockId> taken = new HashSet<>();
    Set<MethodSymbol> seen = new HashSet<>();
    Deque<MethodSymbol> pending = new ArrayDeque<>();
    pending.push(method);
    while (!pending.isEmpty()) {
      MethodSymbol next = pending.pop();
      if (seen.add(next)) {
        taken.addAll(takenIn.getOrDefault(next, Set.of()));
        callees.getOrDefault(next, List.of()).forEach(pending::push);
      }
    }
    return taken;
  }

  /** Whether every critical section of the lock is in view and short. */
  public boolean isShort(LockId lock) {
    LockId whole = lock.withoutMode();
    return whole.stable()
        && (whole.kind() == LockId.Kind.FIELD || whole.kind() == LockId.Kind.STATIC_FIELD)
        && whole.symbol() != null
        && (whole.symbol().flags() & Flags.PRIVATE) != 0
        && !held.contains(whole);
  }

  /**
   * Whether a call (or method reference) that waits for a lock waits only for short ones: it takes
   * a short lock itself, or it calls a method of the unit that blocks only by taking short locks.
   */
  public boolean waitsOnlyForShortLocks(Tree call, MethodSymbol method) {
    LockId direct = acquiredAt.get(call);
    if (direct != null) {
      return isShort(direct);
    }
    if (!SourceUnits.memberOf(method, unit) || summaries.blocksBesidesLocking(method)) {
      return false;
    }
    Set<LockId> taken = takenBy(method);
    return !taken.isEmpty() && taken.stream().allMatch(this::isShort);
  }
}
