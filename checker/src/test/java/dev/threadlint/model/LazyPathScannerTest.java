package dev.threadlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class LazyPathScannerTest {
  private static final String SOURCE =
      String.join(
          "\n",
          "import java.util.List;",
          "class Shop {",
          "  private int sold;",
          "  void sell(List<String> items, Runnable done) {",
          "    for (String item : items) {",
          "      if (item.isEmpty()) { continue; }",
          "      synchronized (this) { sold += item.length(); }",
          "      new Thread(() -> { done.run(); }).start();",
          "    }",
          "    Runnable r = new Runnable() { public void run() { sold++; } };",
          "  }",
          "}");

  private static CompilationUnitTree parse() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Shop.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return SOURCE;
          }
        };
    JavacTask task = (JavacTask) javac.getTask(null, null, null, null, null, List.of(file));
    return task.parse().iterator().next();
  }

  /** Each node's path, as leaf kinds from the node up to the unit. */
  private static String describe(TreePath path) {
    StringBuilder s = new StringBuilder();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      s.append(p.getLeaf().getKind()).append('@').append(System.identityHashCode(p.getLeaf())).append(' ');
    }
    return s.toString();
  }

  @Test
  void givesTheSamePathAtEveryNodeAsTreePathScanner() throws IOException {
    CompilationUnitTree unit = parse();
    List<String> expected = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && getCurrentPath() != null) {
          expected.add(describe(getCurrentPath())); // the parent's path, before entering
        }
        return super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        expected.add("leaf " + describe(getCurrentPath()));
        return null;
      }
    }.scan(unit, null);
    List<String> actual = new ArrayList<>();
    new LazyPathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && getCurrentPath() != null) {
          actual.add(describe(getCurrentPath()));
        }
        return super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        actual.add("leaf " + describe(getCurrentPath()));
        return null;
      }
    }.scan(unit, null);

    assertTrue(expected.size() > 50, "the source has many nodes: " + expected.size());
    assertEquals(expected, actual);
  }

  @Test
  void scanOfASubtreePathKeepsItsAncestors() throws IOException {
    CompilationUnitTree unit = parse();
    TreePath[] method = new TreePath[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        method[0] = getCurrentPath();
        return null;
      }
    }.scan(unit, null);
    List<TreePath> seen = new ArrayList<>();
    new LazyPathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        seen.add(getCurrentPath());
        return super.visitMethod(tree, null);
      }
    }.scan(method[0], null);

    assertEquals(2, seen.size(), "sell() and the anonymous class's run()");
    assertSame(method[0].getParentPath(), seen.get(0).getParentPath());
    assertSame(unit, seen.get(1).getCompilationUnit());
    assertEquals(describe(method[0]), describe(seen.get(0)));
  }
}
