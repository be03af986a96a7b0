package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadModel.BlockingRule;
import java.util.ArrayList;
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
   */
  public record BlockingApi(String call, String what) {}

  private record CallKey(MethodSymbol method, @Nullable Object receiver) {}

  private final ThreadModel model;
  private final ApiMatcher matcher;
  private final Map<String, List<BlockingRule>> byName = new HashMap<>();
  private final List<BlockingRule> byGlob = new ArrayList<>();
  private final Map<CallKey, Optional<BlockingApi>> cache = new HashMap<>();

  public BlockingApis(ThreadModel model, ApiMatcher matcher) {
    this.model = model;
    this.matcher = matcher;
    for (BlockingRule rule : model.blockingRules()) {
      String name = rule.member().exactName();
      if (name == null) {
        byGlob.add(rule);
      } else {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(rule);
      }
    }
  }

  /** The blocking API this call is, or null if the model does not say it blocks. */
  public @Nullable BlockingApi lookup(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    CallKey key = new CallKey(method, receiver == null ? null : receiver.tsym);
    Optional<BlockingApi> cached = cache.get(key);
    if (cached == null) {
      cached = Optional.ofNullable(compute(method, receiver, state));
      cache.put(key, cached);
    }
    return cached.orElse(null);
  }

  /** Whether the method is annotated as non-blocking (it is then never blocking, even if its body is). */
  public boolean isDeclaredNonBlocking(MethodSymbol method) {
    return model.nonBlockingAnnotations().stream().anyMatch(a -> ApiMatcher.hasAnnotation(method, a));
  }

  /** The blocking annotation on the method, or null. */
  public @Nullable String blockingAnnotation(MethodSymbol method) {
    for (String annotation : model.blockingAnnotations()) {
      if (ApiMatcher.hasAnnotation(method, annotation)) {
        return annotation;
      }
    }
    return null;
  }

  /**
   * Whether the call at {@code path} is on the object itself ({@code get()}, {@code this.get()})
   * in an override of a {@code done-callback} method: the object's work has finished, so its own
   * blocking methods return at once.
   */
  public boolean callsFinishedSelf(TreePath path, VisitorState state) {
    if (!(path.getLeaf() instanceof MethodInvocationTree call)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver != null
        && !(receiver instanceof IdentifierTree id && id.getName().contentEquals("this"))) {
      return false;
    }
    MethodSymbol callee = ASTHelpers.getSymbol(call);
    MethodTree enclosing = ASTHelpers.findEnclosingNode(path, MethodTree.class);
    MethodSymbol method = enclosing == null ? null : ASTHelpers.getSymbol(enclosing);
    if (callee == null
        || callee.isStatic()
        || method == null
        || !method.enclClass().isSubClass(callee.owner, state.getTypes())) {
      return false;
    }
    return model.doneCallbackRules().stream()
        .anyMatch(rule -> matcher.matchesOverride(rule.member(), method, state));
  }

  private @Nullable BlockingApi compute(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (isDeclaredNonBlocking(method)) {
      return null;
    }
    String annotation = blockingAnnotation(method);
    if (annotation != null) {
      return new BlockingApi(
          display(method, receiver),
          "is annotated @" + annotation.substring(annotation.lastIndexOf('.') + 1));
    }
    BlockingRule found = null;
    List<BlockingRule> candidates = new ArrayList<>(byGlob);
    candidates.addAll(byName.getOrDefault(method.getSimpleName().toString(), List.of()));
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
    return found == null ? null : new BlockingApi(display(method, receiver), found.what());
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
