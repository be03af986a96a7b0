package dev.threadlint.model;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.util.Name;
import org.jspecify.annotations.Nullable;

/**
 * {@code this} and {@code super} in source, recognised by javac's interned names. On JDK 17,
 * {@code Name.contentEquals("this")} decodes the name into a new {@code String}, and these tests
 * run on most calls and field accesses of every file.
 */
public final class SelfReferences {
  private SelfReferences() {}

  /** Whether the name (of an identifier or member select) is {@code this}. */
  public static boolean isThis(javax.lang.model.element.Name name) {
    return name instanceof Name n && n == n.table.names._this;
  }

  /** Whether the name (of an identifier or member select) is {@code super}. */
  public static boolean isSuper(javax.lang.model.element.Name name) {
    return name instanceof Name n && n == n.table.names._super;
  }

  /** {@code this} or {@code Outer.this} (the tree as it is: strip parentheses first if needed). */
  public static boolean isThis(@Nullable Tree tree) {
    return (tree instanceof IdentifierTree id && isThis(id.getName()))
        || (tree instanceof MemberSelectTree select && isThis(select.getIdentifier()));
  }

  /** {@code this}, {@code Outer.this}, {@code super} or {@code Outer.super}. */
  public static boolean isThisOrSuper(@Nullable Tree tree) {
    return (tree instanceof IdentifierTree id && (isThis(id.getName()) || isSuper(id.getName())))
        || (tree instanceof MemberSelectTree select
            && (isThis(select.getIdentifier()) || isSuper(select.getIdentifier())));
  }
}
