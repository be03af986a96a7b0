package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.threadlint.model.ConcurrentTask.Region;
import dev.threadlint.model.ThreadContext.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The accesses of one compilation unit to state that threads may share: fields read or written
 * through {@code this} (or statically), and local holders captured by tasks ({@code total[0] +=
 * x}, {@code results.add(x)}), each with the region of code it runs in. At most two scans, each
 * linear in the unit (the second only where two pieces of code may run at the same time: a unit
 * whose only tasks are event-loop or UI callbacks gets the first only, and no accesses); checks
 * read the facts and decide what is a race.
 */
public final class SharedAccesses {

  /** What an access does to the variable. */
  public enum AccessKind {
    READ,
    /** A plain write of the variable or of an element of the array it holds. */
    WRITE,
    /** A read-modify-write: {@code x++}, {@code x += n}, on the variable or an array element. */
    COMPOUND,
    /** A call that changes the object the variable holds ({@code list.add}, {@code format}). */
    MUTATION
  }

  /**
   * One access.
   *
   * @param tree where to report it: the assignment, the unary or compound operation, the call,
   *     or the identifier that reads
   * @param element whether it touches an element of the array the variable holds
   * @param index the element's index when it is a constant ({@code total[0]}), else null
   * @param path the path of {@code tree}, for the lock analysis
   */
  public record Access(
      VarSymbol variable,
      AccessKind kind,
      Tree tree,
      TreePath path,
      Region region,
      boolean element,
      @Nullable Object index,
      int start,
      int line) {

    public boolean writes() {
      return kind != AccessKind.READ;
    }
  }

  private final Map<VarSymbol, List<Access>> byVariable;
  private final Map<Tree, Access> byTree;
  private final Map<VarSymbol, List<ExpressionTree>> values;
  private final Map<VarSymbol, Integer> declarations;
  private final Map<Region, List<Tree>> callsIn;
  /** The waits (blocking calls: start and end positions) of the regions asked about. */
  private final Map<Region, List<int[]>> waits = new HashMap<>();
  private final BlockingApis blocking;
  private final List<ConcurrentTask> tasks;
  private final Map<MethodSymbol, List<ConcurrentTask>> calledFromTasks;
  private final Map<VarSymbol, Region> declaredIn;
  private final Map<MethodSymbol, Boolean> privateCallsLocked;

  private final Map<ConcurrentTask, MethodSymbol> handedInMethod;

  SharedAccesses(SharedAccessScanner c) {
    this.calledFromTasks = c.propagate();
    this.handedInMethod = c.handedInMethod;
    this.declaredIn = c.declaredIn;
    this.privateCallsLocked = c.privateCallsLocked;
    this.byVariable = c.byVariable;
    this.byTree = c.byTree;
    this.values = c.values;
    this.declarations = c.declarations;
    this.callsIn = c.callsIn;
    this.blocking = c.blocking;
    this.tasks = c.tasks;
  }

  /** The variables this unit accesses, in the order of their first access. */
  public Set<VarSymbol> variables() {
    return byVariable.keySet();
  }

  /** Every access to the variable in this unit, in source order. */
  public List<Access> accessesOf(VarSymbol variable) {
    return byVariable.getOrDefault(variable, List.of());
  }

  /** The access reported at that tree, or null. */
  public @Nullable Access accessAt(Tree tree) {
    return byTree.get(tree);
  }

  /** The values the unit assigns to the variable, its initializer first. */
  public List<ExpressionTree> valuesOf(VarSymbol variable) {
    return values.getOrDefault(variable, List.of());
  }

  /** The tasks of this unit. */
  public List<ConcurrentTask> tasks() {
    return tasks;
  }

  /** The start position of a local variable's declaration, or -1. */
  public int declaredAt(VarSymbol local) {
    return declarations.getOrDefault(local, -1);
  }

  /**
   * Whether code of the task's submitter at {@code position} can run while the task runs: it comes
   * after the task starts (or in the loop that submits it again), with no wait in between (any
   * blocking call, such as {@code future.get()} or {@code latch.await()}, counts as one).
   */
  public boolean runsAlongside(ConcurrentTask task, int position, VisitorState state) {
    Region submitter = task.submitter();
    if (submitter == null || task.startEnd() < 0) {
      return false;
    }
    for (int[] range : task.exclusive()) {
      if (position >= range[0] && position < range[1]) {
        return false; // the other branch of an if around the hand-over
      }
    }
    int startEnd = task.startEnd();
    int until = position;
    if (position < startEnd) {
      Tree loop = task.loop();
      if (loop == null
          || position < ((JCTree) loop).getStartPosition()
          || position > state.getEndPosition(loop)) {
        return false; // published to the task before it starts
      }
      until = state.getEndPosition(loop); // the next round of the loop runs alongside this task
    }
    for (int[] wait : waitsIn(submitter, state)) {
      if (wait[1] > startEnd && wait[0] < until) {
        return false;
      }
    }
    return true;
  }

  /** The calls of the region that block, as start and end positions, in source order. */
  private List<int[]> waitsIn(Region region, VisitorState state) {
    List<int[]> found = waits.get(region);
    if (found == null) {
      found = new ArrayList<>();
      for (Tree call : callsIn.getOrDefault(region, List.of())) {
        MethodSymbol method =
            call instanceof MethodInvocationTree invocation
                ? ASTHelpers.getSymbol(invocation)
                : ASTHelpers.getSymbol((NewClassTree) call);
        Type receiver =
            call instanceof MethodInvocationTree invocation ? ASTHelpers.getReceiverType(invocation) : null;
        if (method != null && blocking.lookup(method, receiver, state) != null) {
          found.add(new int[] {((JCTree) call).getStartPosition(), state.getEndPosition(call)});
        }
      }
      waits.put(region, found);
    }
    return found;
  }

  /**
   * Why two accesses can run at the same time, or null if they cannot (as far as this unit shows):
   * the same task running on several threads at once, two tasks that may overlap, or a task and
   * the code that submitted it, after it started. {@code a} may be {@code b}.
   */
  public @Nullable String concurrently(Access a, Access b, VisitorState state) {
    List<ConcurrentTask> tas = tasksOf(a);
    List<ConcurrentTask> tbs = tasksOf(b);
    if (tas.isEmpty() && tbs.isEmpty()) {
      return null;
    }
    for (ConcurrentTask ta : tas.isEmpty() ? nullList() : tas) {
      for (ConcurrentTask tb : tbs.isEmpty() ? nullList() : tbs) {
        String why = concurrently(a, ta, b, tb, state);
        if (why != null) {
          return why;
        }
      }
    }
    return null;
  }

  private static List<@Nullable ConcurrentTask> nullList() {
    List<@Nullable ConcurrentTask> list = new ArrayList<>(1);
    list.add(null);
    return list;
  }

  private @Nullable String concurrently(
      Access a, @Nullable ConcurrentTask ta, Access b, @Nullable ConcurrentTask tb, VisitorState state) {
    if (ta == null && tb == null) {
      return null;
    }
    if (ta != null && ta == tb) {
      if (!ta.mayOverlap(ta)
          || declaredPerRun(a.variable(), ta)
          || ownField(a.variable(), ta, state)) {
        return null;
      }
      return "other runs of the same code at the same time (" + ta.repeated() + ")";
    }
    if (tb != null && b.region() != a.region() && tb.submitter() != null && tb.submitter().equals(a.region())) {
      return runsAlongside(tb, a.start(), state) ? tb.describe() + ", which runs while this code goes on" : null;
    }
    if (ta != null && a.region() != b.region() && ta.submitter() != null && ta.submitter().equals(b.region())) {
      return runsAlongside(ta, b.start(), state) ? "the code that hands this task over, after it started" : null;
    }
    if (ta == null || tb == null || !ta.mayOverlap(tb)) {
      return null;
    }
    if (handsOver(ta, tb) || handsOver(tb, ta)) {
      // A task that schedules the next step of its work (a token refresh that schedules the
      // next refresh) hands it over after what it did before: each step starts after the last
      // one's writes. What a step does after the hand-over may race with the next step; the
      // analysis does not follow positions into the helpers that hand over, and stays silent.
      return null;
    }
    if (ta.submitter() != null && ta.submitter().equals(tb.submitter()) && ta.startEnd() >= 0 && tb.startEnd() >= 0) {
      // Siblings: the later one overlaps the earlier one unless the code waits in between.
      boolean aFirst = ta.startEnd() <= tb.startEnd();
      ConcurrentTask first = aFirst ? ta : tb;
      ConcurrentTask second = aFirst ? tb : ta;
      if (!runsAlongside(first, second.startEnd(), state) && first.loop() == null && second.loop() == null) {
        return null;
      }
    }
    return tb.describe() + " (" + tb.reason() + ")";
  }

  /**
   * Whether code running in {@code first} hands {@code later} over: its body, or a method of
   * this unit that {@code first} calls.
   */
  private boolean handsOver(ConcurrentTask first, ConcurrentTask later) {
    Region submitter = later.submitter();
    if (submitter != null && submitter.task() == first) {
      return true;
    }
    MethodSymbol handing =
        submitter != null && submitter.root() instanceof MethodTree method
            ? ASTHelpers.getSymbol(method)
            : handedInMethod.get(later);
    return handing != null && calledFromTasks.getOrDefault(handing, List.of()).contains(first);
  }

  /**
   * The tasks an access runs in: the task whose body it is in, or, for an access in a method of
   * this unit, the tasks that call that method (directly or through other methods of the unit,
   * with no lock held at the calls; at most two are kept, enough to tell one from several).
   */
  public List<ConcurrentTask> tasksOf(Access access) {
    if (access.variable().getKind() != ElementKind.FIELD
        && declaredIn.get(access.variable()) == access.region()) {
      return List.of(); // a local of this very code: each run (each call) has its own
    }
    ConcurrentTask own = access.region().task();
    if (own != null) {
      return List.of(own);
    }
    return access.region().root() instanceof MethodTree method
        ? calledFromTasks.getOrDefault(ASTHelpers.getSymbol(method), List.of())
        : List.of();
  }

  /**
   * Whether the method is private and every call of it in this unit holds a lock (and no method
   * reference hands it elsewhere): its body runs under its callers' lock.
   */
  public boolean calledOnlyUnderLock(@Nullable MethodSymbol method) {
    return method != null && Boolean.TRUE.equals(privateCallsLocked.get(method));
  }

  /** Whether the access runs under a lock: one held at it, or its method's callers'. */
  public boolean underLock(Access access, VisitorState state) {
    if (!LockSet.heldAt(access.path(), state).isEmpty()) {
      return true;
    }
    return access.region().root() instanceof MethodTree method
        && calledOnlyUnderLock(ASTHelpers.getSymbol(method));
  }

  /** For messages: where the access runs, e.g. "the task at line 12 (...)" or "`parse()`, which the task at line 12 calls". */
  public @Nullable String describeRun(Access access) {
    List<ConcurrentTask> callers = tasksOf(access);
    if (callers.isEmpty()) {
      return null;
    }
    ConcurrentTask own = access.region().task();
    if (own != null) {
      return own.describe() + " (" + own.reason() + ")";
    }
    MethodTree method = (MethodTree) access.region().root();
    ConcurrentTask first = callers.get(0);
    return "`" + method.getName() + "()`, which " + first.describe() + " calls (" + first.reason() + ")";
  }

  /**
   * An instance field of the task object itself ({@code AcceptThread}'s iterator), also in the
   * methods its body calls: each run is its own object (a thread starts once), so other runs of the
   * same code touch another copy. The task body's own accesses are not even recorded.
   */
  private static boolean ownField(VarSymbol variable, ConcurrentTask task, VisitorState state) {
    return task.ownClass() != null
        && variable.getKind() == ElementKind.FIELD
        && !variable.isStatic()
        && task.ownClass().isSubClass(variable.owner, state.getTypes());
  }

  /** A local declared inside the loop that submits the task: each run has its own. */
  private boolean declaredPerRun(VarSymbol variable, ConcurrentTask task) {
    if (variable.getKind() == ElementKind.FIELD || task.loop() == null) {
      return false;
    }
    return declaredAt(variable) >= ((JCTree) task.loop()).getStartPosition();
  }

  public static SharedAccesses compute(
      CompilationUnitTree unit,
      ContextResolver contexts,
      BlockingApis blocking,
      ThreadSafety safety,
      AsyncApis async,
      VisitorState state) {
    SharedAccessScanner scanner = new SharedAccessScanner(unit, contexts, blocking, safety, async, state);
    scanner.prescan();
    if (scanner.mayRace()) {
      scanner.scan(unit, null);
    }
    return new SharedAccesses(scanner);
  }
}
