package dev.threadlint.model;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;

/** Conditions that compare a variable with null: the guard of a lazy initialisation. */
public final class NullChecks {
  private NullChecks() {}

  /** Whether the condition is {@code variable == null} (or {@code null == variable}). */
  public static boolean isNullCheckOf(ExpressionTree condition, Symbol variable) {
    ExpressionTree c = ASTHelpers.stripParentheses(condition);
    if (!(c instanceof BinaryTree equals) || c.getKind() != Tree.Kind.EQUAL_TO) {
      return false;
    }
    ExpressionTree other =
        equals.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
            ? equals.getLeftOperand()
            : equals.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL ? equals.getRightOperand() : null;
    return other != null && ASTHelpers.getSymbol(other) == variable;
  }
}
