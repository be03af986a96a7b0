package dev.threadlint.model;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import org.jspecify.annotations.Nullable;

/**
 * A call as the model sees it, for caching what a rule lookup decided: the method and the
 * (erased) class of the receiver it is called on. Model rules match on erased types, so the type
 * arguments of the receiver never change the answer.
 */
record CallKey(MethodSymbol method, @Nullable TypeSymbol receiver) {
  static CallKey of(MethodSymbol method, @Nullable Type receiver) {
    return new CallKey(method, receiver == null ? null : receiver.tsym);
  }
}
