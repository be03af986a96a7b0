package dev.threadlint.bench;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Measures a check's recall on real code by seeding: in copies of the sources of a harness argfile,
 * a statement (by default a {@code Thread.sleep} in a {@code try}) is inserted at the start of
 * every block of one kind, on the line where the block opens, and the copies are compiled with the
 * argfile's own options; a seed counts as found when the check reports a warning on its line.
 *
 * <p>The blocks are found by javac itself, on the unseeded sources, with no help from the plugin:
 *
 * <ul>
 *   <li>{@code override=<type glob>}: the body of every method that overrides a method declared in
 *       a type whose qualified name matches the glob ({@code java.awt.event.*Listener}), by javac's
 *       own {@code Elements#overrides};
 *   <li>{@code synchronized}: the body of every {@code synchronized} block;
 *   <li>{@code returns=<type>}: the body of every method whose return type is that class
 *       ({@code java.util.concurrent.CompletableFuture}), with any type arguments;
 *   <li>{@code lambda=<type glob>,...#<method glob>,...}: the body of every lambda with a
 *       block body passed to a method of a matching type with a matching name, as javac resolves
 *       the call ({@code lambda=io.vertx.*#handler,onSuccess}); a method glob may require a number
 *       of parameters ({@code supplyAsync/1}: not the overload that takes an executor). Lambdas
 *       with an expression body have no brace to seed after and are left out.
 * </ul>
 *
 * <p>Runnable on harness argfiles: {@code java <exports> -cp bench/target/classes
 * dev.threadlint.bench.Seeding [--seed <statement>] <argfile> <blocks> <check> <folder>}. Prints
 * the seeds found and the seeds missed, by file and line; exits 1 when the seeded copies do not
 * compile.
 */
final class Seeding {
  /** A blocking statement that compiles at the start of any block. */
  static final String SLEEP =
      "try { Thread.sleep(1); } catch (InterruptedException seeded) { throw new RuntimeException(seeded); }";

  /**
   * Where a seed goes: after the opening brace at {@code offset}, on {@code line}; {@code what} is
   * the kind of block ("overrides java.awt.event.ActionListener#actionPerformed").
   */
  record Site(Path file, long offset, long line, String what) {}

  /** What the seeded compilation reported: the sites the check reported and those it did not. */
  record Recall(List<Site> found, List<Site> missed, int otherFindings, int exitCode, String output) {}

  private Seeding() {}

  public static void main(String[] args) throws IOException {
    String seed = SLEEP;
    int next = 0;
    if (args.length > 1 && args[0].equals("--seed")) {
      seed = args[1];
      next = 2;
    }
    if (args.length - next != 4) {
      System.err.println(
          "usage: Seeding [--seed <statement>] <argfile> <override=TYPE_GLOB|synchronized|returns=TYPE|lambda=TYPE_GLOB#METHOD_GLOB,...> <check> <folder>");
      System.exit(2);
    }
    Path argfile = Path.of(args[next]);
    String blocks = args[next + 1];
    String check = args[next + 2];
    Path folder = Path.of(args[next + 3]);
    List<String> tokens = readArgfile(argfile);
    List<Site> sites;
    try {
      sites = sites(tokens, blocks);
    } catch (IllegalArgumentException e) {
      System.err.println("Seeding: " + e.getMessage());
      System.exit(2);
      return;
    }
    Recall recall = run(tokens, sites, seed, check, folder);
    report(blocks, check, sites, recall, System.out);
    System.exit(recall.exitCode() == 0 ? 0 : 1);
  }

  /** The tokens of an argfile the harness wrote: one per line, quoted. */
  static List<String> readArgfile(Path argfile) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (String line : Files.readAllLines(argfile, StandardCharsets.UTF_8)) {
      String token = line.strip();
      if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
        token = token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** The options that say how to read and resolve the sources; not the plugin, not the output. */
  private static final Set<String> KEPT_WITH_VALUE = Set.of("-classpath", "-cp", "--class-path", "-encoding", "--release", "-source", "-target");

  /** Finds the sites of {@code blocks} in the argfile's sources, with javac alone. */
  static List<Site> sites(List<String> tokens, String blocks) throws IOException {
    List<String> options = new ArrayList<>(List.of("-proc:none"));
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (KEPT_WITH_VALUE.contains(token) && i + 1 < tokens.size()) {
        options.add(token);
        options.add(tokens.get(++i));
      } else if (token.startsWith("--add-exports") || token.startsWith("--add-opens")) {
        options.add(token);
      } else if (token.endsWith(".java") && !token.startsWith("-")) {
        sources.add(Path.of(token));
      }
    }
    var compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavacTask task =
          (JavacTask) compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      Iterable<? extends CompilationUnitTree> units = task.parse();
      task.analyze();
      diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .findFirst()
          .ifPresent(d -> System.err.println("[seeding] javac could not resolve all the sources, so blocks may be missing: " + d));
      Finder finder = new Finder(blocks, Trees.instance(task), task.getElements(), task.getTypes());
      for (CompilationUnitTree unit : units) {
        finder.scan(unit, null);
      }
      return finder.sites;
    }
  }

  /** Collects the sites of one kind of block. */
  private static final class Finder extends TreePathScanner<Void, Void> {
    private final List<Site> sites = new ArrayList<>();
    private final Trees trees;
    private final Elements elements;
    private final Types types;
    private final boolean synchronizedBlocks;
    private final Pattern overridden;
    private final String returned;
    private final Pattern calleeType;
    /** The method globs of {@code lambda=}, each with the number of parameters it requires (-1: any). */
    private final Map<Pattern, Integer> calleeNames = new LinkedHashMap<>();
    private CompilationUnitTree unit;

    Finder(String blocks, Trees trees, Elements elements, Types types) {
      this.trees = trees;
      this.elements = elements;
      this.types = types;
      this.synchronizedBlocks = blocks.equals("synchronized");
      this.overridden = blocks.startsWith("override=") ? glob(blocks.substring("override=".length())) : null;
      this.returned = blocks.startsWith("returns=") ? blocks.substring("returns=".length()) : null;
      String callee = blocks.startsWith("lambda=") ? blocks.substring("lambda=".length()) : null;
      if (callee != null && callee.indexOf('#') < 0) {
        throw new IllegalArgumentException("lambda= needs TYPE_GLOB#METHOD_GLOB: " + blocks);
      }
      this.calleeType = callee == null ? null : globs(callee.substring(0, callee.indexOf('#')).split(","));
      if (callee != null) {
        for (String name : callee.substring(callee.indexOf('#') + 1).split(",")) {
          int slash = name.indexOf('/');
          calleeNames.put(glob(slash < 0 ? name : name.substring(0, slash)), slash < 0 ? -1 : parameters(name.substring(slash + 1), blocks));
        }
      }
      if (!synchronizedBlocks && overridden == null && returned == null && calleeType == null) {
        throw new IllegalArgumentException(
            "unknown kind of block: " + blocks + " (override=TYPE_GLOB, synchronized, returns=TYPE or lambda=TYPE_GLOB#METHOD_GLOB)");
      }
    }

    private static int parameters(String count, String blocks) {
      try {
        return Integer.parseInt(count);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number of parameters: /" + count + " in " + blocks);
      }
    }

    @Override
    public Void visitCompilationUnit(CompilationUnitTree tree, Void unused) {
      unit = tree;
      return super.visitCompilationUnit(tree, null);
    }

    @Override
    public Void visitSynchronized(SynchronizedTree tree, Void unused) {
      if (synchronizedBlocks) {
        add(tree.getBlock(), "synchronized block");
      }
      return super.visitSynchronized(tree, null);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      if (tree.getBody() != null && trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
        if (overridden != null) {
          String declarer = overriddenDeclarer(method);
          if (declarer != null) {
            add(tree.getBody(), "overrides " + declarer);
          }
        } else if (returned != null
            && method.getReturnType().getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) method.getReturnType()).asElement()).getQualifiedName().contentEquals(returned)) {
          add(tree.getBody(), "returns " + returned);
        }
      }
      return super.visitMethod(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      if (calleeType != null) {
        seedLambdas(tree.getArguments());
      }
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      if (calleeType != null) {
        seedLambdas(tree.getArguments());
      }
      return super.visitNewClass(tree, null);
    }

    /** Seeds the block lambdas among the arguments of the call at the current path, if it matches. */
    private void seedLambdas(List<? extends ExpressionTree> arguments) {
      if (arguments.stream().noneMatch(a -> a instanceof LambdaExpressionTree lambda && lambda.getBody() instanceof BlockTree)) {
        return;
      }
      if (!(trees.getElement(getCurrentPath()) instanceof ExecutableElement callee)
          || !(callee.getEnclosingElement() instanceof TypeElement owner)) {
        return;
      }
      String name = callee.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : callee.getSimpleName().toString();
      String ownerName = owner.getQualifiedName().toString();
      int arity = callee.getParameters().size();
      if (!calleeType.matcher(ownerName).matches()
          || calleeNames.entrySet().stream().noneMatch(n -> n.getKey().matcher(name).matches() && (n.getValue() < 0 || n.getValue() == arity))) {
        return;
      }
      for (ExpressionTree argument : arguments) {
        if (argument instanceof LambdaExpressionTree lambda && lambda.getBody() instanceof BlockTree body) {
          add(body, "lambda passed to " + ownerName + "#" + name);
        }
      }
    }

    /** The qualified name of a matching type that declares a method {@code method} overrides, or null. */
    private String overriddenDeclarer(ExecutableElement method) {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(owner.asType()));
      Set<String> seen = new HashSet<>();
      while (!pending.isEmpty()) {
        TypeMirror supertype = pending.pop();
        if (!(supertype instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement type)) {
          continue;
        }
        String name = type.getQualifiedName().toString();
        if (!seen.add(name)) {
          continue;
        }
        if (overridden.matcher(name).matches()) {
          for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement candidate
                && candidate.getSimpleName().equals(method.getSimpleName())
                && elements.overrides(method, candidate, owner)) {
              return name + "#" + candidate.getSimpleName();
            }
          }
        }
        pending.addAll(types.directSupertypes(supertype));
      }
      return null;
    }

    private void add(BlockTree block, String what) {
      long start = trees.getSourcePositions().getStartPosition(unit, block);
      if (start < 0) {
        return;
      }
      long line = unit.getLineMap().getLineNumber(start);
      sites.add(new Site(Path.of(unit.getSourceFile().toUri()), start, line, what));
    }
  }

  /** Any of several globs. */
  static Pattern globs(String... globs) {
    List<String> alternatives = new ArrayList<>();
    for (String glob : globs) {
      alternatives.add("(?:" + glob(glob).pattern() + ")");
    }
    return Pattern.compile(String.join("|", alternatives));
  }

  /** A glob on qualified names: {@code *} matches any run of characters. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * Writes the seeded copies under {@code folder}, compiles them with the argfile's options (the
   * other sources as they are) in this JVM, and reads which seeds {@code check} reported.
   */
  static Recall run(List<String> tokens, List<Site> sites, String seed, String check, Path folder) throws IOException {
    Path copies = folder.resolve("src");
    Path classes = folder.resolve("classes");
    Files.createDirectories(classes);
    Map<Path, List<Site>> byFile = new LinkedHashMap<>();
    sites.forEach(site -> byFile.computeIfAbsent(site.file(), f -> new ArrayList<>()).add(site));
    Map<String, String> seeded = new LinkedHashMap<>(); // original path -> copy
    for (Map.Entry<Path, List<Site>> entry : byFile.entrySet()) {
      Path original = entry.getKey();
      StringBuilder text = new StringBuilder(Files.readString(original, StandardCharsets.UTF_8));
      List<Site> inFile = new ArrayList<>(entry.getValue());
      inFile.sort(Comparator.comparingLong(Site::offset).reversed()); // from the end: offsets stay valid
      for (Site site : inFile) {
        text.insert((int) site.offset() + 1, " " + seed + " "); // after the brace, on its line
      }
      Path copy = copies.resolve(original.toAbsolutePath().toString().substring(1));
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, text, StandardCharsets.UTF_8);
      seeded.put(original.toAbsolutePath().normalize().toString(), copy.toString());
    }
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.equals("-d") && i + 1 < tokens.size()) {
        argv.add("-d");
        argv.add(classes.toString());
        i++;
      } else {
        String copy = token.endsWith(".java") ? seeded.get(Path.of(token).toAbsolutePath().normalize().toString()) : null;
        argv.add(copy != null ? copy : token);
      }
    }
    StringWriter output = new StringWriter();
    int exit;
    try (PrintWriter writer = new PrintWriter(output)) {
      exit = CheckTimings.compile(argv.toArray(String[]::new), writer).exitCode();
    }
    Diagnostics diagnostics = Diagnostics.parse(output.toString(), copies, Set.of(check));
    Set<String> reported = new HashSet<>();
    diagnostics.findings().forEach(f -> reported.add(f.file() + ":" + f.line()));
    List<Site> found = new ArrayList<>();
    List<Site> missed = new ArrayList<>();
    Set<String> seedLines = new HashSet<>();
    for (Site site : sites) {
      String where = site.file().toAbsolutePath().toString().substring(1) + ":" + site.line();
      seedLines.add(where);
      (reported.contains(where) ? found : missed).add(site);
    }
    int other = (int) diagnostics.findings().stream().filter(f -> !seedLines.contains(f.file() + ":" + f.line())).count();
    return new Recall(found, missed, other, exit, output.toString());
  }

  static void report(String blocks, String check, List<Site> sites, Recall recall, PrintStream out) {
    if (recall.exitCode() != 0) {
      out.println("[seeding] the seeded copies did not compile (exit " + recall.exitCode() + "):");
      recall.output().lines().filter(l -> l.contains("error")).limit(20).forEach(l -> out.println("[seeding]   " + l));
    }
    Map<String, Integer> byWhat = new TreeMap<>();
    sites.forEach(s -> byWhat.merge(s.what(), 1, Integer::sum));
    out.printf(
        "[seeding] %s: %d seeds in %s, found %d (%.0f%%), missed %d; %d more %s findings on other lines%n",
        check,
        sites.size(),
        blocks,
        recall.found().size(),
        sites.isEmpty() ? 0.0 : 100.0 * recall.found().size() / sites.size(),
        recall.missed().size(),
        recall.otherFindings(),
        check);
    byWhat.forEach((what, n) -> out.printf("[seeding]   %4d × %s%n", n, what));
    recall.missed().forEach(s -> out.printf("[seeding] missed %s:%d (%s)%n", s.file(), s.line(), s.what()));
  }
}
