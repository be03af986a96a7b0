package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Timed sources and operators ({@code interval}, {@code delayElements}, {@code Mono.delay})
 * emit on their own scheduler (Reactor's parallel, RxJava's computation): a {@code subscribeOn}
 * does not move the operators after them. Found while writing the samples: an RxJava
 * {@code interval(...).map(blocking).subscribeOn(io())} poller was missed.
 */
class TimedReactiveSourceTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  @Test
  void rxIntervalIgnoresSubscribeOn() {
    helper
        .addSourceLines(
            "Poller.java",
            "import io.reactivex.rxjava3.core.Observable;",
            "import io.reactivex.rxjava3.schedulers.Schedulers;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.util.concurrent.TimeUnit;",
            "class Poller {",
            "  Observable<String> poll(Path file) {",
            "    return Observable.interval(1, TimeUnit.MINUTES)",
            "        // BUG: Diagnostic contains: after `interval`",
            "        .map(tick -> Files.readString(file))",
            "        .subscribeOn(Schedulers.io());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void reactorIntervalIsReported() {
    helper
        .addSourceLines(
            "Poller.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.time.Duration;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.scheduler.Schedulers;",
            "class Poller {",
            "  Flux<String> poll(Path file) {",
            "    return Flux.interval(Duration.ofMinutes(1))",
            "        // BUG: Diagnostic contains: BlockingCallInEventLoop",
            "        .map(tick -> { try { return Files.readString(file); } catch (Exception e) { throw new RuntimeException(e); } })",
            "        .subscribeOn(Schedulers.boundedElastic());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void intervalOnABlockingFriendlySchedulerIsSilent() {
    helper
        .addSourceLines(
            "Poller.java",
            "import io.reactivex.rxjava3.core.Observable;",
            "import io.reactivex.rxjava3.schedulers.Schedulers;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.util.concurrent.TimeUnit;",
            "class Poller {",
            "  Observable<String> poll(Path file) {",
            "    return Observable.interval(1, TimeUnit.MINUTES, Schedulers.io())",
            "        .map(tick -> Files.readString(file));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void publishOnAfterTheTimerMovesTheOperator() {
    helper
        .addSourceLines(
            "Poller.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.time.Duration;",
            "import reactor.core.publisher.Flux;",
            "import reactor.core.scheduler.Schedulers;",
            "class Poller {",
            "  Flux<String> poll(Path file) {",
            "    return Flux.interval(Duration.ofMinutes(1))",
            "        .publishOn(Schedulers.boundedElastic())",
            "        .map(tick -> { try { return Files.readString(file); } catch (Exception e) { throw new RuntimeException(e); } });",
            "  }",
            "}")
        .doTest();
  }
}
