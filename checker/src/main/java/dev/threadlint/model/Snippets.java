package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;

/** Code quoted in messages: on one line, and short enough to read in a compiler warning. */
public final class Snippets {
  /** Longer source is quoted by its calls, with their arguments left out. */
  static final int LONGEST = 60;

  private Snippets() {}

  /**
   * The source of {@code tree} on one line; when longer than {@value #LONGEST} characters, a call
   * chain with its arguments as {@code (...)} ({@code created().handle(...)} for a call whose
   * argument is a twenty-line lambda), or the start of the text.
   */
  public static String brief(Tree tree, VisitorState state) {
    String source = state.getSourceForNode(tree);
    String text = oneLine(source != null ? source : tree.toString());
    if (text.length() <= LONGEST) {
      return text;
    }
    Tree stripped = tree instanceof ExpressionTree e ? ASTHelpers.stripParentheses(e) : tree;
    if (stripped instanceof MethodInvocationTree call) {
      ExpressionTree select = call.getMethodSelect();
      return select instanceof MemberSelectTree member
          ? brief(member.getExpression(), state) + "." + member.getIdentifier() + "(...)"
          : select + "(...)";
    }
    if (stripped instanceof NewClassTree created) {
      return "new " + oneLine(created.getIdentifier().toString()) + "(...)";
    }
    return text.substring(0, LONGEST) + "...";
  }

  /** {@code text} with each run of whitespace as one space. */
  private static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && line.length() > 0) {
          line.append(' ');
        }
        space = false;
        line.append(c);
      }
    }
    return line.toString();
  }
}
