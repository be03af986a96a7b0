package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The locks held at a point of code, outermost first: the monitors of enclosing {@code
 * synchronized} methods and blocks, and the {@code Lock}s taken before it in the same method and
 * not yet released ({@code l.lock(); try { ... } finally { l.unlock(); }}, {@code if
 * (l.tryLock()) { ... }}). A must-analysis: a lock is in the set only if it is held on every path
 * to the point. Lambdas, anonymous and local classes start with no lock (they run later), except
 * lambdas the model says run in place (on the caller's thread, like {@code forEach}).
 *
 * <p>Immutable. Computed for a whole compilation unit at once by {@link UnitLocks}.
 */
public final class LockSet {
  public static final LockSet EMPTY = new LockSet(List.of());

  private final List<HeldLock> held;

  private LockSet(List<HeldLock> held) {
    this.held = held;
  }

  /**
   * The locks held at {@code path}. Needs the {@link Analysis} of the compilation, which every
   * check creates (through {@code ConfiguredAnalysis}) before it asks.
   */
  public static LockSet heldAt(TreePath path, VisitorState state) {
    return heldAt(path.getLeaf(), state);
  }

  /** The locks held at {@code tree}, a node of the unit {@code state}'s path is in. */
  static LockSet heldAt(Tree tree, VisitorState state) {
    return Analysis.current(state).locks(state).heldAt(tree);
  }

  public boolean isEmpty() {
    return held.isEmpty();
  }

  /** The held locks, outermost first. A reentrant lock taken twice shows twice. */
  public List<HeldLock> held() {
    return held;
  }

  public boolean holds(LockId lock) {
    return find(lock) != null;
  }

  /** The innermost acquisition of that lock, or null if it is not held. */
  public @Nullable HeldLock find(LockId lock) {
    for (int i = held.size() - 1; i >= 0; i--) {
      if (held.get(i).lock().equals(lock)) {
        return held.get(i);
      }
    }
    return null;
  }

  /** The innermost held lock, or null. */
  public @Nullable HeldLock innermost() {
    return held.isEmpty() ? null : held.get(held.size() - 1);
  }

  /** These locks and one more, taken inside them. */
  public LockSet with(HeldLock lock) {
    List<HeldLock> more = new ArrayList<>(held.size() + 1);
    more.addAll(held);
    more.add(lock);
    return new LockSet(List.copyOf(more));
  }

  /**
   * These locks after a release of {@code lock}: its innermost acquisition goes. With {@code
   * anySide}, a release of a whole read-write lock releases whichever side is held.
   */
  public LockSet without(LockId lock, boolean anySide) {
    for (int i = held.size() - 1; i >= 0; i--) {
      LockId candidate = held.get(i).lock();
      if (candidate.equals(lock) || (anySide && candidate.withoutMode().equals(lock.withoutMode()))) {
        List<HeldLock> fewer = new ArrayList<>(held);
        fewer.remove(i);
        return fewer.isEmpty() ? EMPTY : new LockSet(List.copyOf(fewer));
      }
    }
    return this;
  }

  /** The locks held both here and in {@code other} (where control flow joins), in this order. */
  public LockSet retainAll(LockSet other) {
    if (other == this) {
      return this;
    }
    List<HeldLock> both = new ArrayList<>();
    List<HeldLock> remaining = new ArrayList<>(other.held);
    for (HeldLock lock : held) {
      for (int i = 0; i < remaining.size(); i++) {
        if (remaining.get(i).lock().equals(lock.lock())) {
          both.add(lock);
          remaining.remove(i);
          break;
        }
      }
    }
    if (both.size() == held.size()) {
      return this;
    }
    return both.isEmpty() ? EMPTY : new LockSet(List.copyOf(both));
  }

  /** For messages: "`synchronized (lock)` at line 12 and `rw.readLock().lock()` at line 14". */
  public String describe() {
    return held.stream().map(HeldLock::describe).collect(Collectors.joining(" and "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockSet other && other.held.equals(held);
  }

  @Override
  public int hashCode() {
    return held.hashCode();
  }

  @Override
  public String toString() {
    return held.stream().map(h -> h.lock().text()).collect(Collectors.joining(", ", "[", "]"));
  }
}
