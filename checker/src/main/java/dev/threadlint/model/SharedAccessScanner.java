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
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.tree.JCTree;
import dev.threadlint.model.ConcurrentTask.Region;
import dev.threadlint.model.ThreadModel.AsyncKind;
import dev.threadlint.model.ThreadModel.AsyncType;
import dev.threadlint.model.ThreadContext.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

import dev.threadlint.model.SharedAccesses.Access;
import dev.threadlint.model.SharedAccesses.AccessKind;
/**
 * The scans of a compilation unit behind {@link SharedAccesses}: the {@link #prescan} every unit
 * gets (the values assigned to variables, the private methods called only under a lock, and
 * whether any code may run as a task), then, only in units where two pieces of code may run at
 * the same time ({@link #mayRace}), the main scan:
 * regions (which code runs as which task), accesses to shared variables, waits, and the calls
 * between methods of the unit that carry tasks into helpers.
 */
final class SharedAccessScanner extends LazyPathScanner<Void, Void> {
  private final CompilationUnitTree unit;
  private final ContextResolver contexts;
  final BlockingApis blocking;
  private final ThreadSafety safety;
  private final AsyncApis async;
  private final VisitorState state;
  final Map<VarSymbol, List<Access>> byVariable = new LinkedHashMap<>();
  final Map<Tree, Access> byTree = new IdentityHashMap<>();
  final Map<VarSymbol, List<ExpressionTree>> values = new HashMap<>();
  final Map<VarSymbol, Integer> declarations = new HashMap<>();
  final Map<VarSymbol, Region> declaredIn = new IdentityHashMap<>();
  final Map<MethodSymbol, Boolean> privateCallsLocked = new HashMap<>();
  /** The calls made in each region, where it may wait: which of them block is asked later. */
  final Map<Region, List<Tree>> callsIn = new HashMap<>();
  private @Nullable Region lastCallRegion;
  private List<Tree> lastCalls = List.of();
  final List<ConcurrentTask> tasks = new ArrayList<>();
  /** Methods of this unit run as tasks: method references handed to threads, started threads. */
  private final Map<MethodSymbol, ConcurrentTask> methodTasks = new HashMap<>();
  /**
   * The method whose own body hands over each method-reference task ({@code
   * scheduler.schedule(this::refresh, ...)} in {@code scheduleRefresh}); absent when a lambda or
   * class around the reference runs it elsewhere.
   */
  final Map<ConcurrentTask, MethodSymbol> handedInMethod = new IdentityHashMap<>();
  /** Thread subclasses of this unit started here, and why several may run at once (or ""). */
  private final Map<ClassSymbol, String> startedThreads = new HashMap<>();
  private @Nullable Region region;
  /** Calls between methods of this unit made with no lock held: caller region, callee. */
  private final List<Map.Entry<Region, MethodSymbol>> calls = new ArrayList<>();

  SharedAccessScanner(
      CompilationUnitTree unit,
      ContextResolver contexts,
      BlockingApis blocking,
      ThreadSafety safety,
      AsyncApis async,
      VisitorState state) {
    this.unit = unit;
    this.contexts = contexts;
    this.blocking = blocking;
    this.safety = safety;
    this.async = async;
    this.state = state;
    this.start = state.getName("start");
  }

  /** {@code start}, as an interned name: compared with the name of every call without arguments. */
  private final Name start;

  /** Whether the prescan found code that may run as a task: only then is the main scan needed. */
  private boolean mayHaveTasks;

  boolean mayHaveTasks() {
    return mayHaveTasks;
  }

  /** Whether the prescan found a class of this unit annotated as thread-safe. */
  private boolean threadSafeClass;

  /**
   * Whether two pieces of the unit's code may run at the same time. Event-loop and UI callbacks
   * run one at a time, on their thread, and not alongside the code that registers them: they race
   * only with tasks on other threads, which come from worker or common-pool contexts, from
   * threads the unit starts, or from the methods of a {@code @ThreadSafe} class. A unit with
   * none of those (on vertx-core, most units with event-loop callbacks) has no race to find, and
   * its main scan is skipped.
   */
  boolean mayRace() {
    if (!mayHaveTasks) {
      return false;
    }
    TreePath root = new TreePath(unit);
    return threadSafeClass
        || !startedThreads.isEmpty()
        || contexts.unitMayRunIn(Kind.WORKER, root, state)
        || contexts.unitMayRunIn(Kind.COMMON_POOL, root, state);
  }

  /**
   * The first scan, which every unit gets: the values assigned to variables, the private methods
   * only called under a lock (checks need both even when nothing runs concurrently), the Thread
   * subclasses of this unit started here and the methods handed over by reference (before the
   * main scan reaches them), and whether any code may run as a task. It over-approximates the
   * tasks the main scan finds; without one, no access can race and the main scan, which records
   * every access, is skipped: most units.
   */
  void prescan() {
    List<TreePath> methods = new ArrayList<>();
    new LazyPathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        if (method != null
            && method.getParameters().isEmpty()
            && method.getSimpleName() == start) {
          Type receiver = ASTHelpers.getReceiverType(tree);
          if (receiver != null
              && receiver.tsym instanceof ClassSymbol cls
              && declaredHere(cls)
              && ASTHelpers.isSubtype(receiver, state.getTypeFromString("java.lang.Thread"), state)) {
            boolean again = startedThreads.containsKey(cls) || inLoop(getCurrentPath());
            startedThreads.put(
                cls,
                again ? "`" + cls.getSimpleName() + "` threads are started more than once (line " + line(tree) + ")" : "");
            mayHaveTasks = true;
          }
        }
        if (method != null
            && (method.flags() & Flags.PRIVATE) != 0
            && !method.isAbstract()
            && method.enclClass() != null
            && declaredHere(method.enclClass())) {
          boolean locked = !LockSet.heldAt(tree, state).isEmpty();
          privateCallsLocked.merge(method, locked, Boolean::logicalAnd);
        }
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        MethodSymbol target = ASTHelpers.getSymbol(tree);
        if (target != null) {
          privateCallsLocked.put(target, false); // handed elsewhere: called who knows how
        }
        if (target != null
            && target.enclClass() != null
            && declaredHere(target.enclClass())
            && !target.isConstructor()
            && !methodTasks.containsKey(target)) {
          // `executor.submit(this::drain)`: drain's body runs as the task.
          ThreadContext context = contexts.contextOfFunctional(getCurrentPath(), state);
          if (concurrent(context.kind()) && !continuesAFuture(context)) {
            // The values of the file's variables are not all collected yet, so an executor is
            // not judged from them here; a serial queue handed over with the task is known.
            Executor queue = serialQueueOf(context.origin(), context.kind());
            ConcurrentTask task =
                new ConcurrentTask(
                    tree, context.kind(), context.reason(), line(tree), null, -1, null, null,
                    queue == null ? null : queue.variable(), queue != null, null, null, List.of());
            methodTasks.put(target, task);
            tasks.add(task);
            MethodSymbol handing = enclosingMethod(getCurrentPath());
            if (handing != null) {
              handedInMethod.put(task, handing);
            }
            mayHaveTasks = true;
          }
        }
        return super.visitMemberReference(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        noteFunctional();
        return super.visitLambdaExpression(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        if (tree.getClassBody() != null) {
          noteFunctional();
        }
        return super.visitNewClass(tree, null);
      }

      /** A lambda or anonymous class handed to another thread may be a task (see functionalRegion). */
      private void noteFunctional() {
        if (!mayHaveTasks) {
          ThreadContext context = contexts.contextOfFunctional(getCurrentPath(), state);
          mayHaveTasks = concurrent(context.kind()) && !continuesAFuture(context);
        }
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        threadSafeClass |= safety.threadSafeAnnotation(ASTHelpers.getSymbol(tree)) != null;
        return super.visitClass(tree, null);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        if (!mayHaveTasks && tree.getBody() != null) {
          methods.add(getCurrentPath());
        }
        return super.visitMethod(tree, null);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol sym = ASTHelpers.getSymbol(tree);
        if (sym != null && tree.getInitializer() != null) {
          values.computeIfAbsent(sym, s -> new ArrayList<>()).add(tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        Target target = target(tree.getVariable());
        if (target != null && !target.element()) {
          values.computeIfAbsent(target.variable(), s -> new ArrayList<>()).add(tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(unit, null);
    for (TreePath path : methods) {
      if (mayHaveTasks) {
        break;
      }
      MethodSymbol method = ASTHelpers.getSymbol((MethodTree) path.getLeaf());
      ClassSymbol owner = method == null ? null : method.enclClass();
      mayHaveTasks =
          method != null
              && (owner == null || !owner.isAnonymous()) // an anonymous class's `new` decided
              && methodTask((MethodTree) path.getLeaf(), method, owner, path) != null;
    }
  }

  private static boolean inLoop(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ForLoopTree
          || leaf instanceof EnhancedForLoopTree
          || leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private boolean declaredHere(ClassSymbol cls) {
    return SourceUnits.declaredIn(cls, unit);
  }

  // --- Regions ----------------------------------------------------------------------------------

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    Region saved = region;
    if (region == null || ASTHelpers.getSymbol(tree) == null || !ASTHelpers.getSymbol(tree).isAnonymous()) {
      region = new Region(null, tree); // field initializers: before the object is published
    }
    super.visitClass(tree, null);
    region = saved;
    return null;
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    Region saved = region;
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    ClassSymbol owner = method == null ? null : method.enclClass();
    if (method == null || tree.getBody() == null) {
      region = null;
    } else if (owner != null && owner.isAnonymous()) {
      // The anonymous class's `new` decided: its task's region, or unknown code.
      region = region != null && region.task() != null && region.task().ownClass() == owner ? region : null;
    } else {
      ConcurrentTask task = methodTask(tree, method, owner, getCurrentPath());
      region = new Region(task, tree);
      if (task != null && methodTasks.get(method) == null) {
        tasks.add(task);
      }
    }
    super.visitMethod(tree, null);
    region = saved;
    return null;
  }

  private @Nullable ConcurrentTask methodTask(
      MethodTree tree, MethodSymbol method, @Nullable ClassSymbol owner, TreePath path) {
    ConcurrentTask byReference = methodTasks.get(method);
    if (byReference != null) {
      return byReference;
    }
    // The tasks are built in methods of their own: this runs for every method of a unit with
    // tasks, and C1 compiles a whole method, where most methods are none of these.
    String annotation = safety.threadSafeAnnotation(owner);
    if (annotation != null && !method.isConstructor() && threadSafeEntryPoint(method, owner)) {
      return threadSafeClassTask(tree, method, owner, annotation);
    }
    if (owner != null
        && startedThreads.containsKey(owner)
        && method.getSimpleName().contentEquals("run")
        && method.getParameters().isEmpty()) {
      return startedThreadTask(tree, owner);
    }
    if (method.isConstructor() || method.isStatic()) {
      return null;
    }
    ThreadContext context = contexts.contextOfMethod(path, state);
    if (concurrent(context.kind()) && context.origin() != null) {
      return handedClassTask(tree, owner, context);
    }
    if (context.kind().forbidsBlocking()) {
      // An event-loop or UI callback (a Netty handler method): it races with worker tasks only.
      return new ConcurrentTask(tree, context.kind(), context.reason(), line(tree), null, -1, null, null, null, false, null, null, List.of());
    }
    return null;
  }

  private ConcurrentTask threadSafeClassTask(
      MethodTree tree, MethodSymbol method, ClassSymbol owner, String annotation) {
    String reason = "its class `" + owner.getSimpleName() + "` is `@" + annotation + "`, so `"
        + method.getSimpleName() + "` may be called from many threads at once";
    return new ConcurrentTask(
        tree, Kind.WORKER, reason, line(tree), null, -1, "its class is `@" + annotation + "`, so other threads may call it at the same time", null, null, false, null, annotation, List.of());
  }

  private ConcurrentTask startedThreadTask(MethodTree tree, ClassSymbol owner) {
    String reason = "`" + owner.getSimpleName() + "` is a thread started in this file, and `run` is its body";
    String again = startedThreads.get(owner);
    return new ConcurrentTask(
        tree, Kind.WORKER, reason, line(tree), null, -1, again.isEmpty() ? null : again, null, null, false, owner, null, List.of());
  }

  /**
   * A named class handed to a thread ({@code executor.submit(new Job())}): its instance fields are
   * its own; only what it shares with other code can race. Handed only to an executor that runs
   * its tasks one at a time, it never overlaps the other tasks handed to that executor.
   */
  private ConcurrentTask handedClassTask(MethodTree tree, @Nullable ClassSymbol owner, ThreadContext context) {
    Executor executor =
        owner != null && contexts.handedToOneExecutor(owner)
            ? executorOf(context.origin(), context.kind(), null)
            : new Executor(null, false);
    return new ConcurrentTask(
        tree, context.kind(), context.reason(), line(tree), null, -1, null, null, executor.variable(), executor.serial(), owner, null, List.of());
  }

  /**
   * Whether a method of a {@code @ThreadSafe} class is one of those the annotation promises
   * callers can call from many threads at once: the class's API, its public and protected
   * methods and the methods that override others (called through the supertype); its
   * package-private methods only when it has no public or protected one (a class whose whole API
   * is package-private). Beside a public API, package-private methods are the class's internals,
   * with threading rules of their own that the file cannot show (gRPC's {@code
   * ManagedChannelImpl#panic}, "called from syncContext"; {@code OobChannel#setSubchannel}, "called
   * once, right after the channel is created"): they count where the entry points call them.
   */
  private boolean threadSafeEntryPoint(MethodSymbol method, ClassSymbol owner) {
    if ((method.flags() & (Flags.PUBLIC | Flags.PROTECTED)) != 0) {
      return true;
    }
    if ((method.flags() & Flags.PRIVATE) != 0) {
      return false;
    }
    return !hasPublicApi.computeIfAbsent(owner, SharedAccessScanner::declaresPublicMethods)
        || !ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty();
  }

  private final Map<ClassSymbol, Boolean> hasPublicApi = new HashMap<>();

  /** Whether the class declares a public or protected method (besides constructors): an API. */
  static boolean declaresPublicMethods(ClassSymbol owner) {
    for (Symbol member : owner.getEnclosedElements()) {
      if (member instanceof MethodSymbol m
          && !m.isConstructor()
          && (m.flags() & (Flags.PUBLIC | Flags.PROTECTED)) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the receiver is an object made for this run: a {@code new}, or a local variable whose
   * only value is one (set where it is declared and never again).
   */
  private boolean isFresh(@Nullable Tree receiver) {
    if (receiver instanceof NewClassTree) {
      return true;
    }
    if (!(receiver instanceof IdentifierTree id)
        || !(ASTHelpers.getSymbol(id) instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    List<ExpressionTree> assigned = values.get(local);
    return assigned != null
        && assigned.size() == 1
        && ThreadSafety.strip(assigned.get(0)) instanceof NewClassTree;
  }

  /** The method whose body holds the path, unless a lambda or class is in between. */
  private static @Nullable MethodSymbol enclosingMethod(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  private static boolean concurrent(Kind kind) {
    return kind == Kind.WORKER || kind == Kind.COMMON_POOL || kind.forbidsBlocking();
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    Region saved = region;
    if (region != null) {
      region = functionalRegion(tree, null);
    }
    super.visitLambdaExpression(tree, null);
    region = saved;
    return null;
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void unused) {
    if (region == null || tree.getClassBody() == null) {
      recordWait(tree);
      return super.visitNewClass(tree, null);
    }
    scan(tree.getEnclosingExpression(), null);
    scan(tree.getArguments(), null);
    Region saved = region;
    ClassSymbol anonymous = ASTHelpers.getSymbol(tree.getClassBody());
    region = functionalRegion(tree, anonymous);
    scan(tree.getClassBody(), null);
    region = saved;
    return null;
  }

  /**
   * The region a lambda, method reference or anonymous class at the current path runs in: the
   * current one when it runs on the caller's thread, a new task when it is handed to a thread,
   * null (unknown, not recorded) otherwise.
   */
  private @Nullable Region functionalRegion(Tree tree, @Nullable ClassSymbol ownClass) {
    ThreadContext context = contexts.contextOfFunctional(getCurrentPath(), state);
    if (context.kind() == Kind.CALLER) {
      return region;
    }
    if (!concurrent(context.kind())) {
      return null;
    }
    Tree origin = context.origin();
    TreePath originPath = origin == null ? null : pathTo(origin);
    int startEnd = originPath == null ? -1 : startOf(originPath);
    if (continuesAFuture(context)) {
      return null;
    }
    if (context.kind().forbidsBlocking()) {
      // An event-loop or UI callback is usually registered from that thread, or runs in place
      // (a Reactor operator subscribed right here): it races with worker tasks, not with the
      // code that registers it.
      startEnd = -1;
    }
    // Event-loop and UI callbacks handed over in a loop still run one at a time, on one thread.
    Tree loop =
        originPath == null || context.kind().forbidsBlocking() ? null : loopAround(originPath);
    String repeated = null;
    if (context.kind() == Kind.COMMON_POOL && originPath != null && isStreamCall(origin)) {
      repeated = "a parallel stream runs it on several threads at once";
      startEnd = -1; // the terminal operation waits for every run: nothing after it overlaps
      loop = null;
    } else if (loop != null) {
      repeated = "it is handed over in a loop (line " + line(loop) + ")";
    }
    Executor executor = executorOf(origin, context.kind(), enclosingClass());
    ConcurrentTask task =
        new ConcurrentTask(
            tree, context.kind(), context.reason(), line(tree), region, startEnd, repeated, loop, executor.variable(), executor.serial(), ownClass, null,
            originPath == null ? List.of() : otherBranches(originPath));
    tasks.add(task);
    return new Region(task, tree);
  }

  /**
   * The executor a task is handed to by {@code origin}, the call that hands it over, in code of
   * the class {@code handingClass} (null when not known: then {@code this.execute(...)} is not
   * recognized).
   *
   * @param variable the variable (or the class, for {@code this.execute(...)}) that holds the
   *     executor, or null when not known
   * @param serial whether that executor runs its tasks one at a time
   */
  private record Executor(@Nullable Symbol variable, boolean serial) {}

  /**
   * The serial queue handed over with a task ({@code executeBlocking(task, queue)}, a {@code
   * serial-queue-type}): it orders the blocking tasks handed over with it, not the callbacks that
   * run on the event loop once each is done. Null when there is none.
   */
  private @Nullable Executor serialQueueOf(@Nullable Tree origin, Kind kind) {
    if (origin instanceof MethodInvocationTree call && !kind.forbidsBlocking()) {
      for (ExpressionTree argument : call.getArguments()) {
        if (ASTHelpers.getSymbol(argument) instanceof VarSymbol queue
            && safety.isSerialQueueType(queue.type, state)) {
          return new Executor(queue, true);
        }
      }
    }
    return null;
  }

  private Executor executorOf(@Nullable Tree origin, Kind kind, @Nullable ClassSymbol handingClass) {
    Executor queue = serialQueueOf(origin, kind);
    if (queue != null) {
      return queue;
    }
    Symbol executor = null;
    boolean serial = false;
    if (origin instanceof MethodInvocationTree call) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      Type receiverType = ASTHelpers.getReceiverType(call);
      Symbol symbol = receiver == null || isThis(receiver) ? null : ASTHelpers.getSymbol(receiver);
      if (symbol instanceof VarSymbol var) {
        executor = var;
        List<ExpressionTree> assigned = values.getOrDefault(var, List.of());
        serial = !assigned.isEmpty() && assigned.stream().allMatch(v -> safety.isSerialExecutorFactory(v, state));
      } else if ((receiver == null || isThis(receiver)) && !ASTHelpers.getSymbol(call).isStatic()) {
        executor = handingClass; // this.execute(...): the object itself
        receiverType = executor == null ? null : executor.type;
      }
      serial |= executor != null && safety.isSerialExecutorType(receiverType, state);
    }
    if (handingClass != null && safety.isSerialExecutorType(handingClass.type, state)) {
      // An executor that is one thread (a Netty EventExecutor) starts its own thread and hands
      // tasks to itself: all of them run on that one thread.
      executor = handingClass;
      serial = true;
    }
    return new Executor(executor, serial);
  }

  /**
   * Whether the context is a continuation of a future (Vert.x `future.map(...)`, `onComplete`):
   * it runs once the future has completed, after whatever task completed it, so that task's
   * writes happen before it. Which task completes which future is not tracked, so no
   * continuation is a racing task, whether a lambda or a method reference.
   */
  private boolean continuesAFuture(ThreadContext context) {
    return context.kind().forbidsBlocking() && isFutureContinuation(context.origin());
  }

  /** Whether the call registers a callback on a future ({@code async-type ... kind=future}). */
  private boolean isFutureContinuation(@Nullable Tree origin) {
    if (!(origin instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || method.isStatic()) {
      return false;
    }
    AsyncType type = async.asyncType(ASTHelpers.getReceiverType(call), state);
    return type != null && type.kind() == AsyncKind.FUTURE;
  }

  /** The innermost named class around the current path. */
  private @Nullable ClassSymbol enclosingClass() {
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree cls
          && ASTHelpers.getSymbol(cls) != null
          && !ASTHelpers.getSymbol(cls).isAnonymous()) {
        return ASTHelpers.getSymbol(cls);
      }
    }
    return null;
  }

  private boolean isStreamCall(Tree origin) {
    Type receiver = origin instanceof MethodInvocationTree call ? ASTHelpers.getReceiverType(call) : null;
    Type base = state.getTypeFromString("java.util.stream.BaseStream");
    return receiver != null && base != null && state.getTypes().isSubtype(state.getTypes().erasure(receiver), state.getTypes().erasure(base));
  }

  private @Nullable TreePath pathTo(Tree origin) {
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() == origin) {
        return p;
      }
    }
    return null;
  }

  /**
   * The end of the call that starts the task: the origin itself, or for a thread built with
   * {@code new Thread(task)}, the {@code start()} called on it ({@code new Thread(r).start()}, or
   * {@code t.start()} on the local it is stored in, later in the same block).
   */
  private int startOf(TreePath originPath) {
    Tree origin = originPath.getLeaf();
    Type type = ASTHelpers.getType(origin);
    boolean thread =
        origin instanceof NewClassTree
                && type != null
                && ASTHelpers.isSubtype(type, state.getTypeFromString("java.lang.Thread"), state)
            || (origin instanceof MethodInvocationTree call
                && ASTHelpers.getSymbol(call) != null
                && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("unstarted"));
    if (!thread) {
      return end(origin);
    }
    TreePath parent = originPath.getParentPath();
    if (parent.getLeaf() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("start")
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree started) {
      return end(started);
    }
    if (parent.getLeaf() instanceof VariableTree variable) {
      Symbol local = ASTHelpers.getSymbol(variable);
      Tree block = parent.getParentPath().getLeaf();
      int[] found = {-1};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (found[0] < 0
              && call.getMethodSelect() instanceof MemberSelectTree select
              && select.getIdentifier().contentEquals("start")
              && ASTHelpers.getSymbol(select.getExpression()) == local) {
            found[0] = end(call);
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(block, null);
      return found[0];
    }
    return -1; // stored elsewhere and started who knows when
  }

  /** The branches of the {@code if}s around the origin that the origin is not in. */
  private List<int[]> otherBranches(TreePath originPath) {
    List<int[]> ranges = new ArrayList<>();
    Tree stop = region == null ? null : region.root();
    Tree child = originPath.getLeaf();
    for (TreePath p = originPath.getParentPath(); p != null && p.getLeaf() != stop; p = p.getParentPath()) {
      if (p.getLeaf() instanceof com.sun.source.tree.IfTree branch) {
        Tree other =
            child == branch.getThenStatement()
                ? branch.getElseStatement()
                : child == branch.getElseStatement() ? branch.getThenStatement() : null;
        if (other != null) {
          ranges.add(new int[] {((JCTree) other).getStartPosition(), end(other)});
        }
      }
      child = p.getLeaf();
    }
    return ranges;
  }

  /** The loop (statement, or lambda of forEach/a stream) between the origin and its region. */
  private @Nullable Tree loopAround(TreePath originPath) {
    Tree stop = region == null ? null : region.root();
    for (TreePath p = originPath.getParentPath(); p != null && p.getLeaf() != stop; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ForLoopTree
          || leaf instanceof EnhancedForLoopTree
          || leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree) {
        return leaf;
      }
      if (leaf instanceof LambdaExpressionTree
          && p.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && iterates(call)) {
        return leaf;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  private boolean iterates(MethodInvocationTree call) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    String name = method.getSimpleName().toString();
    return name.startsWith("forEach")
        || (isStreamCall(call) && (name.equals("map") || name.equals("peek") || name.equals("filter") || name.startsWith("flatMap")));
  }

  // --- Accesses ---------------------------------------------------------------------------------

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    VarSymbol sym = ASTHelpers.getSymbol(tree);
    if (sym != null) {
      declarations.put(sym, ((JCTree) tree).getStartPosition());
      if (region != null && sym.getKind() != ElementKind.FIELD) {
        declaredIn.put(sym, region);
      }
    }
    return super.visitVariable(tree, null);
  }

  @Override
  public Void visitAssignment(AssignmentTree tree, Void unused) {
    Target target = target(tree.getVariable());
    if (target != null) {
      record(target, AccessKind.WRITE, tree);
      scanIndexes(tree.getVariable());
      scan(tree.getExpression(), null);
      return null;
    }
    return super.visitAssignment(tree, null);
  }

  @Override
  public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
    Target target = target(tree.getVariable());
    if (target != null) {
      record(target, AccessKind.COMPOUND, tree);
      scanIndexes(tree.getVariable());
      scan(tree.getExpression(), null);
      return null;
    }
    return super.visitCompoundAssignment(tree, null);
  }

  @Override
  public Void visitUnary(UnaryTree tree, Void unused) {
    Tree.Kind k = tree.getKind();
    boolean step =
        k == Tree.Kind.POSTFIX_INCREMENT
            || k == Tree.Kind.POSTFIX_DECREMENT
            || k == Tree.Kind.PREFIX_INCREMENT
            || k == Tree.Kind.PREFIX_DECREMENT;
    Target target = step ? target(tree.getExpression()) : null;
    if (target != null) {
      record(target, AccessKind.COMPOUND, tree);
      scanIndexes(tree.getExpression());
      return null;
    }
    return super.visitUnary(tree, null);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    recordWait(tree);
    recordCall(tree);
    ExpressionTree receiver = ASTHelpers.getReceiver(tree);
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    Target target = receiver == null || method == null ? null : target(receiver);
    if (target != null
        && !target.element()
        && safety.isMutator(method, ASTHelpers.getReceiverType(tree), state)) {
      record(target, AccessKind.MUTATION, tree);
      scan(tree.getArguments(), null);
      return null;
    }
    return super.visitMethodInvocation(tree, null);
  }

  @Override
  public Void visitIdentifier(IdentifierTree tree, Void unused) {
    Target target = target(tree);
    if (target != null) {
      record(target, AccessKind.READ, tree);
    }
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
    Target target = target(tree);
    if (target != null) {
      record(target, AccessKind.READ, tree);
      return null;
    }
    return super.visitMemberSelect(tree, null);
  }

  @Override
  public Void visitArrayAccess(ArrayAccessTree tree, Void unused) {
    Target target = target(tree);
    if (target != null) {
      record(target, AccessKind.READ, tree);
      scan(tree.getIndex(), null);
      return null;
    }
    return super.visitArrayAccess(tree, null);
  }

  private void scanIndexes(ExpressionTree lhs) {
    Tree t = ThreadSafety.strip(lhs);
    while (t instanceof ArrayAccessTree access) {
      scan(access.getIndex(), null);
      t = ThreadSafety.strip(access.getExpression());
    }
  }

  private void recordCall(MethodInvocationTree call) {
    MethodSymbol callee = ASTHelpers.getSymbol(call);
    if (callee == null
        || callee.isAbstract()
        || callee.enclClass() == null
        || !declaredHere(callee.enclClass())) {
      return;
    }
    if (!callee.isStatic() && isFresh(ThreadSafety.strip(ASTHelpers.getReceiver(call)))) {
      // new Builder().endpoint(url), or a cursor a local holds: the callee's object is this
      // run's own; what the callee does to it is not shared with other runs (aws-sdk-core's
      // request builders, the cassandra driver's type parsers).
      return;
    }
    if (region != null && LockSet.heldAt(call, state).isEmpty()) {
      calls.add(Map.entry(region, callee));
    }
  }

  /**
   * The tasks each method of this unit runs in through calls with no lock held: breadth-first
   * from the tasks' bodies, at most two tasks per method, so each call is followed at most twice.
   */
  Map<MethodSymbol, List<ConcurrentTask>> propagate() {
    Map<MethodSymbol, List<Map.Entry<Region, MethodSymbol>>> byCaller = new HashMap<>();
    Map<MethodSymbol, List<ConcurrentTask>> result = new HashMap<>();
    java.util.ArrayDeque<MethodSymbol> queue = new java.util.ArrayDeque<>();
    for (Map.Entry<Region, MethodSymbol> call : calls) {
      ConcurrentTask task = call.getKey().task();
      if (task != null) {
        if (addTask(result, call.getValue(), task)) {
          queue.add(call.getValue());
        }
      } else if (call.getKey().root() instanceof MethodTree caller && ASTHelpers.getSymbol(caller) != null) {
        byCaller.computeIfAbsent(ASTHelpers.getSymbol(caller), c -> new ArrayList<>()).add(call);
      }
    }
    while (!queue.isEmpty()) {
      MethodSymbol caller = queue.poll();
      for (Map.Entry<Region, MethodSymbol> call : byCaller.getOrDefault(caller, List.of())) {
        boolean changed = false;
        for (ConcurrentTask task : List.copyOf(result.get(caller))) {
          changed |= addTask(result, call.getValue(), task);
        }
        if (changed) {
          queue.add(call.getValue());
        }
      }
    }
    return result;
  }

  private boolean addTask(Map<MethodSymbol, List<ConcurrentTask>> result, MethodSymbol method, ConcurrentTask task) {
    if (methodTasks.containsKey(method)) {
      return false; // a task of its own
    }
    List<ConcurrentTask> tasks = result.computeIfAbsent(method, m -> new ArrayList<>(2));
    if (tasks.size() >= 2 || tasks.stream().anyMatch(t -> t == task)) {
      return false;
    }
    tasks.add(task);
    return true;
  }

  /**
   * Notes a call of the current region. Whether it blocks (a wait in the code that submits a
   * task) matters only in regions that submit tasks, so it is looked up only there, by {@link
   * SharedAccesses#runsAlongside}.
   */
  private void recordWait(Tree call) {
    if (region == null) {
      return;
    }
    if (region != lastCallRegion) {
      lastCalls = callsIn.computeIfAbsent(region, r -> new ArrayList<>());
      lastCallRegion = region;
    }
    lastCalls.add(call);
  }

  /** The variable an expression touches, if it is shared state this analysis follows. */
  private record Target(VarSymbol variable, boolean element, @Nullable Object index) {}

  private @Nullable Target target(ExpressionTree expression) {
    Tree t = ThreadSafety.strip(expression);
    boolean element = false;
    Object index = null;
    if (t instanceof ArrayAccessTree access) {
      element = true;
      index = ASTHelpers.constValue(access.getIndex());
      t = ThreadSafety.strip(access.getExpression());
      if (t instanceof ArrayAccessTree) {
        return null; // grid[i][j]: the inner arrays may be anything
      }
    }
    Symbol sym = ASTHelpers.getSymbol(t);
    if (!(sym instanceof VarSymbol var)) {
      return null;
    }
    if (var.getKind() == ElementKind.FIELD) {
      if (var.isEnum() || (var.flags() & Flags.ENUM) != 0) {
        return null;
      }
      if (!var.isStatic() && t instanceof MemberSelectTree select && !isThis(select.getExpression())) {
        return null; // other.count: whose object, and who else holds it, is unknown
      }
      return new Target(var, element, index);
    }
    if (var.getKind() == ElementKind.LOCAL_VARIABLE || var.getKind() == ElementKind.PARAMETER) {
      return new Target(var, element, index);
    }
    return null;
  }

  private static boolean isThis(ExpressionTree receiver) {
    Tree t = ThreadSafety.strip(receiver);
    return SelfReferences.isThis(t);
  }

  private void record(Target target, AccessKind kind, Tree tree) {
    if (region == null) {
      return;
    }
    VarSymbol var = target.variable();
    ConcurrentTask task = region.task();
    if (task != null
        && task.ownClass() != null
        && !var.isStatic()
        && var.getKind() == ElementKind.FIELD
        && task.ownClass().isSubClass(var.owner, state.getTypes())) {
      return; // the task's own instance field: confined to the task object
    }
    TreePath path = new TreePath(getCurrentPath(), tree);
    if (getCurrentPath().getLeaf() == tree) {
      path = getCurrentPath();
    }
    Access access =
        new Access(var, kind, tree, path, region, target.element(), target.index(), ((JCTree) tree).getStartPosition(), line(tree));
    byVariable.computeIfAbsent(var, v -> new ArrayList<>()).add(access);
    byTree.put(tree, access);
  }

  private int line(Tree tree) {
    return (int) unit.getLineMap().getLineNumber(((JCTree) tree).getStartPosition());
  }

  private int end(Tree tree) {
    return state.getEndPosition(tree);
  }
}
