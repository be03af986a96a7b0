package dev.threadlint.async;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The fix {@link EagerBlockingInReactiveAssembly} suggests, against the exact output text. */
class EagerBlockingInReactiveAssemblyFixTest {
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(EagerBlockingInReactiveAssembly.class, getClass());

  @Test
  void monoJustBecomesFromCallableSubscribedOnBoundedElastic() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Mono;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Mono<String> find(String id) {",
            "    return Mono.just(load(id));",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .addOutputLines(
            "Users.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Mono;",
            "import reactor.core.scheduler.Schedulers;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Mono<String> find(String id) {",
            "    return Mono.fromCallable(() -> load(id)).subscribeOn(Schedulers.boundedElastic());",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void anExistingSubscribeOnIsKeptAndNotRepeated() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Mono;",
            "import reactor.core.scheduler.Schedulers;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Mono<String> find(String id) {",
            "    return Mono.just(load(id)).subscribeOn(Schedulers.boundedElastic());",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .addOutputLines(
            "Users.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Mono;",
            "import reactor.core.scheduler.Schedulers;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Mono<String> find(String id) {",
            "    return Mono.fromCallable(() -> load(id)).subscribeOn(Schedulers.boundedElastic());",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void rxJavaSingleJustBecomesFromCallableOnIo() {
    refactoring
        .addInputLines(
            "Users.java",
            "import io.reactivex.rxjava3.core.Single;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Single<String> find(String id) {",
            "    return Single.just(load(id));",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .addOutputLines(
            "Users.java",
            "import io.reactivex.rxjava3.core.Single;",
            "import io.reactivex.rxjava3.schedulers.Schedulers;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Single<String> find(String id) {",
            "    return Single.fromCallable(() -> load(id)).subscribeOn(Schedulers.io());",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheArgumentReadsALocalThatIsReassigned() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Mono;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Mono<String> find(String id) {",
            "    String key = id;",
            "    key = key.trim();",
            "    return Mono.just(load(key));",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForFluxJustWhichHasNoOneArgumentLazyForm() {
    refactoring
        .addInputLines(
            "Users.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import reactor.core.publisher.Flux;",
            "class Users {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Flux<String> find(String id) {",
            "    return Flux.just(load(id));",
            "  }",
            "  String load(String id) { lock.lock(); return id; }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
