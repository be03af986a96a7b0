package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadModel.BlockingRule;
import dev.threadlint.model.ThreadModel.DoneCallbackRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What blocks, per the knowledge base: the {@code blocking} rules and the blocking annotations. */
public final class BlockingApis {

  /**
   * A call that blocks.
   *
   * @param call how to show the call, e.g. {@code Thread.sleep()}
   * @param what what it does, e.g. "sleeps the calling thread"
   * @param waitsForLock it waits for a lock, a signal or a notification ({@code lock-wait})
   */
  public record BlockingApi(String call, String what, boolean waitsForLock) {}

  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final Map<CallKey, Optional<BlockingApi>> cache = new HashMap<>();
  private final RulesByName<BlockingRule> rulesByName;

  public BlockingApis(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
    this.rulesByName = new RulesByName<>(model.blockingRules(), BlockingRule::member);
  }

  /** The blocking API this call is, or null if the model does not say it blocks. */
  public @Nullable BlockingApi lookup(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    List<BlockingRule> rules = rulesByName.candidates(method.getSimpleName());
    if (rules.isEmpty()
        && (method.getAnnotationMirrors().isEmpty() || blockingAnnotation(method) == null)) {
      // Most calls: no rule names the method, and no annotation makes it blocking (Vert.x
      // annotates most of its API, with @Fluent and the like).
      return null;
    }
    // A call's first lookup computes it through computeIfAbsent, which the JIT does not inline
    // (see CallKey): the rule matching stays out of the compiled code of every caller.
    return cache
        .computeIfAbsent(
            CallKey.of(method, receiver),
            k -> Optional.ofNullable(compute(rules, method, receiver, state)))
        .orElse(null);
  }

  /** Whether the method is annotated as non-blocking (it is then never blocking, even if its body is). */
  public boolean isDeclaredNonBlocking(MethodSymbol method) {
    for (String annotation : model.nonBlockingAnnotations()) {
      if (matcher.hasAnnotation(method, annotation)) {
        return true;
      }
    }
    return false;
  }

  /** The blocking annotation on the method, or null. */
  public @Nullable String blockingAnnotation(MethodSymbol method) {
    for (String annotation : model.blockingAnnotations()) {
      if (matcher.hasAnnotation(method, annotation)) {
        return annotation;
      }
    }
    return null;
  }

  /**
   * Whether the call at {@code path} waits on an object that a {@code done-callback} says has
   * finished: the object itself ({@code get()} in {@code SwingWorker#done}) or the completed
   * parameter ({@code future.get()} in Netty's {@code operationComplete(future)}, also as a
   * lambda). Such calls return at once.
   */
  public boolean waitsOnCompletedObject(TreePath path, VisitorState state) {
    if (!(path.getLeaf() instanceof MethodInvocationTree call)
        || model.doneCallbackRules().isEmpty()) {
      return false;
    }
    MethodSymbol callee = ASTHelpers.getSymbol(call);
    if (callee == null || callee.isStatic()) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree lambda) {
        DoneCallbackRule rule = ruleFor(descriptorOf(ASTHelpers.getType(lambda), state), state);
        return rule != null
            && rule.parameter() >= 0
            && rule.parameter() < lambda.getParameters().size()
            && refersTo(receiver, ASTHelpers.getSymbol(lambda.getParameters().get(rule.parameter())));
      }
      if (leaf instanceof MethodTree tree) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        DoneCallbackRule rule = ruleFor(method, state);
        if (rule == null) {
          return false;
        }
        if (rule.parameter() < 0) {
          boolean onSelf =
              receiver == null
                  || (receiver instanceof IdentifierTree id && SelfReferences.isThis(id.getName()));
          return onSelf && method.enclClass().isSubClass(callee.owner, state.getTypes());
        }
        return rule.parameter() < tree.getParameters().size()
            && refersTo(receiver, ASTHelpers.getSymbol(tree.getParameters().get(rule.parameter())));
      }
      if (leaf instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private @Nullable DoneCallbackRule ruleFor(@Nullable MethodSymbol method, VisitorState state) {
    if (method == null) {
      return null;
    }
    for (DoneCallbackRule rule : model.doneCallbackRules()) {
      if (matcher.matchesOverride(rule.member(), method, state)) {
        return rule;
      }
    }
    return null;
  }

  private static boolean refersTo(@Nullable ExpressionTree receiver, @Nullable Symbol symbol) {
    return receiver instanceof IdentifierTree
        && symbol != null
        && ASTHelpers.getSymbol(receiver) == symbol;
  }

  /** The method a lambda or method reference of this functional interface type implements. */
  public static @Nullable MethodSymbol descriptorOf(@Nullable Type type, VisitorState state) {
    if (type == null || type.tsym == null) {
      return null;
    }
    try {
      return state.getTypes().findDescriptorSymbol(type.tsym) instanceof MethodSymbol m ? m : null;
    } catch (RuntimeException notFunctional) {
      return null;
    }
  }

  private @Nullable BlockingApi compute(
      List<BlockingRule> candidates, MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (isDeclaredNonBlocking(method)) {
      return null;
    }
    String annotation = blockingAnnotation(method);
    if (annotation != null) {
      return new BlockingApi(
          display(method, receiver),
          "is annotated `@" + annotation.substring(annotation.lastIndexOf('.') + 1) + "`",
          false);
    }
    BlockingRule found = null;
    for (BlockingRule rule : candidates) {
      if (matcher.matchesCall(rule.member(), method, receiver, state)) {
        if (!rule.blocking()) {
          return null;
        }
        if (found == null) {
          found = rule;
        }
      }
    }
    if (found == null) {
      return null;
    }
    boolean waitsForLock = false;
    for (MemberPattern lockWait : model.lockWaits()) {
      if (matcher.matchesCall(lockWait, method, receiver, state)) {
        waitsForLock = true;
        break;
      }
    }
    return new BlockingApi(display(method, receiver), found.what(), waitsForLock);
  }

  /** {@code Owner.name()} as users write it; {@code new Owner()} for constructors. */
  public static String display(MethodSymbol method, @Nullable Type receiver) {
    String owner =
        receiver != null && receiver.tsym != null && !receiver.tsym.getSimpleName().isEmpty()
            ? receiver.tsym.getSimpleName().toString()
            : method.owner.getSimpleName().toString();
    return method.isConstructor()
        ? "new " + method.owner.getSimpleName() + "()"
        : owner + "." + method.getSimpleName() + "()";
  }
}
