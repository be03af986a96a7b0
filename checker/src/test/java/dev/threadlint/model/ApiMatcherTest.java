package dev.threadlint.model;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiMatcher#isSubtype} finds a model type among the supertypes of the type it tests, never
 * looking it up on the class path: a type above a supertype that javac had not completed is
 * found, as is a nested type by its canonical name.
 */
class ApiMatcherTest {
  private CompilationTestHelper probe(String superName) {
    return CompilationTestHelper.newInstance(SubtypeProbe.class, getClass())
        .setArgs("-XepOpt:SubtypeProbe:Super=" + superName);
  }

  @Test
  void findsATypeThatOnlyASupertypeOfASupertypeNames() {
    // Nothing in the file names java.awt.Component or needs JButton's superclasses: javac enters
    // Component only when it completes java.awt.Container, three classes above JButton.
    probe("java.awt.Component")
        .addSourceLines(
            "Ui.java",
            "class Ui {",
            "  void m() {",
            "    // BUG: Diagnostic contains: subtype of java.awt.Component: true",
            "    javax.swing.JButton probe = null;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void findsANestedTypeByItsCanonicalName() {
    probe("java.util.Map.Entry")
        .addSourceLines(
            "Pairs.java",
            "class Pairs {",
            "  void m() {",
            "    // BUG: Diagnostic contains: subtype of java.util.Map.Entry: true",
            "    java.util.AbstractMap.SimpleEntry<String, String> probe = null;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aTypeOutsideTheHierarchyIsNot() {
    probe("io.vertx.core.Vertx")
        .addSourceLines(
            "Plain.java",
            "class Plain {",
            "  void m() {",
            "    // BUG: Diagnostic contains: subtype of io.vertx.core.Vertx: false",
            "    java.util.ArrayList<String> probe = null;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aTypeNotOnTheClassPathIsNot() {
    probe("com.example.NotOnTheClassPath")
        .addSourceLines(
            "Plain.java",
            "class Plain {",
            "  void m() {",
            "    // BUG: Diagnostic contains: subtype of com.example.NotOnTheClassPath: false",
            "    String probe = null;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aClassOfThisCompilationIsFound() {
    probe("Base")
        .addSourceLines("Base.java", "class Base {}")
        .addSourceLines(
            "Derived.java",
            "class Derived extends Base {",
            "  void m() {",
            "    // BUG: Diagnostic contains: subtype of Base: true",
            "    Derived probe = null;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anArrayIsCloneable() {
    probe("java.lang.Cloneable")
        .addSourceLines(
            "Arrays.java",
            "class Arrays {",
            "  void m() {",
            "    // BUG: Diagnostic contains: subtype of java.lang.Cloneable: true",
            "    String[] probe = null;",
            "  }",
            "}")
        .doTest();
  }
}
