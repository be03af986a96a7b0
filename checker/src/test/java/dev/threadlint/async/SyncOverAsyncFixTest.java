package dev.threadlint.async;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The fix {@link SyncOverAsync} suggests for a completed value that only unwraps another future. */
class SyncOverAsyncFixTest {
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(SyncOverAsync.class, getClass());

  @Test
  void completedFutureOfAJoinBecomesTheFutureItself() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load(int id) {",
            "    return CompletableFuture.completedFuture(fetch(id).join());",
            "  }",
            "}")
        .addOutputLines(
            "Users.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Users {",
            "  CompletableFuture<String> fetch(int id) { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load(int id) {",
            "    return fetch(id);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void monoJustOfABlockBecomesTheMonoItself() {
    refactoring
        .addInputLines(
            "Profiles.java",
            "import reactor.core.publisher.Mono;",
            "class Profiles {",
            "  Mono<String> avatar(String id) { return Mono.empty(); }",
            "  Mono<String> profile(String id) {",
            "    return Mono.just(avatar(id).block());",
            "  }",
            "}")
        .addOutputLines(
            "Profiles.java",
            "import reactor.core.publisher.Mono;",
            "class Profiles {",
            "  Mono<String> avatar(String id) { return Mono.empty(); }",
            "  Mono<String> profile(String id) {",
            "    return avatar(id);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheTypesDiffer() {
    refactoring
        .addInputLines(
            "Names.java",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "class Names {",
            "  CompletionStage<String> fetch() { return new CompletableFuture<>(); }",
            "  CompletableFuture<String> load() {",
            "    return CompletableFuture.completedFuture(fetch().toCompletableFuture().join().trim());",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
