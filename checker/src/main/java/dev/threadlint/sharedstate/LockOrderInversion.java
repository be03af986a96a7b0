package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.threadlint.Catalogue;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.HeldLock;
import dev.threadlint.model.LockId;
import dev.threadlint.model.SelfReferences;
import dev.threadlint.model.UnitLocks.Acquisition;
import dev.threadlint.model.UnitLocks.Call;
import dev.threadlint.model.UnitLocks;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Two code paths of one compilation unit that take the same two locks in opposite orders. The
 * lock-order graph has an edge {@code a → b} wherever {@code b} is taken while {@code a} is held:
 * directly, or through methods of the unit called while holding {@code a} (up to {@link
 * #CALL_DEPTH} calls deep). Only stable locks count ({@code this}, class literals, final fields
 * of {@code this}, static final fields): two paths naming them take the same objects.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Two code paths take the same two locks in opposite orders: a deadlock waiting to happen",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "LockOrderInversion.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class LockOrderInversion extends UnitFindingsCheck {
  /** How many calls deep acquisitions are followed: bounded effort, linear in the unit. */
  static final int CALL_DEPTH = 4;

  @Inject
  public LockOrderInversion(ErrorProneFlags flags) {
    super(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public LockOrderInversion() {
    this(ErrorProneFlags.empty());
  }

  /** A lock a method takes, and how: directly, or through the calls in {@code via}. */
  private record Taken(HeldLock at, List<String> via) {}

  /** {@code inner} taken while {@code outer} is held, reported at {@code tree}. */
  private record Edge(HeldLock outer, LockId inner, Tree tree, int line, String how) {}

  private record Key(LockId outer, LockId inner) {}

  @Override
  Map<Tree, String> findings(CompilationUnitTree unit, Analysis analysis, VisitorState state) {
    UnitLocks locks = analysis.locks(state);
    if (locks.acquisitions().size() < 2) {
      return Map.of();
    }
    Map<MethodSymbol, Map<LockId, Taken>> taken = takenByMethod(locks);
    Map<Key, List<Edge>> edges = new LinkedHashMap<>();
    for (Acquisition acquisition : locks.acquisitions()) {
      LockId inner = order(acquisition.lock().lock());
      if (!inner.stable() || alreadyHeld(acquisition.before().held(), inner)) {
        continue;
      }
      for (HeldLock outer : acquisition.before().held()) {
        add(edges, outer, inner, acquisition.tree(), acquisition.lock().line(), acquisition.lock().describe());
      }
    }
    for (Call call : locks.calls()) {
      if (call.held().isEmpty() || !onSameObject(call)) {
        continue;
      }
      Map<LockId, Taken> inCallee = taken.getOrDefault(call.callee(), Map.of());
      for (Map.Entry<LockId, Taken> entry : inCallee.entrySet()) {
        if (alreadyHeld(call.held().held(), entry.getKey())) {
          continue;
        }
        List<String> chain = new ArrayList<>();
        chain.add(call.callee().getSimpleName() + "()");
        chain.addAll(entry.getValue().via());
        chain.add(entry.getValue().at().describe());
        String how =
            "`" + call.callee().getSimpleName() + "()` at line " + line(unit, call.tree())
                + ", which takes it: " + String.join(" → ", chain);
        for (HeldLock outer : call.held().held()) {
          add(edges, outer, entry.getKey(), call.tree(), line(unit, call.tree()), how);
        }
      }
    }
    Map<Tree, String> found = new IdentityHashMap<>();
    for (Map.Entry<Key, List<Edge>> entry : edges.entrySet()) {
      Key key = entry.getKey();
      List<Edge> reverse = edges.get(new Key(key.inner(), key.outer()));
      if (reverse == null) {
        continue;
      }
      Edge other = reverse.get(0);
      for (Edge edge : entry.getValue()) {
        found.putIfAbsent(edge.tree(), message(key, edge, other));
      }
    }
    return found;
  }

  private static void add(
      Map<Key, List<Edge>> edges, HeldLock outer, LockId inner, Tree tree, int line, String how) {
    LockId outerId = order(outer.lock());
    if (!outerId.stable() || outerId.equals(inner)) {
      return; // reentrant, or the same read-write lock: not an ordering between two locks
    }
    edges.computeIfAbsent(new Key(outerId, inner), k -> new ArrayList<>()).add(new Edge(outer, inner, tree, line, how));
  }

  /**
   * Whether {@code inner} is among the locks already held: taking it again (a reentrant lock, a
   * monitor) waits for nothing, so it orders nothing. Jetty's {@code BlockingArrayQueue#remove(Object)}
   * holds its tail lock, then its head lock, and calls {@code remove(int)}, which takes both again
   * in the same order: no head-before-tail edge.
   */
  private static boolean alreadyHeld(Iterable<HeldLock> held, LockId inner) {
    for (HeldLock lock : held) {
      if (order(lock.lock()).equals(inner)) {
        return true;
      }
    }
    return false;
  }

  /** Both sides of a read-write lock order like the lock itself. */
  private static LockId order(LockId lock) {
    return lock.withoutMode();
  }

  /**
   * The stable locks each method of the unit takes, directly or through the methods it calls on
   * the same object (or static ones), up to {@link #CALL_DEPTH} calls deep.
   */
  private static Map<MethodSymbol, Map<LockId, Taken>> takenByMethod(UnitLocks locks) {
    Map<MethodSymbol, Map<LockId, Taken>> taken = new LinkedHashMap<>();
    for (Acquisition acquisition : locks.acquisitions()) {
      LockId lock = order(acquisition.lock().lock());
      if (acquisition.method() != null && lock.stable()) {
        taken
            .computeIfAbsent(acquisition.method(), m -> new LinkedHashMap<>())
            .putIfAbsent(lock, new Taken(acquisition.lock(), List.of()));
      }
    }
    for (int round = 1; round < CALL_DEPTH; round++) {
      boolean changed = false;
      for (Call call : locks.calls()) {
        Map<LockId, Taken> inCallee = taken.get(call.callee());
        if (inCallee == null
            || call.caller() == null
            || !onSameObject(call)
            || call.callee().equals(call.caller())) {
          continue;
        }
        Map<LockId, Taken> inCaller = taken.computeIfAbsent(call.caller(), m -> new LinkedHashMap<>());
        for (Map.Entry<LockId, Taken> entry : List.copyOf(inCallee.entrySet())) {
          if (!inCaller.containsKey(entry.getKey()) && entry.getValue().via().size() < CALL_DEPTH) {
            List<String> via = new ArrayList<>();
            via.add(call.callee().getSimpleName() + "()");
            via.addAll(entry.getValue().via());
            inCaller.put(entry.getKey(), new Taken(entry.getValue().at(), List.copyOf(via)));
            changed = true;
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    return taken;
  }

  /**
   * Whether the callee's {@code this} is the caller's: an unqualified or {@code this.} call, or a
   * static method (whose locks are static anyway). A call on another object takes that object's
   * locks, which are not the ones this unit's names stand for.
   */
  private static boolean onSameObject(Call call) {
    if (call.callee().isStatic()) {
      return true;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call.tree());
    return receiver == null || SelfReferences.isThis(receiver);
  }

  private static String message(Key key, Edge edge, Edge other) {
    String a = key.outer().text();
    String b = key.inner().text();
    return "Lock order inversion: `"
        + b
        + "` is taken here ("
        + edge.how()
        + ") while `"
        + a
        + "` is held ("
        + edge.outer().describe()
        + "), but line "
        + other.line()
        + " takes `"
        + a
        + "` while holding `"
        + b
        + "` ("
        + other.how()
        + ", with "
        + other.outer().describe()
        + "). Two threads running these paths can each take one lock and wait for the other"
        + " forever. Take the two locks in the same order everywhere (say, always `"
        + a
        + "` before `"
        + b
        + "`), or do the inner work after releasing the outer lock.";
  }

  private static int line(CompilationUnitTree unit, Tree tree) {
    return (int) unit.getLineMap().getLineNumber(ASTHelpers.getStartPosition(tree));
  }
}
