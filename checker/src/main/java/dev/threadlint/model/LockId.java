package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.threadlint.model.ThreadModel.LockMode;
import javax.lang.model.element.ElementKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a lock: which object's monitor or which {@code Lock} (and which side of a
 * read-write lock). Two acquisitions are of the same lock when their ids are equal.
 *
 * @param kind what names the lock
 * @param symbol the field, local or class that names it (null for {@link Kind#OTHER})
 * @param mode the read or write side of a read-write lock, null for a plain lock or monitor
 * @param text how messages show the lock: {@code this}, {@code Foo.class}, {@code lock}, {@code
 *     Foo.LOCK}, {@code rw (read lock)}, or the source of any other expression
 * @param stable the lock is the same object for the whole life of its owner, so two code paths
 *     naming it take the same lock: {@code this}, a class literal, a final field of {@code this},
 *     a static final field
 */
public record LockId(
    Kind kind, @Nullable Symbol symbol, @Nullable LockMode mode, String text, boolean stable) {

  // equals and hashCode are written out, as in the records below: a record's generated ones are
  // linked by an invokedynamic bootstrap the first time they run, in every compilation, and the
  // first such link in a JVM sets up java.lang.runtime.ObjectMethods (tens of milliseconds of a
  // fresh javac's time, for three records whose only use of them is as map keys).
  @Override
  public boolean equals(Object other) {
    return other instanceof LockId that
        && kind == that.kind
        && symbol == that.symbol
        && mode == that.mode
        && stable == that.stable
        && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return (kind.hashCode() * 31 + Objects.hashCode(symbol)) * 31 + text.hashCode();
  }

  /** What names the lock. */
  public enum Kind {
    /** {@code this} (or {@code Outer.this}): the symbol is the class. */
    THIS,
    /** A class literal, or the class of a static synchronized method: the symbol is the class. */
    CLASS,
    /** A field of {@code this}. */
    FIELD,
    /** A static field. */
    STATIC_FIELD,
    /** A local variable or parameter. */
    LOCAL,
    /** Any other expression (a field of another object, a method's result): only its text. */
    OTHER
  }

  /** The monitor of {@code this} in instances of {@code owner}. */
  public static LockId thisOf(ClassSymbol owner) {
    return new LockId(Kind.THIS, owner, null, "this", true);
  }

  /** The monitor of the class object of {@code owner}. */
  public static LockId classOf(ClassSymbol owner) {
    return new LockId(Kind.CLASS, owner, null, owner.getSimpleName() + ".class", true);
  }

  /** The lock an expression names (a view such as {@code rw.readLock()} is resolved by the caller). */
  public static LockId of(ExpressionTree expression, VisitorState state) {
    ExpressionTree tree = strip(expression);
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (tree instanceof IdentifierTree id && SelfReferences.isThis(id.getName())) {
      return thisOf(classOfType(ASTHelpers.getType(tree), state));
    }
    if (tree instanceof MemberSelectTree select) {
      String name = select.getIdentifier().toString();
      if (name.equals("this")) {
        return thisOf(classOfType(ASTHelpers.getType(tree), state));
      }
      if (name.equals("class") && ASTHelpers.getSymbol(select.getExpression()) instanceof ClassSymbol c) {
        return classOf(c);
      }
    }
    if (symbol instanceof VarSymbol var) {
      boolean isFinal = (var.flags() & Flags.FINAL) != 0;
      if (var.getKind() == ElementKind.FIELD) {
        if (var.isStatic()) {
          return new LockId(
              Kind.STATIC_FIELD, var, null, var.owner.getSimpleName() + "." + var.getSimpleName(), isFinal);
        }
        if (tree instanceof IdentifierTree || isThis(((MemberSelectTree) tree).getExpression())) {
          return new LockId(Kind.FIELD, var, null, var.getSimpleName().toString(), isFinal);
        }
      } else if (var.getKind() == ElementKind.LOCAL_VARIABLE
          || var.getKind() == ElementKind.PARAMETER
          || var.getKind() == ElementKind.RESOURCE_VARIABLE) {
        return new LockId(Kind.LOCAL, var, null, var.getSimpleName().toString(), false);
      }
    }
    String source = state.getSourceForNode(tree);
    return new LockId(Kind.OTHER, null, null, source != null ? source : tree.toString(), false);
  }

  /** This lock's read or write side. */
  public LockId withMode(LockMode newMode) {
    String base = mode == null ? text : text.substring(0, text.lastIndexOf(" ("));
    return new LockId(
        kind, symbol, newMode, base + (newMode == LockMode.READ ? " (read lock)" : " (write lock)"), stable);
  }

  /** The whole lock, without a read or write side. */
  public LockId withoutMode() {
    return mode == null
        ? this
        : new LockId(kind, symbol, null, text.substring(0, text.lastIndexOf(" (")), stable);
  }

  /** Whether this is an object's own monitor ({@code synchronized}) rather than a {@code Lock}. */
  public boolean isThisOrClass() {
    return kind == Kind.THIS || kind == Kind.CLASS;
  }

  private static boolean isThis(ExpressionTree tree) {
    ExpressionTree stripped = strip(tree);
    return SelfReferences.isThis(stripped);
  }

  static ExpressionTree strip(ExpressionTree tree) {
    while (true) {
      if (tree instanceof ParenthesizedTree p) {
        tree = p.getExpression();
      } else if (tree instanceof TypeCastTree c) {
        tree = c.getExpression();
      } else {
        return tree;
      }
    }
  }

  private static ClassSymbol classOfType(@Nullable Type type, VisitorState state) {
    if (type != null && type.tsym instanceof ClassSymbol c) {
      return c;
    }
    return state.getSymtab().objectType.tsym instanceof ClassSymbol o ? o : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
