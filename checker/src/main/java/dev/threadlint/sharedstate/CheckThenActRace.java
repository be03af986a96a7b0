package dev.threadlint.sharedstate;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.IfTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import dev.threadlint.Catalogue;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.config.InternalErrors;
import dev.threadlint.model.Analysis;
import dev.threadlint.model.Confinement;
import dev.threadlint.model.LockSet;
import dev.threadlint.model.SharedAccesses;
import dev.threadlint.model.SharedAccesses.Access;
import dev.threadlint.model.SharedAccesses.AccessKind;
import dev.threadlint.model.ThreadSafety.Sharing;
import java.util.List;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A check and an act that must be one atomic step but are two: {@code containsKey}/{@code get}
 * then {@code put} on a concurrent map, {@code contains} then {@code add} on a concurrent set,
 * {@code a.set(a.get() + 1)} on an atomic, {@code m.put(k, m.get(k) + 1)} on a concurrent map,
 * and lazy initialisation of a shared field ({@code if (f == null) f = new ...}) in code that runs
 * concurrently. Each call is thread-safe; the sequence is not. Nothing is reported under a lock.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Check-then-act on shared state: another thread can act between the check and the act",
    severity = WARNING,
    linkType = CUSTOM,
    link = Catalogue.BASE_URL + "CheckThenActRace.md",
    tags = BugPattern.StandardTags.FRAGILE_CODE)
public final class CheckThenActRace extends BugChecker
    implements CompilationUnitTreeMatcher, IfTreeMatcher, MethodInvocationTreeMatcher {
  private static final String CONCURRENT_MAP = "java.util.concurrent.ConcurrentMap";
  private static final String MAP = "java.util.Map";
  private static final Supplier<Name> SET_NAME = VisitorState.memoize(state -> state.getName("set"));
  private static final Supplier<Name> LAZY_SET_NAME =
      VisitorState.memoize(state -> state.getName("lazySet"));
  private static final Supplier<Name> PUT_NAME = VisitorState.memoize(state -> state.getName("put"));
  private static final String SET = "java.util.Set";
  private static final List<String> ATOMIC_NUMBERS =
      List.of("java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong");
  private static final String ATOMIC = "java.util.concurrent.atomic";

  private final ConfiguredAnalysis analysis;

  // @Inject: Error Prone takes the first constructor whose parameters are all flags, and the
  // no-arg one below qualifies too; the annotation makes it pick this one.
  @Inject
  public CheckThenActRace(ErrorProneFlags flags) {
    this.analysis = new ConfiguredAnalysis(flags);
  }

  /** For {@link java.util.ServiceLoader}, which needs a no-arg constructor to list the plugin. */
  public CheckThenActRace() {
    this(ErrorProneFlags.empty());
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return analysis.enterUnit(tree, state, canonicalName());
  }

  @Override
  public Description matchIf(IfTree tree, VisitorState state) {
    try {
      return checkIf(tree, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    try {
      return checkReadThenWrite(tree, state);
    } catch (RuntimeException | StackOverflowError e) {
      return InternalErrors.caught(state, canonicalName(), e);
    }
  }

  // --- if (check) act ----------------------------------------------------------------------------

  private Description checkIf(IfTree tree, VisitorState state) {
    Analysis facts = analysis.get(state);
    if (facts == null) {
      return Description.NO_MATCH;
    }
    // Each shape asks whether a lock is held only once the code matches it: most `if`s don't.
    ExpressionTree condition = strip(tree.getCondition());
    boolean negated = false;
    if (condition instanceof UnaryTree not && not.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      negated = true;
      condition = strip(not.getExpression());
    }
    StatementTree first = firstStatement(tree.getThenStatement());
    if (negated && condition instanceof MethodInvocationTree check) {
      Description d = containsThenAdd(tree, check, first, facts, state);
      if (d != Description.NO_MATCH) {
        return d;
      }
      return containsKeyThenPut(tree, check, first, facts, state);
    }
    if (!negated && condition instanceof BinaryTree equals && equals.getKind() == Tree.Kind.EQUAL_TO) {
      ExpressionTree checked = nullComparedOperand(equals);
      if (checked instanceof MethodInvocationTree get && isCall(get, MAP, "get", 1, state)) {
        return checkThenPut(tree, get, first, facts, state);
      }
      if (checked != null) {
        return lazyInit(tree, checked, first, facts, state);
      }
    }
    return Description.NO_MATCH;
  }

  /** {@code if (!set.contains(x)) set.add(x)} on a thread-safe set. */
  private Description containsThenAdd(
      IfTree tree, MethodInvocationTree check, @Nullable StatementTree first, Analysis facts, VisitorState state) {
    if (!isCall(check, SET, "contains", 1, state)
        || underLock(facts, state)
        || !isThreadSafe(ASTHelpers.getReceiver(check), facts, state)
        || !shared(ASTHelpers.getReceiver(check), facts, state)) {
      return Description.NO_MATCH;
    }
    MethodInvocationTree add = callStatement(first);
    if (add == null || !sameCall(check, add, "add", state) || !sameArgument(check, add, 0, state)) {
      return Description.NO_MATCH;
    }
    String set = source(ASTHelpers.getReceiver(check), state);
    String element = source(check.getArguments().get(0), state);
    SuggestedFix.Builder fix = SuggestedFix.builder();
    if (onlyStatement(tree.getThenStatement()) && tree.getElseStatement() == null) {
      fix.replace(tree, set + ".add(" + element + ");");
    } else {
      fix.replace(tree.getCondition(), "(" + set + ".add(" + element + "))");
      deleteLine(first, fix, state);
    }
    return describe(
        tree,
        "`" + set + ".contains(" + element + ")` and `" + set + ".add(" + element + ")` are two steps",
        "another thread can add the same element in between, so the code under the check runs twice",
        "Use the result of `add`, which adds and tells whether the element was new in one atomic step: `if ("
            + set + ".add(" + element + "))`",
        fix.build());
  }

  /** {@code if (!map.containsKey(k)) map.put(k, v)} on a concurrent map. */
  private Description containsKeyThenPut(
      IfTree tree, MethodInvocationTree check, @Nullable StatementTree first, Analysis facts, VisitorState state) {
    return isCall(check, MAP, "containsKey", 1, state)
        ? checkThenPut(tree, check, first, facts, state)
        : Description.NO_MATCH;
  }

  /** {@code if (map.get(k) == null) map.put(k, v)}, or after {@code containsKey}, on a concurrent map. */
  private Description checkThenPut(
      IfTree tree, MethodInvocationTree check, @Nullable StatementTree first, Analysis facts, VisitorState state) {
    if (underLock(facts, state)
        || !isThreadSafe(ASTHelpers.getReceiver(check), facts, state)
        || !shared(ASTHelpers.getReceiver(check), facts, state)) {
      return Description.NO_MATCH;
    }
    MethodInvocationTree put = callStatement(first);
    if (put == null || !sameCall(check, put, "put", state) || !sameArgument(check, put, 0, state)) {
      return Description.NO_MATCH;
    }
    return putIfAbsentFinding(tree, check, put, ASTHelpers.getSymbol(check).getSimpleName().toString(), state);
  }

  private Description putIfAbsentFinding(
      IfTree tree, MethodInvocationTree check, MethodInvocationTree put, String checkName, VisitorState state) {
    String map = source(ASTHelpers.getReceiver(check), state);
    String key = source(check.getArguments().get(0), state);
    ExpressionTree value = put.getArguments().get(1);
    String valueSource = source(value, state);
    boolean construct = strip(value) instanceof NewClassTree created && created.getArguments().isEmpty();
    String atomic;
    SuggestedFix fix = null;
    if (construct) {
      String param = freshName(state);
      atomic = map + ".computeIfAbsent(" + key + ", " + param + " -> " + valueSource + ")";
    } else {
      atomic = map + ".putIfAbsent(" + key + ", " + valueSource + ")";
    }
    if (onlyStatement(tree.getThenStatement()) && tree.getElseStatement() == null) {
      fix = SuggestedFix.replace(tree, atomic + ";");
    }
    return describe(
        tree,
        "`" + map + "." + checkName + "(" + key + ")` and `" + map + ".put(" + key + ", ...)` are two steps",
        "another thread can put a value for the same key in between, and one of the two values is lost",
        "Use `" + atomic + "`, which does both in one atomic step",
        fix);
  }

  /**
   * {@code if (f == null) { f = new ...; }} on a shared field, in code that runs concurrently with
   * itself or other code touching {@code f}, with no lock.
   */
  private Description lazyInit(
      IfTree tree, ExpressionTree checked, @Nullable StatementTree first, Analysis facts, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(checked);
    if (!(symbol instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || SharedRaces.hasAnnotation(field, "LazyInit")
        || !(first instanceof ExpressionStatementTree statement)
        || !(statement.getExpression() instanceof AssignmentTree assignment)
        || ASTHelpers.getSymbol(assignment.getVariable()) != field
        || underLock(facts, state)) {
      return Description.NO_MATCH;
    }
    SharedAccesses accesses = facts.sharedAccesses(state);
    Access check = accesses.accessAt(checked);
    Access act = accesses.accessAt(assignment);
    if (check == null || act == null || accesses.tasksOf(check).isEmpty()) {
      return Description.NO_MATCH;
    }
    String other = null;
    for (Access b : accesses.accessesOf(field)) {
      if (b.kind() != AccessKind.WRITE) {
        continue; // a reader cannot initialise it a second time
      }
      other = accesses.concurrently(act, b, state);
      if (other != null) {
        break;
      }
    }
    if (other == null || Confinement.isDeclared(field, state)) {
      return Description.NO_MATCH;
    }
    return lazyInitRace(tree, field, accesses.describeRun(check), other);
  }

  /** The finding on a lazy initialisation two threads can run (built apart from the search, which runs far more often). */
  private Description lazyInitRace(IfTree tree, VarSymbol field, String run, String other) {
    String name = "`" + field.getSimpleName() + "`";
    boolean isStatic = field.isStatic();
    boolean isVolatile = (field.flags() & Flags.VOLATILE) != 0;
    return describe(
        tree,
        name + " is initialised lazily (checked for null, then assigned) in " + run
            + ", while " + other + " can do the same",
        "two threads can both see null and both create it; one of them"
            + (isVolatile ? " uses an object the other replaces" : " may even see a half-built object, as the field is not volatile"),
        isStatic
            ? "Use the holder idiom (a nested class whose static final field holds it: the JVM initialises it once), or initialise it eagerly"
            : "Initialise it in the constructor, or use double-checked locking: a volatile field, checked again inside `synchronized`",
        null);
  }

  // --- read, then write --------------------------------------------------------------------------

  private Description checkReadThenWrite(MethodInvocationTree tree, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    ExpressionTree receiver = ASTHelpers.getReceiver(tree);
    if (method == null || receiver == null || tree.getArguments().isEmpty()) {
      return Description.NO_MATCH;
    }
    // Names compared as interned javac names: decoding the name of every call costs more.
    Name name = method.getSimpleName();
    int arity = tree.getArguments().size();
    boolean set = arity == 1 && (name.equals(SET_NAME.get(state)) || name.equals(LAZY_SET_NAME.get(state)));
    boolean put = arity == 2 && name.equals(PUT_NAME.get(state));
    if (!set && !put) {
      return Description.NO_MATCH;
    }
    Analysis facts = analysis.get(state);
    if (facts == null) {
      return Description.NO_MATCH;
    }
    if (set && method.owner.getQualifiedName().toString().startsWith(ATOMIC)) {
      return atomicSetOfGet(tree, receiver, state);
    }
    if (put && isThreadSafe(receiver, facts, state)
        && ASTHelpers.isSubtype(ASTHelpers.getType(receiver), state.getTypeFromString(MAP), state)) {
      return putOfGet(tree, receiver, state);
    }
    return Description.NO_MATCH;
  }

  /** {@code a.set(a.get() + 1)}. */
  private Description atomicSetOfGet(MethodInvocationTree set, ExpressionTree atomic, VisitorState state) {
    ExpressionTree value = strip(set.getArguments().get(0));
    if (!readsBack(value, atomic, "get", state) || underLock(analysis.get(state), state) || !shared(atomic, analysis.get(state), state)) {
      return Description.NO_MATCH;
    }
    String a = source(atomic, state);
    String replacement = null;
    boolean number = ATOMIC_NUMBERS.stream()
        .anyMatch(t -> ASTHelpers.isSameType(ASTHelpers.getType(atomic), state.getTypeFromString(t), state));
    if (number && value instanceof BinaryTree binary && isGetOf(binary.getLeftOperand(), atomic, state)
        && (binary.getKind() == Tree.Kind.PLUS || binary.getKind() == Tree.Kind.MINUS)
        && !readsBack(binary.getRightOperand(), atomic, "get", state)) {
      Object constant = ASTHelpers.constValue(binary.getRightOperand());
      boolean plus = binary.getKind() == Tree.Kind.PLUS;
      String delta = source(binary.getRightOperand(), state);
      if (constant instanceof Number n && n.longValue() == 1) {
        replacement = a + (plus ? ".incrementAndGet()" : ".decrementAndGet()");
      } else {
        replacement = a + ".addAndGet(" + (plus ? delta : "-(" + delta + ")") + ")";
      }
    }
    String atomicStep = replacement != null ? "`" + replacement + "`" : "`" + a + ".updateAndGet(v -> ...)` (or `accumulateAndGet`)";
    return describe(
        set,
        "`" + a + ".get()` and `" + a + ".set(...)` are two steps",
        "another thread can change `" + a + "` in between, and its update is lost",
        "Use " + atomicStep + ", which reads and writes in one atomic step",
        replacement == null ? null : SuggestedFix.replace(set, replacement));
  }

  /** {@code map.put(k, map.get(k) + n)} on a concurrent map. */
  private Description putOfGet(MethodInvocationTree put, ExpressionTree map, VisitorState state) {
    ExpressionTree value = strip(put.getArguments().get(1));
    if (!(value instanceof BinaryTree binary)
        || binary.getKind() != Tree.Kind.PLUS
        || !(strip(binary.getLeftOperand()) instanceof MethodInvocationTree get)
        || !(isCall(get, MAP, "get", 1, state) || isCall(get, MAP, "getOrDefault", 2, state))
        || !sameReceiver(get, map, state)
        || !sameSource(get.getArguments().get(0), put.getArguments().get(0), state)
        || underLock(analysis.get(state), state)
        || !shared(map, analysis.get(state), state)) {
      return Description.NO_MATCH;
    }
    String m = source(map, state);
    String key = source(put.getArguments().get(0), state);
    String delta = source(binary.getRightOperand(), state);
    Type valueType = ASTHelpers.getType(value);
    String sum = null;
    if (valueType != null) {
      Type boxed = state.getTypes().boxedTypeOrType(valueType);
      String boxedName = boxed.tsym.getQualifiedName().toString();
      sum = switch (boxedName) {
        case "java.lang.Integer" -> "Integer::sum";
        case "java.lang.Long" -> "Long::sum";
        case "java.lang.Double" -> "Double::sum";
        default -> null;
      };
    }
    String merge = m + ".merge(" + key + ", " + delta + ", " + (sum != null ? sum : "(a, b) -> a + b") + ")";
    return describe(
        put,
        "`" + m + ".get(" + key + ")` and `" + m + ".put(" + key + ", ...)` are two steps",
        "another thread can update the same key in between, and its update is lost",
        "Use `" + merge + "`, which reads and writes in one atomic step",
        sum == null ? null : SuggestedFix.replace(put, merge));
  }

  // --- helpers -----------------------------------------------------------------------------------

  private Description describe(Tree tree, String what, String why, String fix, @Nullable SuggestedFix suggested) {
    Description.Builder d =
        buildDescription(tree).setMessage("Check-then-act race: " + what + ": " + why + ". " + fix + ".");
    if (suggested != null) {
      d.addFix(suggested);
    }
    return d.build();
  }

  /** Whether the code at {@code state}'s path holds a lock, or runs in a private method only called under one. */
  private static boolean underLock(Analysis facts, VisitorState state) {
    if (!LockSet.heldAt(state.getPath(), state).isEmpty()) {
      return true;
    }
    MethodTree method = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
    return method != null && facts.sharedAccesses(state).calledOnlyUnderLock(ASTHelpers.getSymbol(method));
  }

  /**
   * Whether other threads can reach the object: it is held in a field or a parameter, or in a
   * local that a task captures. A local nobody hands over (a cloned {@code Properties}) is
   * confined, and so is a parameter of a type synchronized only by history (the caller's {@code
   * Properties}) that no task captures.
   */
  private static boolean shared(@Nullable ExpressionTree receiver, Analysis facts, VisitorState state) {
    Symbol symbol = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if (!(symbol instanceof VarSymbol var)) {
      return false;
    }
    if (var.getKind() == ElementKind.FIELD
        || (var.getKind() == ElementKind.PARAMETER
            && !facts.threadSafety().isLegacyThreadSafe(var.type, state))) {
      return true; // a parameter holding a concurrent object comes from code that shares it
    }
    SharedAccesses accesses = facts.sharedAccesses(state);
    return accesses.accessesOf(var).stream().anyMatch(a -> !accesses.tasksOf(a).isEmpty());
  }

  /** Whether the object the expression names is known thread-safe (so the code means to share it). */
  private static boolean isThreadSafe(@Nullable ExpressionTree receiver, Analysis facts, VisitorState state) {
    if (receiver == null) {
      return false;
    }
    Type type = ASTHelpers.getType(receiver);
    if (ASTHelpers.isSubtype(type, state.getTypeFromString(CONCURRENT_MAP), state)) {
      return true;
    }
    Symbol symbol = ASTHelpers.getSymbol(receiver);
    if (symbol instanceof VarSymbol var) {
      SharedAccesses accesses = facts.sharedAccesses(state);
      return facts.threadSafety().sharingOf(var, accesses.valuesOf(var), state) == Sharing.SAFE;
    }
    return facts.threadSafety().isThreadSafe(type, state);
  }

  private static boolean isCall(MethodInvocationTree call, String owner, String name, int arity, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return method != null
        && receiver != null
        && method.getSimpleName().contentEquals(name)
        && call.getArguments().size() == arity
        && ASTHelpers.isSubtype(ASTHelpers.getType(receiver), state.getTypeFromString(owner), state);
  }

  private static boolean sameCall(MethodInvocationTree check, MethodInvocationTree act, String name, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(act);
    return method != null
        && method.getSimpleName().contentEquals(name)
        && sameReceiver(check, ASTHelpers.getReceiver(act), state);
  }

  private static boolean sameReceiver(MethodInvocationTree call, @Nullable ExpressionTree other, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null || other == null) {
      return false;
    }
    Symbol a = ASTHelpers.getSymbol(receiver);
    return a instanceof VarSymbol && a == ASTHelpers.getSymbol(other) && sameSource(receiver, other, state);
  }

  private static boolean sameArgument(MethodInvocationTree a, MethodInvocationTree b, int index, VisitorState state) {
    return b.getArguments().size() > index && sameSource(a.getArguments().get(index), b.getArguments().get(index), state);
  }

  /** Same text and no calls in it: the same key both times. */
  private static boolean sameSource(ExpressionTree a, ExpressionTree b, VisitorState state) {
    String sa = source(a, state);
    return sa.equals(source(b, state)) && !sa.contains("(");
  }

  private static boolean readsBack(ExpressionTree value, ExpressionTree atomic, String getter, VisitorState state) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (isGetOf(call, atomic, state)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(value, null);
    return found[0];
  }

  private static boolean isGetOf(ExpressionTree expression, ExpressionTree atomic, VisitorState state) {
    return strip(expression) instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol(call) != null
        && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("get")
        && call.getArguments().isEmpty()
        && sameReceiver(call, atomic, state);
  }

  private static @Nullable ExpressionTree nullComparedOperand(BinaryTree equals) {
    if (equals.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL) {
      return strip(equals.getLeftOperand());
    }
    if (equals.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL) {
      return strip(equals.getRightOperand());
    }
    return null;
  }

  private static @Nullable StatementTree firstStatement(StatementTree then) {
    if (then instanceof BlockTree block) {
      return block.getStatements().isEmpty() ? null : block.getStatements().get(0);
    }
    return then;
  }

  private static boolean onlyStatement(StatementTree then) {
    return !(then instanceof BlockTree block) || block.getStatements().size() == 1;
  }

  private static @Nullable MethodInvocationTree callStatement(@Nullable StatementTree statement) {
    return statement instanceof ExpressionStatementTree expression
            && expression.getExpression() instanceof MethodInvocationTree call
        ? call
        : null;
  }

  /** Deletes a statement with the indentation before it and the line break after it. */
  private static void deleteLine(Tree statement, SuggestedFix.Builder fix, VisitorState state) {
    CharSequence source = state.getSourceCode();
    int start = ((com.sun.tools.javac.tree.JCTree) statement).getStartPosition();
    int end = state.getEndPosition(statement);
    int from = start;
    while (from > 0 && (source.charAt(from - 1) == ' ' || source.charAt(from - 1) == '\t')) {
      from--;
    }
    int to = end;
    while (to < source.length() && (source.charAt(to) == ' ' || source.charAt(to) == '\t')) {
      to++;
    }
    if (to < source.length() && source.charAt(to) == '\n' && (from == 0 || source.charAt(from - 1) == '\n')) {
      fix.replace(from, to + 1, "");
    } else {
      fix.delete(statement);
    }
  }

  private static String freshName(VisitorState state) {
    for (String name : List.of("k", "key", "absentKey")) {
      if (FindIdentifiers.findIdent(name, state) == null) {
        return name;
      }
    }
    return "absentKey0";
  }

  private static ExpressionTree strip(ExpressionTree tree) {
    ExpressionTree t = tree;
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t;
  }

  private static String source(@Nullable Tree tree, VisitorState state) {
    if (tree == null) {
      return "";
    }
    String source = state.getSourceForNode(tree);
    return source != null ? source : tree.toString();
  }
}
