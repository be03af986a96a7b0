package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The reads and writes of the fields of one compilation unit's classes, through {@code this} (or
 * unqualified) for instance fields, with the locks held at each and the method they are in.
 * Accesses in constructors and initializers are marked, and so are accesses in helper methods
 * that are only called under a lock or only during construction, and what a method does to
 * instance fields before it starts a thread (so checks can tell code that is only ever run locked, or before the
 * object is shared).
 */
public final class FieldAccesses {

  /** Where an access runs, as far as locks and sharing go. */
  public enum Phase {
    /**
     * In a constructor or initializer, or a helper method only they call; or an access of an
     * instance field that a method makes before it starts a thread: not yet shared.
     */
    CONSTRUCTION,
    /** In a private method only ever called with a lock held. */
    CALLED_LOCKED,
    /**
     * In a package-private method beside a public API that nothing in the file calls (an accessor
     * for tests): its callers, and the locks they hold, are out of view. A lock it takes itself
     * is in view.
     */
    OUT_OF_VIEW,
    /** Anywhere else. */
    NORMAL
  }

  /**
   * One access of a field.
   *
   * @param tree the identifier or member select that names the field
   * @param write an assignment, compound assignment or increment/decrement of the field
   * @param held the locks held at the access (in its own method)
   * @param method the method it is in, null in field initializers
   * @param handedOffUnderLock the access is in a lambda or anonymous class created while a lock
   *     was held: what the creator wrote under the lock is published to it by the hand-off
   * @param acknowledged the access is knowingly unguarded: inside {@code
   *     @SuppressWarnings("GuardedBy")}, or in a {@code debug-view} method such as {@code toString}
   */
  public record Access(
      VarSymbol field,
      Tree tree,
      boolean write,
      LockSet held,
      @Nullable MethodSymbol method,
      Phase phase,
      boolean handedOffUnderLock,
      boolean acknowledged,
      boolean lazyInit) {
    /** Held under a lock here, or in a method only called under one. */
    public boolean locked() {
      return !held.isEmpty() || phase == Phase.CALLED_LOCKED;
    }
  }

  private final Map<VarSymbol, List<Access>> byField;

  private FieldAccesses(Map<VarSymbol, List<Access>> byField) {
    this.byField = byField;
  }

  /** The accesses of each field, in source order. */
  public Map<VarSymbol, List<Access>> byField() {
    return byField;
  }

  public static FieldAccesses compute(
      CompilationUnitTree unit,
      UnitLocks locks,
      ThreadModel model,
      ApiMatcher matcher,
      VisitorState state) {
    record Raw(
        VarSymbol field,
        Tree tree,
        boolean write,
        @Nullable MethodSymbol method,
        boolean construction,
        boolean handedOff,
        boolean acknowledged,
        boolean lazyInit,
        boolean inLambda) {}
    List<Raw> raw = new ArrayList<>();
    // Where each method first starts a thread (Thread#start in its own body, not in a lambda):
    // the writes it made before are published to that thread by the start.
    Map<MethodSymbol, Integer> threadStarts = new HashMap<>();
    Type threadType = state.getTypeFromString("java.lang.Thread");
    Set<Symbol> referenced = new HashSet<>();
    Set<Symbol> freshLocals = new HashSet<>();
    // Methods that hand `this` back to an object pool: its last user has released the object, and
    // their resets prepare it for the next user, who gets it from the pool (like construction).
    Set<MethodSymbol> returnsToPool = new HashSet<>();
    new LazyPathScanner<Void, Void>() {
      private @Nullable MethodSymbol method;
      private boolean construction;
      private boolean handedOff;
      private int acknowledged;
      private int lambdas; // lambdas around the current node, inside the current method

      @Override
      public Void scan(Tree tree, Void unused) {
        boolean ack = tree != null && suppressesGuardedBy(tree);
        acknowledged += ack ? 1 : 0;
        super.scan(tree, null);
        acknowledged -= ack ? 1 : 0;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        boolean saved = handedOff;
        handedOff |= !locks.heldAt(tree).isEmpty();
        lambdas++;
        super.visitLambdaExpression(tree, null);
        lambdas--;
        handedOff = saved;
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (method != null && lambdas == 0 && handsThisBack(tree)) {
          returnsToPool.add(method);
        }
        if (method != null && lambdas == 0 && tree.getArguments().isEmpty()) {
          MethodSymbol callee = ASTHelpers.getSymbol(tree);
          if (callee != null
              && callee.getSimpleName().contentEquals("start")
              && !callee.isStatic()
              && ASTHelpers.getReceiver(tree) != null
              && ASTHelpers.isSubtype(ASTHelpers.getReceiverType(tree), threadType, state)) {
            threadStarts.merge(method, ASTHelpers.getStartPosition(tree), Math::min);
          }
        }
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        boolean saved = handedOff;
        if (tree.getClassBody() != null) {
          handedOff |= !locks.heldAt(tree).isEmpty();
        }
        super.visitNewClass(tree, null);
        handedOff = saved;
        return null;
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (method != null
            && tree.getInitializer() instanceof NewClassTree
            && ASTHelpers.getSymbol(tree).getKind() == ElementKind.LOCAL_VARIABLE) {
          freshLocals.add(ASTHelpers.getSymbol(tree)); // Foo foo = new Foo(...): not shared until it escapes
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        MethodSymbol savedMethod = method;
        boolean savedConstruction = construction;
        int savedLambdas = lambdas;
        for (Tree member : tree.getMembers()) {
          method = null;
          construction = member instanceof VariableTree || member instanceof BlockTree;
          lambdas = 0;
          scan(member, null);
        }
        method = savedMethod;
        construction = savedConstruction;
        lambdas = savedLambdas;
        return null;
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol saved = method;
        boolean savedConstruction = construction;
        method = ASTHelpers.getSymbol(tree);
        construction =
            method != null
                && (method.isConstructor()
                    || deserializes(method)
                    || overridesAny(model.initializers(), method));
        boolean debugView = method != null && overridesAny(model.debugViews(), method);
        acknowledged += debugView ? 1 : 0;
        super.visitMethod(tree, null);
        acknowledged -= debugView ? 1 : 0;
        method = saved;
        construction = savedConstruction;
        return null;
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        record(tree);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        ExpressionTree receiver = LockId.strip(tree.getExpression());
        boolean viaThis = SelfReferences.isThis(receiver);
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (viaThis || (symbol != null && symbol.isStatic())) {
          record(tree);
        }
        return super.visitMemberSelect(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        Symbol target = ASTHelpers.getSymbol(tree);
        if (target != null) {
          referenced.add(target); // called from wherever the reference goes: not only locked
        }
        return super.visitMemberReference(tree, null);
      }

      private void record(ExpressionTree tree) {
        if (!(ASTHelpers.getSymbol(tree) instanceof VarSymbol field)
            || field.getKind() != ElementKind.FIELD
            || !declaredHere(field)) {
          return;
        }
        boolean write = isWrite(getCurrentPath());
        raw.add(
            new Raw(
                field,
                tree,
                write,
                method,
                construction,
                handedOff,
                acknowledged > 0,
                write && underNullCheck(getCurrentPath(), field),
                lambdas > 0));
      }

      private boolean overridesAny(List<MemberPattern> patterns, MethodSymbol m) {
        for (MemberPattern pattern : patterns) {
          if (matcher.matchesOverride(pattern, m, state)) {
            return true;
          }
        }
        return false;
      }

      /**
       * Whether the call hands {@code this} back to an object pool ({@code pool-return}: {@code
       * handle.recycle(this)}).
       */
      private boolean handsThisBack(MethodInvocationTree call) {
        if (model.poolReturns().isEmpty()) {
          return false;
        }
        boolean passesThis = false;
        for (ExpressionTree argument : call.getArguments()) {
          passesThis |= SelfReferences.isThis(ASTHelpers.stripParentheses(argument));
        }
        MethodSymbol callee = passesThis ? ASTHelpers.getSymbol(call) : null;
        if (callee == null) {
          return false;
        }
        Type receiver = ASTHelpers.getReceiverType(call);
        for (MemberPattern pattern : model.poolReturns()) {
          if (matcher.matchesCall(pattern, callee, receiver, state)) {
            return true;
          }
        }
        return false;
      }

      /**
       * Java serialization's hooks, {@code private void readObject(ObjectInputStream)} and {@code
       * readObjectNoData()}: they fill an object being deserialized, on one thread, before anyone
       * else has it, like a constructor.
       */
      private boolean deserializes(MethodSymbol m) {
        if ((m.flags() & Flags.PRIVATE) == 0 || m.isStatic()) {
          return false;
        }
        List<VarSymbol> parameters = m.getParameters();
        if (m.getSimpleName().contentEquals("readObjectNoData")) {
          return parameters.isEmpty();
        }
        return m.getSimpleName().contentEquals("readObject")
            && parameters.size() == 1
            && parameters.get(0).type.tsym != null
            && parameters.get(0).type.tsym.getQualifiedName().contentEquals("java.io.ObjectInputStream");
      }

      private boolean declaredHere(VarSymbol field) {
        return field.owner != null && SourceUnits.memberOf(field, unit);
      }
    }.scan(unit, null);
    Set<MethodSymbol> accessing = new HashSet<>();
    for (Raw access : raw) {
      if (access.method() != null) {
        accessing.add(access.method());
      }
    }
    Map<MethodSymbol, Phase> phases = phases(locks, referenced, freshLocals, accessing, state);
    Set<MethodSymbol> calledHere = new HashSet<>();
    for (UnitLocks.Call call : locks.calls()) {
      calledHere.add(call.callee());
    }
    Map<MethodSymbol, Boolean> outOfView = new HashMap<>(); // asked once per method, not per access
    Map<VarSymbol, List<Access>> byField = new LinkedHashMap<>();
    for (Raw access : raw) {
      Phase phase =
          access.construction() || (access.method() != null && returnsToPool.contains(access.method()))
              ? Phase.CONSTRUCTION
              : access.method() == null ? Phase.NORMAL : phases.getOrDefault(access.method(), Phase.NORMAL);
      if (phase == Phase.NORMAL
          && access.method() != null
          && !access.inLambda() // a callback it hands on runs later, without its callers' lock
          && !calledHere.contains(access.method())
          && !referenced.contains(access.method())
          && outOfView.computeIfAbsent(access.method(), m -> besidePublicApi(m, state))) {
        // httpclient5's BasicHttpClientConnectionManager#getRoute, which only its tests call.
        phase = Phase.OUT_OF_VIEW;
      }
      if (access.field().isStatic() && phase == Phase.CONSTRUCTION && access.method() != null) {
        phase = Phase.NORMAL; // an instance constructor touching a static field: already shared
      }
      Integer start = access.method() == null ? null : threadStarts.get(access.method());
      if (phase == Phase.NORMAL
          && start != null
          && !access.inLambda()
          && !access.field().isStatic()
          && ASTHelpers.getStartPosition(access.tree()) < start) {
        // kafka-clients' ExpiringCredentialRefreshingLogin#login sets up its fields (and reads
        // them back), then starts the thread that refreshes them under a lock: Thread#start
        // publishes the writes.
        phase = Phase.CONSTRUCTION;
      }
      byField
          .computeIfAbsent(access.field(), f -> new ArrayList<>())
          .add(
              new Access(
                  access.field(),
                  access.tree(),
                  access.write(),
                  locks.heldAt(access.tree()),
                  access.method(),
                  phase,
                  access.handedOff(),
                  access.acknowledged(),
                  access.lazyInit()));
    }
    return new FieldAccesses(byField);
  }

  /**
   * Whether the access at {@code path} is in the then-branch of an {@code if (field == null)} of
   * its own method: a lazy initialisation (also through nested branches, as in {@code if (f ==
   * null) { if (h == null) f = a; else f = b; }}).
   */
  private static boolean underNullCheck(TreePath path, VarSymbol field) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (leaf instanceof IfTree branch
          && branch.getThenStatement() == child
          && NullChecks.isNullCheckOf(branch.getCondition(), field)) {
        return true;
      }
      child = leaf;
    }
    return false;
  }

  /** Whether the tree is a declaration annotated {@code @SuppressWarnings("GuardedBy")}. */
  private static boolean suppressesGuardedBy(Tree tree) {
    ModifiersTree modifiers =
        tree instanceof MethodTree m
            ? m.getModifiers()
            : tree instanceof ClassTree c
                ? c.getModifiers()
                : tree instanceof VariableTree v ? v.getModifiers() : null;
    if (modifiers == null || modifiers.getAnnotations().isEmpty()) {
      return false; // most declarations: no annotation to look up
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    SuppressWarnings suppress = symbol == null ? null : symbol.getAnnotation(SuppressWarnings.class);
    return suppress != null && List.of(suppress.value()).contains("GuardedBy");
  }

  /** Whether the field named at the leaf of {@code path} is written there. */
  static boolean isWrite(TreePath path) {
    Tree leaf = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof AssignmentTree a) {
      return a.getVariable() == leaf;
    }
    if (parent instanceof CompoundAssignmentTree a) {
      return a.getVariable() == leaf;
    }
    if (parent instanceof UnaryTree u) {
      return switch (u.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
        default -> false;
      };
    }
    return false;
  }

  /**
   * Whether the calls of {@code method} that this file makes are the ones that matter: a private
   * method; a method of a private, local or anonymous class (kafka's {@code TopicPartitionState},
   * a private nested class, has public methods only its outer class calls); or a package-private
   * one, which other files of the package may call too, but whose every call in its own file
   * holding the lock shows that its authors call it under the lock (the check cannot tell
   * otherwise, and stays silent). Never a method that overrides another: it is also called
   * through its supertype, where this file does not see it, and never a public or protected
   * method of a class others can see.
   */
  private static boolean helper(MethodSymbol method, VisitorState state) {
    if ((method.flags() & Flags.PRIVATE) != 0) {
      return true;
    }
    if (method.isConstructor()) {
      return false;
    }
    if ((method.flags() & (Flags.PUBLIC | Flags.PROTECTED)) == 0) {
      // A package-private method implements no interface method (those are public): it can only
      // override a package-private method of a superclass in its package.
      return method.isStatic() || !overridesInPackage(method, state);
    }
    return inHiddenClass(method)
        && (method.isStatic() || ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty());
  }

  /**
   * A package-private helper (see {@link #helper}) of a class with a public or protected API:
   * the API is what other classes call, the package-private method is internal, and the file
   * shows who calls it (or, when it shows nobody, cannot tell).
   */
  private static boolean besidePublicApi(MethodSymbol method, VisitorState state) {
    return (method.flags() & (Flags.PUBLIC | Flags.PROTECTED | Flags.PRIVATE)) == 0
        && !method.isConstructor()
        && method.enclClass() != null
        && SharedAccessScanner.declaresPublicMethods(method.enclClass())
        && helper(method, state);
  }

  /** Whether the package-private method overrides a method of a superclass in its package. */
  private static boolean overridesInPackage(MethodSymbol method, VisitorState state) {
    Types types = state.getTypes();
    ClassSymbol owner = method.enclClass();
    for (Type sup = types.supertype(owner.type);
        sup != null && sup.tsym instanceof ClassSymbol superclass;
        sup = types.supertype(sup)) {
      if (superclass.packge() != owner.packge()) {
        continue;
      }
      for (Symbol member : superclass.members().getSymbolsByName(method.name)) {
        if (member instanceof MethodSymbol candidate && method.overrides(candidate, owner, types, false)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the method's class, or a class around it, is private, local or anonymous. */
  private static boolean inHiddenClass(MethodSymbol method) {
    for (Symbol s = method.owner; s instanceof ClassSymbol c; s = c.owner) {
      if ((c.flags() & Flags.PRIVATE) != 0 || c.isAnonymous() || c.owner instanceof MethodSymbol) {
        return true;
      }
    }
    return false;
  }

  /**
   * Helper methods every call of which is under a lock (or in such a method), or in a
   * constructor (or such a method). A method also used as a method reference is left NORMAL.
   * Helpers are the methods whose calls this file shows: see {@link #helper}.
   */
  private static Map<MethodSymbol, Phase> phases(
      UnitLocks locks,
      Set<Symbol> referenced,
      Set<Symbol> freshLocals,
      Set<MethodSymbol> accessing,
      VisitorState state) {
    Map<MethodSymbol, List<UnitLocks.Call>> callers = new HashMap<>();
    Map<MethodSymbol, Boolean> helpers = new HashMap<>();
    for (UnitLocks.Call call : locks.calls()) {
      MethodSymbol callee = call.callee();
      if (!referenced.contains(callee) && helpers.computeIfAbsent(callee, m -> helper(m, state))) {
        callers.computeIfAbsent(callee, c -> new ArrayList<>()).add(call);
      }
    }
    // An override within a hierarchy of private classes of the file (commons-pool2's
    // LinkedBlockingDeque.Itr#firstNode) runs where the file calls the methods it overrides.
    for (MethodSymbol method : accessing) {
      if (callers.containsKey(method) || referenced.contains(method) || !inHiddenClass(method)) {
        continue;
      }
      Set<MethodSymbol> overridden = ASTHelpers.findSuperMethods(method, state.getTypes());
      List<UnitLocks.Call> calls = new ArrayList<>();
      boolean inView = !overridden.isEmpty();
      for (MethodSymbol sup : overridden) {
        inView &= inHiddenClass(sup) && !referenced.contains(sup);
        calls.addAll(callers.getOrDefault(sup, List.of()));
      }
      if (inView && !calls.isEmpty()) {
        callers.put(method, calls);
      }
    }
    Map<MethodSymbol, Phase> phases = new HashMap<>();
    // Until nothing changes: a chain of helpers n deep may need n rounds (netty's SSL engine has
    // six under synchronized wrap()), and each round but the last settles at least one method.
    for (int round = 0; round <= callers.size(); round++) {
      boolean changed = false;
      for (Map.Entry<MethodSymbol, List<UnitLocks.Call>> entry : callers.entrySet()) {
        if (phases.containsKey(entry.getKey())) {
          continue;
        }
        boolean allLocked = true;
        boolean allConstruction = true;
        for (UnitLocks.Call call : entry.getValue()) {
          ExpressionTree receiver = ASTHelpers.getReceiver(call.tree());
          boolean onFreshObject =
              receiver instanceof IdentifierTree id && freshLocals.contains(ASTHelpers.getSymbol(id));
          Phase callerPhase =
              call.caller() == null
                  ? Phase.NORMAL
                  : call.caller().isConstructor() || onFreshObject
                      ? Phase.CONSTRUCTION
                      : phases.getOrDefault(call.caller(), Phase.NORMAL);
          // A call during construction (or on an object just created here) neither shares the
          // object nor needs the lock, so it does not stop the method counting as locked.
          allLocked &=
              !call.held().isEmpty()
                  || callerPhase == Phase.CALLED_LOCKED
                  || callerPhase == Phase.CONSTRUCTION;
          allConstruction &= callerPhase == Phase.CONSTRUCTION;
        }
        if (allConstruction || allLocked) {
          phases.put(entry.getKey(), allConstruction ? Phase.CONSTRUCTION : Phase.CALLED_LOCKED);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return phases;
  }
}
