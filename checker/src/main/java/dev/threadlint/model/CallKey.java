package dev.threadlint.model;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import org.jspecify.annotations.Nullable;

/**
 * A call as the model sees it, for caching what a rule lookup decided: the method and the
 * (erased) class of the receiver it is called on. Model rules match on erased types, so the type
 * arguments of the receiver never change the answer.
 *
 * <p>The caches keyed by calls compute a missing answer through {@code HashMap.computeIfAbsent},
 * not with {@code get}, then {@code put}: the JIT does not inline {@code computeIfAbsent} (it is
 * larger than C2 inlines) nor, through it, the function, so the rule matching of a call's first
 * question stays out of the compiled code of the checks that ask. Inlined, it made the blocking
 * checks' matcher a compilation of up to 5.9 kB of bytecode, which took C2 0.3-0.6 s, twice, in
 * some javac runs on vertx-core.
 *
 * <p>Not a record: a record's {@code equals} and {@code hashCode} go through method handles
 * ({@code ObjectMethods}), which the JIT inlines into every cache lookup as a large graph. Symbols
 * are unique per compilation, so identity is equality.
 */
final class CallKey {
  private final MethodSymbol method;
  private final @Nullable TypeSymbol receiver;

  private CallKey(MethodSymbol method, @Nullable TypeSymbol receiver) {
    this.method = method;
    this.receiver = receiver;
  }

  static CallKey of(MethodSymbol method, @Nullable Type receiver) {
    return new CallKey(method, receiver == null ? null : receiver.tsym);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallKey key && key.method == method && key.receiver == receiver;
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(method) + System.identityHashCode(receiver);
  }

  @Override
  public String toString() {
    return method + " on " + receiver;
  }
}
