package dev.threadlint.async;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The fixes {@link NestedFuture} suggests, checked against the exact output text. */
class NestedFutureFixTest {
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(NestedFuture.class, getClass());

  @Test
  void thenApplyBecomesThenComposeAndTheIdentityUnwrapGoes() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load(CompletableFuture<Integer> id) {",
            "    return id.thenApply(i -> fetch(i)).thenCompose(f -> f);",
            "  }",
            "}")
        .addOutputLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load(CompletableFuture<Integer> id) {",
            "    return id.thenCompose(i -> fetch(i));",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void monoMapBecomesFlatMapAndTheReturnTypeFlattens() {
    refactoring
        .addInputLines(
            "Orders.java",
            "import reactor.core.publisher.Mono;",
            "class Orders {",
            "  Mono<String> find(String id) { return Mono.empty(); }",
            "  Mono<Mono<String>> load(Mono<String> id) {",
            "    return id.map(this::find);",
            "  }",
            "}")
        .addOutputLines(
            "Orders.java",
            "import reactor.core.publisher.Mono;",
            "class Orders {",
            "  Mono<String> find(String id) { return Mono.empty(); }",
            "  Mono<String> load(Mono<String> id) {",
            "    return id.flatMap(this::find);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void localVariableTypeFlattens() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  void load(CompletableFuture<Integer> id) {",
            "    CompletableFuture<CompletableFuture<String>> user = id.thenApply(this::fetch);",
            "  }",
            "}")
        .addOutputLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  void load(CompletableFuture<Integer> id) {",
            "    CompletableFuture<String> user = id.thenCompose(this::fetch);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  /** flatMapMany returns a Flux: the declared Mono of a Flux becomes that Flux. */
  @Test
  void monoMapToAFluxBecomesFlatMapManyAndTheReturnTypeTheFlux() {
    refactoring
        .addInputLines(
            "Lines.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Lines {",
            "  Flux<String> lines(String file) { return Flux.empty(); }",
            "  Mono<Flux<String>> read(Mono<String> file) {",
            "    return file.map(this::lines);",
            "  }",
            "}")
        .addOutputLines(
            "Lines.java",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.publisher.Mono;",
            "class Lines {",
            "  Flux<String> lines(String file) { return Flux.empty(); }",
            "  Flux<String> read(Mono<String> file) {",
            "    return file.flatMapMany(this::lines);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }
}
