package dev.threadlint.model;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A condition a method blocks only under: its boolean parameter at {@code index} (from 0) is
 * {@code value}. A call that passes the other value as a constant does not block (a constructor
 * that creates its cache file only {@code if (tryReset)}, called with {@code false}).
 */
public record ParameterGuard(int index, boolean value) {

  /** Whether the call at {@code call} passes a constant that rules this condition out. */
  public boolean ruledOutAt(Tree call) {
    if (call instanceof MethodInvocationTree invocation) {
      return ruledOutBy(invocation.getArguments());
    }
    if (call instanceof NewClassTree creation) {
      return ruledOutBy(creation.getArguments());
    }
    return false; // a method reference: the arguments are not in the source
  }

  /** Whether the argument at {@link #index} is a constant of the other value. */
  boolean ruledOutBy(List<? extends ExpressionTree> arguments) {
    if (index >= arguments.size()) {
      return false;
    }
    Boolean constant = ASTHelpers.constValue(arguments.get(index), Boolean.class);
    return constant != null && constant != value;
  }
}
