package dev.threadlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.javac.api.JavacTaskImpl;
import com.sun.tools.javac.api.JavacTool;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberPatternTest {
  // A javac with no sources: enough to look up JDK symbols for parameter matching.
  private static final JavacTaskImpl JAVAC =
      (JavacTaskImpl) JavacTool.create().getTask(null, null, null, List.of(), null, List.of());
  private static final Types TYPES = Types.instance(JAVAC.getContext());

  /** The methods (or constructors, for {@code <init>}) of that name declared in the JDK type. */
  private static List<MethodSymbol> methods(String type, String name) {
    TypeElement element = JAVAC.getElements().getTypeElement(type);
    return element.getEnclosedElements().stream()
        .filter(e -> e instanceof MethodSymbol m && m.getSimpleName().contentEquals(name))
        .map(e -> (MethodSymbol) e)
        .collect(Collectors.toList());
  }

  /** The one method of that name whose erased parameter types print as {@code params}. */
  private static MethodSymbol method(String type, String name, String params) {
    for (MethodSymbol m : methods(type, name)) {
      String erased =
          m.getParameters().stream()
              .map(p -> TYPES.erasure(p.type).toString())
              .collect(Collectors.joining(","));
      if (erased.equals(params)) {
        return m;
      }
    }
    throw new AssertionError("no " + type + "#" + name + "(" + params + ")");
  }

  private static boolean matches(String pattern, MethodSymbol method) {
    MemberPattern parsed = MemberPattern.parse(pattern);
    return parsed.nameMatches(method.getSimpleName().toString())
        && parsed.paramsMatch(method, TYPES);
  }

  // --- Parsing ----------------------------------------------------------------------------------

  @Test
  void exactTypeAndName() {
    MemberPattern pattern = MemberPattern.parse("java.lang.Thread#sleep");

    assertEquals("java.lang.Thread", pattern.type());
    assertTrue(pattern.isExactType());
    assertEquals("sleep", pattern.exactName());
    assertEquals("java.lang.Thread#sleep", pattern.toString());
  }

  @Test
  void globNameHasNoExactName() {
    MemberPattern pattern = MemberPattern.parse("java.util.concurrent.Semaphore#acquire*");

    assertNull(pattern.exactName());
    assertTrue(pattern.nameMatches("acquire"));
    assertTrue(pattern.nameMatches("acquireUninterruptibly"));
    assertFalse(pattern.nameMatches("tryAcquire"));
  }

  @Test
  void globStarsMatchPrefixSuffixAndInfixInOrder() {
    MemberPattern suffix = MemberPattern.parse("java.util.EventListener#*Changed");
    MemberPattern infix = MemberPattern.parse("io.vertx.core.Vertx#exec*Blocking*Now");

    assertTrue(suffix.nameMatches("stateChanged"));
    assertTrue(suffix.nameMatches("Changed"));
    assertFalse(suffix.nameMatches("changedState"));
    assertTrue(infix.nameMatches("execBlockingNow"));
    assertTrue(infix.nameMatches("executeBlockingLaterNow"));
    assertFalse(infix.nameMatches("execNowBlocking"));
    assertFalse(infix.nameMatches("execBlockingNo"));
    // the prefix and the suffix may not share characters
    assertFalse(MemberPattern.parse("a.B#ab*ba").nameMatches("aba"));
  }

  @Test
  void constructorName() {
    MemberPattern pattern = MemberPattern.parse("java.io.FileReader#<init>");

    assertEquals("<init>", pattern.exactName());
    assertTrue(pattern.nameMatches("<init>"));
    assertFalse(pattern.nameMatches("read"));
  }

  @Test
  void starNameMatchesAnyMethod() {
    MemberPattern pattern = MemberPattern.parse("java.util.Optional#*");

    assertTrue(pattern.nameMatches("map"));
    assertTrue(pattern.nameMatches("ifPresentOrElse"));
    assertTrue(pattern.namesAnyMethod());
    assertTrue(MemberPattern.parse("a.B#**").namesAnyMethod());
    assertFalse(MemberPattern.parse("a.B#get*").namesAnyMethod());
    assertFalse(MemberPattern.parse("a.B#*Async").namesAnyMethod());
    assertFalse(MemberPattern.parse("a.B#get").namesAnyMethod());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.Thread.sleep", // no #
        "#sleep", // no type
        "java.lang.Thread#", // no name
        "java.lang.Thread#sleep(long", // unclosed parameters
        "java lang.Thread#sleep", // space in the type
        "java.lang.Thread#sl-eep", // not a name
        "java.lang.Thread#sleep#again",
        "java.lang.Thread#sleep(long))", // a stray parenthesis inside the list
        "java.lang.Thread#sleep(long,,int)", // an empty parameter
        "java.lang.Thread#sleep(..,long)", // `..` only at the end
        "java.lang.Thread#sleep(long int)",
        "java.lang.Thread#sleep(java..lang.Long)", // an empty name segment
        "java.lang.Thread#sleep(.Long)",
        "java.lang.Thread#sleep(Long.)",
        "java.lang.Thread#sleep(long[)", // brackets come in pairs, after the name
        "java.lang.Thread#sleep([]long)",
        "java.lang.Thread#sleep(long[]x)",
        "java.lang.Thread#sléep", // names are ASCII in the model files
      })
  void malformedPatternsAreRejected(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MemberPattern.parse(text));

    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void malformedMessageSaysWhatIsExpected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MemberPattern.parse("java.lang.Thread.sleep"));

    assertEquals("expected type#method, got 'java.lang.Thread.sleep'", e.getMessage());
  }

  // --- Type globs -------------------------------------------------------------------------------

  @Test
  void exactTypeMatchesOnlyItsOwnName() {
    MemberPattern pattern = MemberPattern.parse("java.util.concurrent.Future#get");

    assertTrue(pattern.typeNameMatches("java.util.concurrent.Future"));
    assertFalse(pattern.typeNameMatches("java.util.concurrent.FutureTask"));
  }

  @Test
  void singleStarStaysInOnePackage() {
    MemberPattern pattern = MemberPattern.parse("java.awt.event.*Listener#*");

    assertFalse(pattern.isExactType());
    assertTrue(pattern.typeNameMatches("java.awt.event.ActionListener"));
    assertTrue(pattern.typeNameMatches("java.awt.event.MouseListener"));
    assertFalse(pattern.typeNameMatches("java.awt.event.MouseAdapter"));
    assertFalse(pattern.typeNameMatches("java.awt.event.sub.KeyListener"));
    assertFalse(pattern.typeNameMatches("javax.swing.event.ChangeListener"));
  }

  @Test
  void doubleStarCrossesPackages() {
    MemberPattern pattern = MemberPattern.parse("io.vertx.**#*");

    assertTrue(pattern.typeNameMatches("io.vertx.core.Vertx"));
    assertTrue(pattern.typeNameMatches("io.vertx.ext.web.Route"));
    assertFalse(pattern.typeNameMatches("io.vertxx.core.Vertx"));
    assertFalse(pattern.typeNameMatches("org.io.vertx.core.Vertx"));
  }

  @Test
  void starsMatchAgainstTheFirstPlaceThatLetsTheRestMatch() {
    // Backtracking: the first "Foo" after the star is not the one the pattern needs.
    MemberPattern twice = MemberPattern.parse("a.*Foo*Bar#run");
    assertTrue(twice.typeNameMatches("a.XFooFooBar"));
    assertTrue(twice.typeNameMatches("a.FooBar"));
    assertFalse(twice.typeNameMatches("a.FooBaz"));
    assertFalse(twice.typeNameMatches("a.Foo.Bar")); // one star stays in one segment

    MemberPattern deepInside = MemberPattern.parse("io.**.impl.*Handler#handle");
    assertTrue(deepInside.typeNameMatches("io.vertx.core.impl.EventHandler"));
    assertTrue(deepInside.typeNameMatches("io.x.impl.Handler"));
    assertFalse(deepInside.typeNameMatches("io.impl.Handler")); // the dots around ** are literal
    assertFalse(deepInside.typeNameMatches("io.vertx.impl.sub.Handler"));

    MemberPattern triple = MemberPattern.parse("a.***#run"); // more than two stars: as two
    assertTrue(triple.typeNameMatches("a.b.C"));
    assertFalse(triple.typeNameMatches("b.C"));

    MemberPattern any = MemberPattern.parse("**#run");
    assertTrue(any.typeNameMatches("a.b.C"));
    assertTrue(any.typeNameMatches(""));
  }

  @Test
  void globCharactersOtherThanStarAreLiteral() {
    MemberPattern pattern = MemberPattern.parse("a.b$C*#run");

    assertTrue(pattern.typeNameMatches("a.b$Cx"));
    assertFalse(pattern.typeNameMatches("aXb$Cx")); // the dot is not a regex wildcard
  }

  // --- Parameters -------------------------------------------------------------------------------

  @Test
  void noParameterListMatchesEveryOverload() {
    for (MethodSymbol ctor : methods("java.io.PrintWriter", "<init>")) {
      assertTrue(matches("java.io.PrintWriter#<init>", ctor), ctor.toString());
    }
  }

  @Test
  void emptyParameterListMatchesOnlyNoArguments() {
    assertTrue(matches("java.net.Socket#<init>()", method("java.net.Socket", "<init>", "")));
    assertFalse(
        matches(
            "java.net.Socket#<init>()",
            method("java.net.Socket", "<init>", "java.lang.String,int")));
  }

  @Test
  void exactParametersMatchTheErasedTypesInOrder() {
    String pattern = "java.util.concurrent.BlockingQueue#poll(long,java.util.concurrent.TimeUnit)";

    assertTrue(
        matches(
            pattern,
            method(
                "java.util.concurrent.BlockingQueue", "poll", "long,java.util.concurrent.TimeUnit")));
    assertFalse(matches(pattern, method("java.util.Queue", "poll", "")));
  }

  @Test
  void arrayNestedAndVarargsParametersAreSpelledAsTheModelWritesThem() {
    assertTrue(matches("java.io.InputStream#read(byte[])", method("java.io.InputStream", "read", "byte[]")));
    assertTrue(
        matches(
            "java.util.AbstractMap.SimpleEntry#<init>(java.util.Map.Entry)",
            method("java.util.AbstractMap.SimpleEntry", "<init>", "java.util.Map.Entry")));
    // A varargs parameter is an array.
    assertTrue(
        matches(
            "java.lang.String#format(java.lang.String,java.lang.Object[])",
            method("java.lang.String", "format", "java.lang.String,java.lang.Object[]")));
    assertFalse(
        matches(
            "java.lang.String#format(java.lang.String,java.lang.Object)",
            method("java.lang.String", "format", "java.lang.String,java.lang.Object[]")));
  }

  @Test
  void typeAnnotationsDoNotHideAParametersType() throws Exception {
    // Erasure keeps type annotations on String and primitives, and Type#toString prints them
    // ("@N java.lang.String"): the pattern must still match.
    JavaFileObject source =
        new SimpleJavaFileObject(URI.create("string:///A.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return "import java.lang.annotation.*;"
                + " @Target(ElementType.TYPE_USE) @interface N {}"
                + " class A { void m(@N String s, @N int i, @N Object o) {} }";
          }
        };
    JavacTaskImpl task =
        (JavacTaskImpl) JavacTool.create().getTask(null, null, null, List.of(), null, List.of(source));
    task.analyze();
    MethodSymbol m =
        (MethodSymbol)
            task.getElements().getTypeElement("A").getEnclosedElements().stream()
                .filter(e -> e.getSimpleName().contentEquals("m"))
                .findFirst()
                .orElseThrow();

    assertTrue(
        MemberPattern.parse("A#m(java.lang.String,int,java.lang.Object)")
            .paramsMatch(m, Types.instance(task.getContext())));
  }

  @Test
  void exactParametersMustMatchInNumber() {
    MethodSymbol oneArg = method("java.io.PrintWriter", "<init>", "java.lang.String");
    MethodSymbol twoArgs =
        method("java.io.PrintWriter", "<init>", "java.lang.String,java.lang.String");

    assertTrue(matches("java.io.PrintWriter#<init>(java.lang.String)", oneArg));
    assertFalse(matches("java.io.PrintWriter#<init>(java.lang.String)", twoArgs));
    assertFalse(
        matches("java.io.PrintWriter#<init>(java.lang.String,java.lang.String,int)", twoArgs));
  }

  @Test
  void starMatchesOneParameterOfAnyType() {
    String pattern = "java.util.concurrent.BlockingQueue#offer(*,long,java.util.concurrent.TimeUnit)";

    // The type variable E erases to Object.
    assertTrue(
        matches(
            pattern,
            method(
                "java.util.concurrent.BlockingQueue",
                "offer",
                "java.lang.Object,long,java.util.concurrent.TimeUnit")));
    assertFalse(
        matches(pattern, method("java.util.concurrent.BlockingQueue", "offer", "java.lang.Object")));
  }

  @Test
  void trailingDotDotMatchesAnyRestIncludingNone() {
    String pattern = "java.io.PrintWriter#<init>(java.lang.String,..)";

    assertTrue(matches(pattern, method("java.io.PrintWriter", "<init>", "java.lang.String")));
    assertTrue(
        matches(
            pattern, method("java.io.PrintWriter", "<init>", "java.lang.String,java.lang.String")));
    assertTrue(
        matches(
            pattern,
            method("java.io.PrintWriter", "<init>", "java.lang.String,java.nio.charset.Charset")));
    assertFalse(matches(pattern, method("java.io.PrintWriter", "<init>", "java.io.File")));
    assertFalse(matches(pattern, method("java.io.PrintWriter", "<init>", "java.io.Writer")));
  }

  @Test
  void dotDotAloneMatchesEveryOverload() {
    for (MethodSymbol ctor : methods("java.io.PrintWriter", "<init>")) {
      assertTrue(matches("java.io.PrintWriter#<init>(..)", ctor), ctor.toString());
    }
  }

  @Test
  void arrayAndVarargsParametersUseBrackets() {
    assertTrue(
        matches(
            "java.nio.file.Files#write(java.nio.file.Path,byte[],..)",
            method(
                "java.nio.file.Files",
                "write",
                "java.nio.file.Path,byte[],java.nio.file.OpenOption[]")));
  }
}
