package dev.threadlint.model;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.LambdaExpressionTree;
import dev.threadlint.config.ConfiguredAnalysis;
import dev.threadlint.eventloop.BlockingCallInEventLoop;
import org.junit.jupiter.api.Test;

/**
 * Where the lambdas of streams run, per the built-in model: on the caller's thread for a
 * sequential pipeline, on {@code ForkJoinPool.commonPool()} for a parallel one (the last
 * {@code parallel()}/{@code sequential()} of the pipeline decides for all of it, as at run time),
 * and the parallel array operations.
 */
class ParallelStreamContextTest {
  /** Reports, at every lambda, the context the model gives it. */
  @BugPattern(summary = "the context of a lambda", severity = BugPattern.SeverityLevel.WARNING)
  public static final class ContextProbe extends BugChecker implements LambdaExpressionTreeMatcher {
    private final ConfiguredAnalysis analysis = new ConfiguredAnalysis(ErrorProneFlags.empty());

    @Override
    public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
      ThreadContext context =
          analysis.get(state).contexts().contextOfFunctional(state.getPath(), state);
      return buildDescription(tree)
          .setMessage("context " + context.kind() + ": " + context.reason())
          .build();
    }
  }

  private final CompilationTestHelper probe =
      CompilationTestHelper.newInstance(ContextProbe.class, getClass());

  private CompilationTestHelper streams(String... statements) {
    String[] lines = new String[statements.length + 10];
    lines[0] = "import java.util.*;";
    lines[1] = "import java.util.stream.*;";
    lines[2] = "class Streams {";
    lines[3] = "  void run(List<String> names, int[] numbers, String[] words,";
    lines[4] = "      Spliterator<String> spliterator, boolean flag) {";
    System.arraycopy(statements, 0, lines, 5, statements.length);
    lines[statements.length + 5] = "  }";
    lines[statements.length + 6] = "}";
    lines[statements.length + 7] = "";
    lines[statements.length + 8] = "";
    lines[statements.length + 9] = "";
    return probe.addSourceLines("Streams.java", lines);
  }

  @Test
  void lambdaOfParallelStreamRunsOnTheCommonPool() {
    streams(
            "// BUG: Diagnostic contains: context COMMON_POOL: this lambda is passed to"
                + " `java.util.stream.Stream#map` of a parallel stream (made parallel by"
                + " `parallelStream()`), which runs it on ForkJoinPool.commonPool()",
            "names.parallelStream().map(n -> n.trim()).count();")
        .doTest();
  }

  @Test
  void lambdaOfSequentialStreamRunsOnTheCaller() {
    streams(
            "// BUG: Diagnostic contains: context CALLER",
            "names.stream().map(n -> n.trim()).count();")
        .doTest();
  }

  @Test
  void parallelLaterInTheChainMakesTheWholePipelineParallel() {
    streams(
            "names.stream()",
            "    // BUG: Diagnostic contains: context COMMON_POOL: this lambda is passed to"
                + " `java.util.stream.Stream#map` of a parallel stream (made parallel by `parallel()`)",
            "    .map(n -> n.trim())",
            "    .parallel()",
            "    // BUG: Diagnostic contains: context COMMON_POOL",
            "    .forEach(n -> n.length());")
        .doTest();
  }

  @Test
  void sequentialAfterParallelResetsTheWholePipeline() {
    streams(
            "names.parallelStream()",
            "    // BUG: Diagnostic contains: context CALLER",
            "    .map(n -> n.trim())",
            "    .sequential()",
            "    // BUG: Diagnostic contains: context CALLER",
            "    .forEach(n -> n.length());")
        .doTest();
  }

  @Test
  void parallelAfterSequentialMakesItParallelAgain() {
    streams(
            "names.stream().sequential().parallel()",
            "    // BUG: Diagnostic contains: context COMMON_POOL",
            "    .forEach(n -> n.length());")
        .doTest();
  }

  @Test
  void aNewStreamAfterTheTerminalOperationIsANewPipeline() {
    streams(
            "names.parallelStream().collect(Collectors.toList()).stream()",
            "    // BUG: Diagnostic contains: context CALLER",
            "    .forEach(n -> n.length());")
        .doTest();
  }

  @Test
  void optionalAfterAParallelPipelineRunsOnTheCaller() {
    streams(
            "names.parallelStream().findFirst()",
            "    // BUG: Diagnostic contains: context CALLER",
            "    .map(n -> n.trim());")
        .doTest();
  }

  @Test
  void primitiveStreamsMadeParallel() {
    streams(
            "// BUG: Diagnostic contains: `java.util.stream.IntStream#forEach` of a parallel stream",
            "IntStream.range(0, 10).parallel().forEach(i -> Integer.toString(i));")
        .doTest();
  }

  @Test
  void streamSupportWithParallelTrue() {
    streams(
            "// BUG: Diagnostic contains: context COMMON_POOL: this lambda is passed to"
                + " `java.util.stream.Stream#forEach` of a parallel stream (made parallel by `stream()`)",
            "StreamSupport.stream(spliterator, true).forEach(s -> s.length());")
        .doTest();
  }

  @Test
  void streamSupportWithParallelFalse() {
    streams(
            "// BUG: Diagnostic contains: context CALLER",
            "StreamSupport.stream(spliterator, false).forEach(s -> s.length());")
        .doTest();
  }

  @Test
  void streamSupportWithAFlagTheCodeDoesNotShowIsUnknown() {
    streams(
            "// BUG: Diagnostic contains: context UNKNOWN",
            "StreamSupport.stream(spliterator, flag).forEach(s -> s.length());")
        .doTest();
  }

  @Test
  void streamHeldInAVariableKeepsTheCallbackRules() {
    streams(
            "Stream<String> parallel = names.parallelStream();",
            "// BUG: Diagnostic contains: context CALLER",
            "parallel.forEach(s -> s.length());")
        .doTest();
  }

  @Test
  void parallelArrayOperations() {
    streams(
            "// BUG: Diagnostic contains: context COMMON_POOL: this lambda is passed to"
                + " `java.util.Arrays#parallelSetAll`, which runs it on ForkJoinPool.commonPool()",
            "Arrays.parallelSetAll(numbers, i -> i * 2);",
            "// BUG: Diagnostic contains: context COMMON_POOL",
            "Arrays.parallelPrefix(numbers, (a, b) -> a + b);",
            "// BUG: Diagnostic contains: context COMMON_POOL",
            "Arrays.parallelSort(words, (a, b) -> a.compareTo(b));",
            "// BUG: Diagnostic contains: context CALLER",
            "Arrays.stream(numbers).forEach(i -> Integer.toString(i));")
        .doTest();
  }

  /** The terminal operation waits for the parallel work: a method running one blocks. */
  @Test
  void blockingInAParallelStreamMakesTheMethodAroundItBlock() {
    CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass())
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.List;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Cache {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx, List<String> keys) {",
            "    // BUG: Diagnostic contains: refreshAll() → ReentrantLock.lock()",
            "    vertx.setPeriodic(1000, id -> refreshAll(keys));",
            "  }",
            "  private void refreshAll(List<String> keys) {",
            "    keys.parallelStream().forEach(key -> lock.lock());",
            "  }",
            "}")
        .doTest();
  }

  /** The event loop that runs a parallel stream waits for its lambdas, and runs some itself. */
  @Test
  void blockingInAParallelStreamOnAnEventLoopBlocksTheLoopToo() {
    CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass())
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.List;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Cache {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx, List<String> keys) {",
            "    vertx.setPeriodic(1000, id -> keys.parallelStream().forEach(key -> {",
            "      // BUG: Diagnostic contains: This lambda is passed to `java.util.stream.Stream#forEach`"
                + " of a parallel stream (made parallel by `parallelStream()`), which runs it on"
                + " ForkJoinPool.commonPool(), while the thread that runs the stream takes part and"
                + " waits for it: this lambda is passed to `io.vertx.core.Vertx#setPeriodic`",
            "      lock.lock();",
            "    }));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void asyncTasksAreNotAwaitedByTheEventLoop() {
    CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass())
        .addSourceLines(
            "Cache.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Cache {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  void start(Vertx vertx) {",
            "    vertx.setPeriodic(1000, id -> CompletableFuture.runAsync(() -> lock.lock()));",
            "  }",
            "}")
        .doTest();
  }
}
