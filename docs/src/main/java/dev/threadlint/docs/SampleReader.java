package dev.threadlint.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.JavadocComment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the samples with javaparser: the story (the file's Javadoc), the {@code Pitfall} and
 * {@code Fix} classes and the code they share, cut from the file's own text so that comments and
 * formatting stay exactly as written.
 */
final class SampleReader {
  private final JavaParser parser =
      new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));
  private final Path repositoryRoot;

  SampleReader(Path repositoryRoot) {
    this.repositoryRoot = repositoryRoot;
  }

  /** Every sample under {@code samplesRoot/dev/threadlint/samples/<family>/}, sorted by path. */
  List<Sample> readAll(Path samplesRoot) throws IOException {
    Path base = samplesRoot.resolve("dev/threadlint/samples");
    if (!Files.isDirectory(base)) {
      throw new IOException("no samples under " + base);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(base)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    List<Sample> samples = new ArrayList<>();
    for (Path file : files) {
      String family = base.relativize(file).getNameCount() > 1 ? base.relativize(file).getName(0).toString() : "";
      samples.add(read(file, family));
    }
    return samples;
  }

  Sample read(Path file, String family) throws IOException {
    String source = Files.readString(file, UTF_8);
    List<String> lines = source.lines().toList();
    ParseResult<CompilationUnit> parsed = parser.parse(source);
    CompilationUnit unit =
        parsed.getResult()
            .filter(u -> parsed.isSuccessful())
            .orElseThrow(() -> new IOException(file + " does not parse: " + parsed.getProblems()));
    String id = file.getFileName().toString().replaceFirst("\\.java$", "");
    TypeDeclaration<?> top =
        unit.getTypes().stream()
            .filter(t -> t.getNameAsString().equals(id))
            .findFirst()
            .orElseThrow(() -> new IOException(file + " declares no class " + id));

    Sample.Part pitfall = null;
    Sample.Part fix = null;
    List<Snippet> shared = new ArrayList<>();
    for (BodyDeclaration<?> member : top.getMembers()) {
      String name = member instanceof TypeDeclaration<?> type ? type.getNameAsString() : "";
      if (name.equals("Pitfall") || name.equals("Fix")) {
        Sample.Part part =
            new Sample.Part(
                javadoc(member),
                Snippet.of(lines, begin(member, false), end(member)),
                begin(member, true),
                end(member));
        if (name.equals("Pitfall")) {
          pitfall = part;
        } else {
          fix = part;
        }
      } else if (!isPrivateNoArgConstructor(member)) {
        shared.add(Snippet.of(lines, begin(member, true), end(member)));
      }
    }

    Map<Integer, String> markers = new TreeMap<>();
    for (int n = 1; n <= lines.size(); n++) {
      int at = lines.get(n - 1).indexOf(Snippet.MARKER);
      if (at >= 0 && pitfall != null && pitfall.contains(n)) {
        markers.put(n, lines.get(n - 1).substring(at + Snippet.MARKER.length()).strip());
      }
    }
    List<String> imports = unit.getImports().stream().map(ImportDeclaration::getNameAsString).toList();
    return new Sample(
        id,
        repositoryRoot.relativize(file.toAbsolutePath().normalize()),
        family,
        javadoc(top),
        pitfall,
        fix,
        Snippet.join(shared),
        markers,
        Frameworks.fromImports(imports));
  }

  private static String javadoc(Node node) {
    Optional<JavadocComment> comment =
        node.getComment().filter(JavadocComment.class::isInstance).map(JavadocComment.class::cast);
    return comment.map(c -> c.parse().getDescription().toText()).orElse("").strip();
  }

  /** The first line of a member, with its comment or without it (the comment becomes a caption). */
  private static int begin(Node node, boolean withComment) {
    int line = node.getBegin().orElseThrow().line;
    if (withComment && node.getComment().isPresent()) {
      line = Math.min(line, node.getComment().get().getBegin().orElseThrow().line);
    }
    return line;
  }

  private static int end(Node node) {
    return node.getEnd().orElseThrow().line;
  }

  private static boolean isPrivateNoArgConstructor(BodyDeclaration<?> member) {
    return member instanceof ConstructorDeclaration c
        && c.isPrivate()
        && c.getParameters().isEmpty()
        && c.getBody().getStatements().isEmpty();
  }
}
