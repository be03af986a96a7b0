package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadContext.Remedy;
import dev.threadlint.model.ThreadModel.AnnotationTarget;
import dev.threadlint.model.ThreadModel.CallbackRule;
import dev.threadlint.model.ThreadModel.OverrideRule;
import dev.threadlint.model.ThreadModel.ReactiveType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where code runs: for a method body, lambda, method reference or anonymous class, the thread
 * context the model infers, with the reason. Unknown means unknown: checks stay silent.
 */
public final class ContextResolver {
  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final ReactiveChains chains;
  private final CallbackRules callbackRules;
  private final ContextPhrases phrases;
  private final AnnotationContexts annotations;
  private final ParallelStreams parallelStreams;
  private final RulesByName<OverrideRule> overrideRules;

  public ContextResolver(ThreadModel model, ApiMatcher matcher, BlockingApis blocking) {
    this.model = model;
    this.matcher = matcher;
    this.chains = new ReactiveChains(model, matcher, blocking, this);
    this.callbackRules = new CallbackRules(model, matcher);
    this.phrases = new ContextPhrases(model);
    this.annotations = new AnnotationContexts(model, matcher, phrases);
    this.parallelStreams = new ParallelStreams(model, matcher);
    this.overrideRules = new RulesByName<>(model.overrideRules(), OverrideRule::member);
  }

  /**
   * Whether the lambda, method reference or anonymous class at {@code path} runs before the call
   * it is passed to returns, so it is part of the work of the code around it: on the caller's
   * thread ({@code forEach}), or on the common pool while a parallel stream's terminal operation
   * waits for it.
   */
  public boolean runsBeforeCallReturns(TreePath path, VisitorState state) {
    ThreadContext context = contextOfFunctional(path, state);
    return context.kind() == Kind.CALLER
        || (context.kind() == Kind.COMMON_POOL
            && context.origin() instanceof MethodInvocationTree call
            && parallelStreams.waitsForArguments(call, state));
  }

  /**
   * The context of the code at {@code path}: found at the nearest enclosing lambda, method
   * reference (when it is the leaf), method or class, looking through code that runs on its
   * caller's thread (a lambda passed to {@code forEach}, say).
   */
  public ThreadContext contextOf(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree
          || (leaf instanceof MemberReferenceTree && p == path)) {
        ThreadContext context = contextOfFunctional(p, state);
        if (context.kind() != Kind.CALLER) {
          return context;
        }
      } else if (leaf instanceof MethodTree) {
        ThreadContext context = contextOfMethod(p, state);
        if (context.kind() != Kind.CALLER) {
          return context;
        }
        p = p.getParentPath().getParentPath(); // the anonymous class's `new`: go on from there
      } else if (leaf instanceof ClassTree) {
        return ThreadContext.unknown(); // field and instance initialisers
      }
    }
    return ThreadContext.unknown();
  }

  /**
   * The context of the thread that waits for the code at {@code path} while it runs elsewhere:
   * for code in a lambda of a parallel stream, the code around the stream's terminal operation
   * (whose thread waits, and runs some of the elements itself), with a reason that says so. Null
   * when the code at {@code path} is not awaited that way.
   */
  public @Nullable ThreadContext contextOfWaitingThread(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree || (leaf instanceof MemberReferenceTree && p == path)) {
        ThreadContext own = contextOfFunctional(p, state);
        if (own.kind() == Kind.CALLER) {
          continue;
        }
        if (!runsBeforeCallReturns(p, state)) {
          return null;
        }
        ThreadContext waiting = contextOf(p.getParentPath(), state);
        return new ThreadContext(
            waiting.kind(),
            own.reason() + ", while the thread that runs the stream takes part and waits for it: "
                + waiting.reason(),
            waiting.framework(),
            waiting.origin(),
            waiting.remedy());
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /**
   * The context of a lambda, method reference or anonymous class at {@code path}, from what it is
   * passed to or what it implements. May be {@link Kind#CALLER}.
   */
  public ThreadContext contextOfFunctional(TreePath path, VisitorState state) {
    Map<Tree, ThreadContext> known = memo(path, state);
    ThreadContext context = known.get(path.getLeaf());
    if (context == null) {
      context = computeContextOfFunctional(path, state);
      rememberUnlessCollecting(path.getLeaf(), context);
    }
    return context;
  }

  /**
   * Whether any code of the unit {@code path} is in may run in a context of that kind: false
   * means that {@link #contextOf} and {@link #contextOfWaitingThread} answer another kind for
   * every path of the unit, so a check that reports one kind can skip the unit's nodes without
   * looking at them. Most units have no event-loop, UI or common-pool code at all.
   */
  public boolean unitMayRunIn(Kind kind, TreePath path, VisitorState state) {
    memo(path, state);
    return kindsInUnit.contains(kind);
  }

  // Every check asks for the contexts of the same methods and lambdas: they are computed once per
  // compilation unit (a tree belongs to one unit, and its path is the same every time).
  private @Nullable CompilationUnitTree memoUnit;
  private Map<Tree, ThreadContext> memo = new IdentityHashMap<>();
  /** The kinds of the contexts in {@link #memo}: every context of the unit is one of them. */
  private final Set<Kind> kindsInUnit = EnumSet.noneOf(Kind.class);

  private Map<Tree, ThreadContext> memo(TreePath path, VisitorState state) {
    CompilationUnitTree unit = path.getCompilationUnit();
    if (unit != memoUnit) {
      // Only for a unit no check entered (a check without a unit matcher, a test): the checks
      // enter each unit first, so on this path, which every check takes on every node, the
      // branch is never taken and the JIT compiler leaves the computation out of it.
      enterUnit(unit, state);
    }
    return memo;
  }

  /**
   * Computes the contexts of the unit, unless they are those of the unit already computed. The
   * checks call it from their unit matchers, before any node of the unit.
   */
  public void enterUnit(CompilationUnitTree unit, VisitorState state) {
    if (unit != memoUnit) {
      memo = new IdentityHashMap<>(); // clear() would fill the table the largest unit grew
      kindsInUnit.clear();
      memoUnit = unit;
      computeUnit(unit, state);
    }
  }

  private void remember(Tree tree, ThreadContext context) {
    memo.put(tree, context);
    kindsInUnit.add(context.kind());
  }

  /**
   * Remembers a context asked for from outside {@link #computeUnit}'s loops, unless it was
   * computed while the unit's handed instances were being collected: it may then lack them, and
   * is computed again, with them, afterwards.
   */
  private void rememberUnlessCollecting(Tree tree, ThreadContext context) {
    if (!collectingHanded) {
      remember(tree, context);
    }
  }

  /**
   * Computes the contexts of all the methods, lambdas, method references and anonymous classes of
   * the unit when it is first asked about. The checks ask about most of them anyway (the
   * shared-access prescan about every method of a unit without tasks). Done here, the lookups
   * that checks make on every call never miss: the JIT compiler inlines a lookup into each check's
   * matcher, and while the computation sat behind a branch that was taken, it inlined that too
   * (about a second of C2 time for each of the blocking checks' matchers on vertx-core).
   */
  private void computeUnit(CompilationUnitTree unit, VisitorState state) {
    Map<Tree, ThreadContext> known = memo;
    List<TreePath> methods = new ArrayList<>();
    List<TreePath> functionals = new ArrayList<>();
    List<TreePath> created = new ArrayList<>();
    new LazyPathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        methods.add(getCurrentPath());
        return super.visitMethod(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        functionals.add(getCurrentPath());
        return super.visitLambdaExpression(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        functionals.add(getCurrentPath());
        return super.visitMemberReference(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        (tree.getClassBody() != null ? functionals : created).add(getCurrentPath());
        return super.visitNewClass(tree, null);
      }
    }.scan(unit, null);
    // The handed instances first: the contexts of methods and of the code inside them depend on
    // them (a lambda in a chain that a method returns, for one).
    handedInstances = handedInstancesOf(created, unit, state);
    handedUnit = unit;
    for (TreePath functional : functionals) {
      if (!known.containsKey(functional.getLeaf())) {
        remember(functional.getLeaf(), computeContextOfFunctional(functional, state));
      }
    }
    for (TreePath method : methods) {
      if (!known.containsKey(method.getLeaf())) {
        remember(method.getLeaf(), computeContextOfMethod(method, state));
      }
    }
  }

  private ThreadContext computeContextOfFunctional(TreePath path, VisitorState state) {
    Tree leaf = path.getLeaf();
    String what =
        leaf instanceof LambdaExpressionTree
            ? "this lambda"
            : leaf instanceof MemberReferenceTree
                ? "this method reference"
                : "this anonymous class";
    TreePath argPath = unwrapped(path);
    TreePath parent = argPath.getParentPath();
    if (parent != null) {
      ThreadContext passed = contextAsArgument(argPath.getLeaf(), parent, what, state);
      if (passed != null) {
        return passed;
      }
    }
    if (!(leaf instanceof NewClassTree)) {
      Type type = ASTHelpers.getType(leaf);
      if (type != null && type.tsym != null) {
        MethodSymbol descriptor = BlockingApis.descriptorOf(type, state);
        if (descriptor != null) {
          ThreadContext implemented = contextOfOverride(descriptor, () -> what + " implements", state);
          if (implemented != null) {
            return implemented;
          }
        }
      }
    }
    return ThreadContext.unknown();
  }

  /** The context of a method body, from its annotations, what it overrides, or its class. */
  public ThreadContext contextOfMethod(TreePath methodPath, VisitorState state) {
    Map<Tree, ThreadContext> known = memo(methodPath, state);
    ThreadContext context = known.get(methodPath.getLeaf());
    if (context == null) {
      context = computeContextOfMethod(methodPath, state);
      rememberUnlessCollecting(methodPath.getLeaf(), context);
    }
    return context;
  }

  private ThreadContext computeContextOfMethod(TreePath methodPath, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol((MethodTree) methodPath.getLeaf());
    if (method == null) {
      return ThreadContext.unknown();
    }
    ThreadContext annotated = annotations.contextOf(method, AnnotationTarget.METHOD, state);
    if (annotated != null) {
      return annotated;
    }
    annotated = annotations.contextOf(method, AnnotationTarget.CLASS, state);
    ThreadContext overriding =
        contextOfOverride(method, () -> "`" + method.getSimpleName() + "` overrides", state);
    // A class annotated as allowed to block (a worker verticle, a handler on an executor group)
    // overrides what the framework usually does; a non-blocking class annotation does not.
    if (overriding != null && (annotated == null || annotated.kind().forbidsBlocking())) {
      return overriding;
    }
    if (annotated != null) {
      return annotated;
    }
    ClassSymbol owner = method.enclClass();
    TreePath classPath = methodPath.getParentPath();
    if (owner != null
        && owner.isAnonymous()
        && classPath != null
        && classPath.getParentPath() != null
        && classPath.getParentPath().getLeaf() instanceof NewClassTree) {
      return contextOfFunctional(classPath.getParentPath(), state);
    }
    if (owner != null && !owner.isAnonymous()) {
      ThreadContext handed = contextOfHandedInstances(method, owner, methodPath, state);
      if (handed != null) {
        return handed;
      }
    }
    return ThreadContext.unknown();
  }

  /**
   * Where instances of a class of this unit are handed: the context (null where the places
   * disagree), the parameter type, and whether they all hand them to one executor: there is one
   * such place, or all of them call the same variable ({@code syncContext.execute(new
   * Removal())} in three places).
   */
  private record HandedInstance(
      @Nullable ThreadContext context, Type parameterType, @Nullable Symbol receiver, boolean oneExecutor) {}

  private @Nullable CompilationUnitTree handedUnit;
  private Map<ClassSymbol, HandedInstance> handedInstances = Map.of();
  /** While {@link #handedInstancesOf} runs: the contexts asked for meanwhile are not final. */
  private boolean collectingHanded;

  /**
   * The context of a method of a named class whose instances this unit hands, with {@code new},
   * straight to a callback API ({@code route.handler(new StockHandler())}), when the method
   * implements the parameter's type. A class handed to places that disagree is unknown.
   */
  private @Nullable ThreadContext contextOfHandedInstances(
      MethodSymbol method, ClassSymbol owner, TreePath methodPath, VisitorState state) {
    if (collectingHanded || methodPath.getCompilationUnit() != handedUnit) {
      // Asked while the unit's handed instances are being collected (a method returning the
      // chain a `new` is handed to): not known yet. Collecting again here would ask again.
      // (computeUnit collects them before any other question about the unit.)
      return null;
    }
    HandedInstance handed = handedInstances.get(owner);
    if (handed == null || handed.context() == null) {
      return null;
    }
    Types types = state.getTypes();
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, types)) {
      Symbol declaring = overridden.owner;
      if (declaring != state.getSymtab().objectType.tsym
          && types.isSubtype(types.erasure(handed.parameterType()), types.erasure(declaring.type))) {
        return handed.context();
      }
    }
    return null;
  }

  /**
   * Whether the unit hands instances of {@code owner} to one executor: in one place, or in
   * several that all call the same variable, so that the origin of its methods' handed context
   * names the executor that runs them all. Asked for methods whose context {@link
   * #contextOfMethod} has computed.
   */
  public boolean handedToOneExecutor(ClassSymbol owner) {
    HandedInstance handed = handedInstances.get(owner);
    return handed != null && handed.oneExecutor();
  }

  /** Where the {@code new}s at {@code created} (of classes with no body) hand instances. */
  private Map<ClassSymbol, HandedInstance> handedInstancesOf(
      List<TreePath> created, CompilationUnitTree unit, VisitorState state) {
    Map<ClassSymbol, HandedInstance> found = new HashMap<>();
    collectingHanded = true;
    try {
      for (TreePath path : created) {
        noteHandedInstance(path, unit, found, state);
      }
    } finally {
      collectingHanded = false;
    }
    return found;
  }

  /**
   * Records the {@code new} at {@code path} (of a class with no body) in {@code found} when it
   * creates an instance of a class of this unit and hands it straight to a callback API.
   */
  private void noteHandedInstance(
      TreePath path, CompilationUnitTree unit, Map<ClassSymbol, HandedInstance> found, VisitorState state) {
    Type type = ASTHelpers.getType(path.getLeaf());
    if (!(type != null && type.tsym instanceof ClassSymbol created && SourceUnits.declaredIn(created, unit))) {
      return;
    }
    TreePath argPath = unwrapped(path);
    TreePath parent = argPath.getParentPath();
    if (parent == null) {
      return;
    }
    MethodSymbol sink =
        parent.getLeaf() instanceof MethodInvocationTree call
            ? ASTHelpers.getSymbol(call)
            : parent.getLeaf() instanceof NewClassTree newClass ? ASTHelpers.getSymbol(newClass) : null;
    String what = "an instance of `" + created.getSimpleName() + "`";
    ThreadContext context = contextAsArgument(argPath.getLeaf(), parent, what, state);
    if (sink == null || sink.getParameters().isEmpty() || context == null) {
      return;
    }
    int index =
        indexOf(
            parent.getLeaf() instanceof MethodInvocationTree call
                ? call.getArguments()
                : ((NewClassTree) parent.getLeaf()).getArguments(),
            argPath.getLeaf());
    Type parameterType =
        sink.getParameters().get(Math.min(index, sink.getParameters().size() - 1)).type;
    Symbol receiver = null;
    if (parent.getLeaf() instanceof MethodInvocationTree call && ASTHelpers.getReceiver(call) != null) {
      Symbol symbol = ASTHelpers.getSymbol(ASTHelpers.getReceiver(call));
      receiver = symbol instanceof VarSymbol ? symbol : null;
    }
    HandedInstance previous = found.get(created);
    if (previous == null) {
      found.put(created, new HandedInstance(context, parameterType, receiver, true));
    } else {
      boolean agree = previous.context() != null && previous.context().kind() == context.kind();
      boolean sameExecutor = previous.oneExecutor() && receiver != null && receiver == previous.receiver();
      found.put(
          created,
          new HandedInstance(agree ? previous.context() : null, parameterType, receiver, agree && sameExecutor));
    }
  }

  private @Nullable ThreadContext contextAsArgument(
      Tree argument, TreePath parent, String what, VisitorState state) {
    Tree call = parent.getLeaf();
    List<? extends ExpressionTree> arguments;
    MethodSymbol method;
    Type receiver;
    if (call instanceof MethodInvocationTree invocation) {
      arguments = invocation.getArguments();
      method = ASTHelpers.getSymbol(invocation);
      receiver = ASTHelpers.getReceiverType(invocation);
    } else if (call instanceof NewClassTree newClass) {
      arguments = newClass.getArguments();
      method = ASTHelpers.getSymbol(newClass);
      receiver = null;
    } else {
      return null;
    }
    int index = indexOf(arguments, argument);
    if (index < 0 || method == null) {
      return null;
    }
    if (call instanceof MethodInvocationTree invocation) {
      ReactiveType reactive = reactiveTypeOf(method, receiver, state);
      if (reactive != null) {
        return chains.contextOfArgument(invocation, parent, method, reactive, what, state);
      }
      ThreadContext parallel =
          parallelStreams.contextOfArgument(invocation, parent, method, what, state);
      if (parallel != null) {
        return parallel;
      }
    }
    CallbackRule rule = callbackRules.select(method, receiver, index, arguments.size(), state);
    if (rule == null) {
      return null;
    }
    if (rule.kind() == Kind.CALLER) {
      return ThreadContext.caller();
    }
    // Name the method on the type it is called on (`ctx.executor().execute` is EventExecutor's
    // execute, though Executor declares it).
    String type =
        receiver != null && !method.isStatic() && receiver.tsym != null
            ? state.getTypes().erasure(receiver).tsym.getQualifiedName().toString()
            : ApiMatcher.ownerName(method);
    String target = "`" + type + "#" + method.getSimpleName() + "`";
    String reason = what + " is passed to " + target + ", " + phrases.runsOn(rule.kind(), rule.framework());
    Remedy remedy = rule.renameTo() == null ? null : new Remedy(rule.renameTo(), null, null);
    return new ThreadContext(rule.kind(), reason, rule.framework(), call, remedy);
  }

  /** The reactive type the call is an operator or factory of, or null. */
  @Nullable ReactiveType reactiveTypeOf(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    return reactiveType(method.isStatic() || receiver == null ? method.owner.type : receiver, state);
  }

  /**
   * The reactive type of the model that {@code type} is (or extends), or null. Asked about the
   * type of most calls (a dropped publisher, an operator's argument): remembered per class, as
   * it depends only on the erased type's supertypes.
   */
  public @Nullable ReactiveType reactiveType(@Nullable Type type, VisitorState state) {
    if (type == null) {
      return null;
    }
    Symbol erased = state.getTypes().erasure(type).tsym;
    Optional<ReactiveType> known = reactiveTypes.get(erased);
    if (known == null) {
      ReactiveType found = null;
      for (ReactiveType candidate : model.reactiveTypes()) {
        if (matcher.isSubtype(type, candidate.type(), state)) {
          found = candidate;
          break;
        }
      }
      known = Optional.ofNullable(found);
      reactiveTypes.put(erased, known);
    }
    return known.orElse(null);
  }

  /** The reactive types of classes (per compilation: symbols are). */
  private final Map<Symbol, Optional<ReactiveType>> reactiveTypes = new IdentityHashMap<>();

  /** {@code subject} is built only for a match: most methods match no rule. */
  private @Nullable ThreadContext contextOfOverride(
      MethodSymbol method, Supplier<String> subject, VisitorState state) {
    List<OverrideRule> candidates = overrideRules.candidates(method.getSimpleName());
    if (candidates.isEmpty() || !anyDeclaredAbove(candidates, method.owner, state)) {
      return null;
    }
    return contextOfDeclarer(method, candidates, subject, state);
  }

  /**
   * The context of the first candidate rule declared in a type the method overrides or in its own
   * class. Apart from {@link #contextOfOverride}'s filters, which run for every method, so that the
   * JIT compiles them without this.
   */
  private @Nullable ThreadContext contextOfDeclarer(
      MethodSymbol method, List<OverrideRule> candidates, Supplier<String> subject, VisitorState state) {
    // The methods it overrides, then itself: found once for all candidates (five rules, such as
    // Netty's `ChannelHandler#*`, are candidates for every method of every class).
    List<MethodSymbol> declarers = new ArrayList<>(ASTHelpers.findSuperMethods(method, state.getTypes()));
    declarers.add(method);
    for (OverrideRule rule : candidates) {
      for (MethodSymbol declared : declarers) {
        if (!containsSame(rulesDeclaredIn(declared.owner), rule)) {
          continue;
        }
        return overrideContext(rule, declared, subject);
      }
    }
    return null;
  }

  private ThreadContext overrideContext(OverrideRule rule, MethodSymbol declared, Supplier<String> subject) {
    String target = "`" + ApiMatcher.ownerName(declared) + "#" + declared.getSimpleName() + "`";
    String reason = subject.get() + " " + target + ", which " + phrases.calledOn(rule.kind(), rule.framework());
    return ThreadContext.of(rule.kind(), reason, rule.framework());
  }

  /**
   * Whether a type the owner is or extends declares one of the rules: a rule only applies to a
   * method declared (or overridden) in a type its pattern names, and all of those are among the
   * owner's supertypes. Most classes extend no type any rule names, and this test, per class,
   * saves finding the super methods of each of their methods.
   */
  private boolean anyDeclaredAbove(List<OverrideRule> candidates, Symbol owner, VisitorState state) {
    Set<OverrideRule> above = rulesAbove.get(owner);
    if (above == null) {
      if (!(owner.type instanceof Type.ClassType)) {
        return true; // not a class: let the full search decide
      }
      above = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Type supertype : state.getTypes().closure(owner.type)) {
        above.addAll(rulesDeclaredIn(supertype.tsym));
      }
      rulesAbove.put(owner, above);
    }
    for (OverrideRule rule : candidates) {
      if (above.contains(rule)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the list holds that very rule. Not {@code List.contains}: a rule is a record, and its
   * {@code equals} compares every component (and is linked through {@code ObjectMethods} on first
   * use in each compilation), where the rules of one model are distinct objects.
   */
  private static boolean containsSame(List<OverrideRule> rules, OverrideRule rule) {
    for (OverrideRule candidate : rules) {
      if (candidate == rule) {
        return true;
      }
    }
    return false;
  }

  /** The override rules declared in a class or its supertypes, by class (per compilation). */
  private final Map<Symbol, Set<OverrideRule>> rulesAbove = new IdentityHashMap<>();

  /** The override rules whose type pattern names this type, by type (per compilation). */
  private final Map<Symbol, List<OverrideRule>> overrideRulesByType = new IdentityHashMap<>();

  private List<OverrideRule> rulesDeclaredIn(Symbol type) {
    return overrideRulesByType.computeIfAbsent(
        type,
        t -> {
          String name = t.getQualifiedName().toString();
          List<OverrideRule> found = new ArrayList<>(1);
          for (OverrideRule rule : model.overrideRules()) {
            if (rule.member().typeNameMatches(name)) {
              found.add(rule);
            }
          }
          return found.isEmpty() ? List.of() : found;
        });
  }

  /**
   * The path of the expression at {@code path} as its parent sees it: through the parentheses
   * and casts around it ({@code submit((Runnable) () -> ...)} passes the cast as the argument).
   */
  private static TreePath unwrapped(TreePath path) {
    TreePath argPath = path;
    TreePath parent = path.getParentPath();
    while (parent != null
        && (parent.getLeaf() instanceof ParenthesizedTree
            || parent.getLeaf() instanceof TypeCastTree)) {
      argPath = parent;
      parent = parent.getParentPath();
    }
    return argPath;
  }

  private static int indexOf(List<? extends ExpressionTree> arguments, Tree argument) {
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i) == argument) {
        return i;
      }
    }
    return -1;
  }
}
