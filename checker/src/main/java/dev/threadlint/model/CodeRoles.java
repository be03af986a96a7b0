package dev.threadlint.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;

/**
 * What role the code around a tree plays in its program: a test, or a {@code main} method. Some
 * practices that are pitfalls in production code are the way tests and entry points are written
 * (a test waits for the future it checks; {@code main} waits for the program's work).
 */
public final class CodeRoles {
  private CodeRoles() {}

  /**
   * Whether the code at {@code path} is test code: in a test source root ({@code src/test/}), in a
   * method or class carrying a JUnit or TestNG annotation, or in a class named like a test.
   */
  public static boolean isTestCode(TreePath path, VisitorState state) {
    String file = path.getCompilationUnit().getSourceFile().toUri().getPath();
    if (file != null && (file.contains("/src/test/") || file.contains("/src/it/") || file.contains("/test/java/"))) {
      return true;
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Symbol symbol = null;
      if (p.getLeaf() instanceof MethodTree method) {
        symbol = ASTHelpers.getSymbol(method);
      } else if (p.getLeaf() instanceof ClassTree type) {
        symbol = ASTHelpers.getSymbol(type);
        String name = type.getSimpleName().toString();
        if (name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("TestCase") || name.endsWith("IT")) {
          return true;
        }
      }
      if (symbol != null && hasTestAnnotation(symbol)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasTestAnnotation(Symbol symbol) {
    for (var mirror : symbol.getAnnotationMirrors()) {
      String name = mirror.getAnnotationType().asElement().toString();
      if (name.startsWith("org.junit.") || name.startsWith("org.testng.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the code at {@code path} is in a method annotated {@code @VisibleForTesting} (Guava's,
   * AndroidX's or a project's own, by simple name): a hook whose callers are tests. Such methods
   * may be called by production code too, so only checks about how a method waits for its own
   * result ask this, not those about the thread it runs on.
   */
  public static boolean isTestHook(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree tree) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        if (method == null) {
          return false;
        }
        for (var mirror : method.getAnnotationMirrors()) {
          if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("VisibleForTesting")) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** Whether the code at {@code path} is in a {@code public static void main(String[])}. */
  public static boolean isInMain(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree tree) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        if (method != null && isMain(method, state)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isMain(MethodSymbol method, VisitorState state) {
    if (!method.getSimpleName().contentEquals("main")
        || !method.isStatic()
        || method.getParameters().size() != 1) {
      return false;
    }
    Type parameter = method.getParameters().get(0).type;
    return parameter instanceof Type.ArrayType array
        && state.getTypes().isSameType(array.elemtype, state.getSymtab().stringType);
  }
}
