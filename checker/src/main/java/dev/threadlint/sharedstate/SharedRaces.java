package dev.threadlint.sharedstate;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.Confinement;
import dev.threadlint.model.NullChecks;
import dev.threadlint.model.SharedAccesses;
import dev.threadlint.model.SharedAccesses.Access;
import dev.threadlint.model.SharedAccesses.AccessKind;
import dev.threadlint.model.ThreadModel.UnsafeType;
import dev.threadlint.model.ThreadSafety.Sharing;
import dev.threadlint.model.UnitLocks;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Decides which accesses of a unit race: an access that changes shared state (or reads state
 * another thread changes) while another access to the same variable can run at the same time,
 * neither under a lock. Verdicts are computed once per variable and unit.
 *
 * <p>What counts as a change: a write of the variable, a read-modify-write ({@code x++}, {@code
 * x += n}), a write of a constant-index element of a held array ({@code total[0] += x}; elements
 * at computed indexes are taken to be distinct), and a mutating call on an object known not to be
 * thread-safe. A {@code volatile} variable races only through read-modify-writes. A field that
 * is not final and is accessed under a lock anywhere is left alone: {@code
 * InconsistentSynchronization} judges it, or, volatile, it is part of a design that mixes a lock
 * with lock-free reads this check cannot tell from a mistake. A final field or a captured local
 * (the list or array it holds) races through pairs of unlocked accesses, locks elsewhere or not.
 * A field annotated {@code @LazyInit} declares its race benign; one its author declares confined to
 * a thread ({@link Confinement}) is taken at the author's word.
 */
final class SharedRaces {
  private SharedRaces() {}

  /** The races of the unit {@code state} is in: the message of each racing access, by its tree. */
  static Map<Tree, String> of(Analysis analysis, VisitorState state) {
    SharedAccesses facts = analysis.sharedAccesses(state);
    if (facts.tasks().isEmpty()) {
      return Map.of(); // nothing runs concurrently: most units
    }
    Map<Tree, String> found = new IdentityHashMap<>();
    for (VarSymbol variable : facts.variables()) {
      Map<Access, String> races = decide(variable, analysis, state);
      // Asked last, of the few variables that race: it reads the declaration's comments.
      if (!races.isEmpty() && !Confinement.isDeclared(variable, state)) {
        races.forEach((access, message) -> found.put(access.tree(), message));
      }
    }
    return found;
  }

  private static Map<Access, String> decide(VarSymbol variable, Analysis analysis, VisitorState state) {
    SharedAccesses facts = analysis.sharedAccesses(state);
    List<Access> accesses = facts.accessesOf(variable);
    if (accesses.stream().allMatch(a -> facts.tasksOf(a).isEmpty()) || hasAnnotation(variable, "LazyInit")) {
      return Map.of();
    }
    // A final field or a captured local races only through the object it holds (a list's adds),
    // which InconsistentSynchronization does not judge: of its accesses, only unlocked ones race.
    boolean holdsObject =
        variable.getKind() != ElementKind.FIELD || (variable.flags() & Flags.FINAL) != 0;
    Set<Access> locked = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Access access : accesses) {
      if (facts.underLock(access, state)) {
        if (!holdsObject) {
          return Map.of(); // locks are in play: InconsistentSynchronization judges this variable
        }
        locked.add(access);
      } else if (isMonitor(access)) {
        locked.add(access); // synchronized (list) reads the reference to lock, not the list
      } else if (afterWinningCompareAndSet(access.path())) {
        locked.add(access); // a flag as a lock, whose sections cannot be told: the access only
      }
      if (isLazyInit(access)) {
        return Map.of(); // if (f == null) f = ...: CheckThenActRace reports it
      }
    }
    Sharing sharing = analysis.threadSafety().sharingOf(variable, facts.valuesOf(variable), state);
    UnsafeType unsafe =
        sharing == Sharing.UNSAFE
            ? analysis.threadSafety().unsafeTypeOf(variable, facts.valuesOf(variable), state)
            : null;
    boolean isVolatile = (variable.flags() & Flags.VOLATILE) != 0;
    Map<Access, String> found = new IdentityHashMap<>();
    boolean taskChanges = accesses.stream().anyMatch(a -> !facts.tasksOf(a).isEmpty() && changes(a, unsafe));
    Set<Integer> reportedLines = new HashSet<>();
    for (Access a : accesses) {
      if (!changes(a, unsafe) && !taskChanges) {
        continue; // only reads in tasks: they race only with changes elsewhere
      }
      if (locked.contains(a) || reportedLines.contains(a.line())) {
        continue; // one warning per line: `f != null && f.isOpen()` is one finding
      }
      for (Access b : accesses) {
        // A locked access is left alone even beside an unlocked one: which lock the other should
        // take is InconsistentSynchronization's question (for the variables it judges).
        if (locked.contains(b) || !conflict(a, b, unsafe, isVolatile)) {
          continue;
        }
        String other = facts.concurrently(a, b, state);
        if (other != null) {
          found.put(a, message(a, b, other, facts.describeRun(a), unsafe, isVolatile));
          reportedLines.add(a.line());
          break;
        }
      }
    }
    return found;
  }

  /** Whether the access changes the variable, an element of it, or the object it holds. */
  private static boolean changes(Access access, @Nullable UnsafeType unsafe) {
    return switch (access.kind()) {
      case WRITE, COMPOUND -> true;
      case MUTATION -> unsafe != null;
      case READ -> false;
    };
  }

  private static boolean conflict(Access a, Access b, @Nullable UnsafeType unsafe, boolean isVolatile) {
    if (!changes(a, unsafe) && !changes(b, unsafe)) {
      return false;
    }
    if ((a.kind() == AccessKind.MUTATION && unsafe == null) || (b.kind() == AccessKind.MUTATION && unsafe == null)) {
      return false;
    }
    if (isVolatile && a.kind() != AccessKind.COMPOUND && b.kind() != AccessKind.COMPOUND) {
      return false; // plain reads and writes of a volatile are atomic and visible
    }
    if (a.element() && b.element()) {
      // total[0] and total[0] collide; results[i] and results[j] are taken to be distinct slots.
      return a.index() != null && Objects.equals(a.index(), b.index());
    }
    boolean local = a.variable().getKind() != ElementKind.FIELD;
    if (local && !a.element() && !b.element() && a.kind() != AccessKind.MUTATION && b.kind() != AccessKind.MUTATION) {
      return false; // a captured local itself is effectively final
    }
    return true;
  }

  private static String message(
      Access a, Access b, String other, @Nullable String run, @Nullable UnsafeType unsafe, boolean isVolatile) {
    String name = "`" + a.variable().getSimpleName() + "`";
    StringBuilder m = new StringBuilder("Unsynchronized shared mutation: ");
    m.append(what(a, name, unsafe));
    if (run != null) {
      m.append(" in ").append(run);
    }
    m.append(", and ")
        .append(a == b ? "so do " : "also " + verb(b, unsafe) + " at line " + b.line() + " by ")
        .append(other)
        .append(", with no lock, volatile or atomic between them: ")
        .append(consequence(a, b, unsafe))
        .append(". ")
        .append(advice(a, b, unsafe, isVolatile));
    return m.toString();
  }

  private static String what(Access a, String name, @Nullable UnsafeType unsafe) {
    return switch (a.kind()) {
      case COMPOUND -> (a.element() ? "an element of " + name : name) + " is updated in place (read, then written back)";
      case WRITE -> (a.element() ? "an element of " + name : name) + " is written";
      case MUTATION -> name + ", a `" + simple(unsafe) + "`, is changed";
      case READ -> (a.element() ? "an element of " + name : name) + " is read";
    };
  }

  private static String verb(Access b, @Nullable UnsafeType unsafe) {
    return switch (b.kind()) {
      case COMPOUND -> "updated";
      case WRITE -> "written";
      case MUTATION -> "changed";
      case READ -> "read";
    };
  }

  private static String consequence(Access a, Access b, @Nullable UnsafeType unsafe) {
    if (unsafe != null && (a.kind() == AccessKind.MUTATION || b.kind() == AccessKind.MUTATION)) {
      return "`" + simple(unsafe) + "` is not thread-safe: " + unsafe.what();
    }
    if (a.kind() == AccessKind.COMPOUND || b.kind() == AccessKind.COMPOUND) {
      return "two threads can read the same value, and one of the updates is lost";
    }
    return "the other thread may see a stale value, or never see the write";
  }

  private static String advice(Access a, Access b, @Nullable UnsafeType unsafe, boolean isVolatile) {
    boolean submitter = a.region().task() == null || b.region().task() == null;
    String wait = submitter ? ", or wait for the task (Future#get, join) before touching it" : "";
    if (unsafe != null) {
      String type = unsafe.type();
      if (type.startsWith("java.text.") || type.equals("java.util.Calendar") || type.equals("java.security.MessageDigest") || type.equals("java.util.regex.Matcher")) {
        return "Give each thread its own instance (a local variable or a ThreadLocal)"
            + (type.startsWith("java.text.DateFormat") || type.equals("java.text.DateFormat") ? ", or use the thread-safe java.time.format.DateTimeFormatter" : "")
            + ", or guard every use with one lock" + wait + ".";
      }
      return "Use a thread-safe collection (ConcurrentHashMap, ConcurrentLinkedQueue, CopyOnWriteArrayList, Collections.synchronized*), let each task return its result through its Future, or guard every access with one lock" + wait + ".";
    }
    if (isVolatile) {
      return "`volatile` makes each read and each write visible, not the read-modify-write atomic: use an AtomicInteger/AtomicLong (incrementAndGet, addAndGet) or a LongAdder, or a lock" + wait + ".";
    }
    if (a.kind() == AccessKind.COMPOUND || b.kind() == AccessKind.COMPOUND) {
      return "Use an AtomicInteger/AtomicLong or a LongAdder (also instead of a one-element array holder), or guard every access with one lock" + wait + ".";
    }
    return "Make the field volatile if each write stands alone, use an atomic, or guard every access with one lock" + wait + ".";
  }

  private static String simple(@Nullable UnsafeType unsafe) {
    return unsafe == null ? "object" : unsafe.type().substring(unsafe.type().lastIndexOf('.') + 1);
  }

  /**
   * Whether the code at {@code path} runs only after its thread won {@code compareAndSet} on an
   * atomic: in the branch of {@code if (flag.compareAndSet(...))}, or after {@code if
   * (!flag.compareAndSet(...)) return;}. The flag is then a lock, taken by the winner and released
   * (set back) wherever it is done, often in another method or a callback: its critical sections
   * cannot be told, so the access is not reported, nor what races only with it. Unlike a real
   * lock, it does not hand the variable to InconsistentSynchronization, which does not see the
   * flag: the variable's other races are still reported (a close-once flag, {@code if
   * (closed.compareAndSet(false, true)) rs.close();}, leaves the rest of {@code rs}'s accesses).
   */
  private static boolean afterWinningCompareAndSet(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath up = path.getParentPath(); up != null; child = up.getLeaf(), up = up.getParentPath()) {
      Tree leaf = up.getLeaf();
      if (leaf instanceof IfTree branch
          && branch.getThenStatement() == child
          && isCompareAndSet(branch.getCondition())) {
        return true;
      }
      if (leaf instanceof BlockTree block && followsLosingExit(block, child)) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  /** Whether a statement before {@code statement} in the block is {@code if (!cas) return;}. */
  private static boolean followsLosingExit(BlockTree block, Tree statement) {
    for (StatementTree before : block.getStatements()) {
      if (before == statement) {
        return false;
      }
      if (before instanceof IfTree branch
          && branch.getElseStatement() == null
          && ASTHelpers.stripParentheses(branch.getCondition()) instanceof UnaryTree not
          && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
          && isCompareAndSet(not.getExpression())
          && !UnitLocks.completesNormally(branch.getThenStatement())) {
        return true;
      }
    }
    return false;
  }

  /** {@code x.compareAndSet(...)} on a {@code java.util.concurrent.atomic} type. */
  private static boolean isCompareAndSet(ExpressionTree condition) {
    if (!(ASTHelpers.stripParentheses(condition) instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method != null
        && method.getSimpleName().contentEquals("compareAndSet")
        && method.owner.getQualifiedName().toString().startsWith("java.util.concurrent.atomic.");
  }

  /** Whether the access is the expression of a {@code synchronized} statement. */
  private static boolean isMonitor(Access access) {
    TreePath parent = access.path().getParentPath();
    if (parent != null && parent.getLeaf() instanceof ParenthesizedTree) {
      parent = parent.getParentPath();
    }
    return parent != null
        && parent.getLeaf() instanceof SynchronizedTree monitor
        && ASTHelpers.stripParentheses(monitor.getExpression()) == access.tree();
  }

  /** {@code if (f == null) { f = ...; }}: the write of a lazy initialisation. */
  static boolean isLazyInit(Access access) {
    if (access.kind() != AccessKind.WRITE || access.element()) {
      return false;
    }
    TreePath statement = access.path().getParentPath();
    if (statement == null || !(statement.getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    TreePath up = statement.getParentPath();
    if (up != null && up.getLeaf() instanceof BlockTree) {
      up = up.getParentPath();
    }
    if (up == null || !(up.getLeaf() instanceof IfTree ifTree)) {
      return false;
    }
    return NullChecks.isNullCheckOf(ifTree.getCondition(), access.variable());
  }

  static boolean hasAnnotation(VarSymbol variable, String simpleName) {
    for (var mirror : variable.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return true;
      }
    }
    return false;
  }
}
