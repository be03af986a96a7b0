package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The concurrent contexts the check knows, one per test, and what counts as the other side. */
class UnsynchronizedSharedMutationContextsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnsynchronizedSharedMutation.class, getClass());

  @Test
  void completableFutureRunAsyncAndTheCallerAfterIt() {
    helper
        .addSourceLines(
            "Async.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Async {",
            "  private int state;",
            "  int run() {",
            "    // BUG: Diagnostic contains: `java.util.concurrent.CompletableFuture#runAsync`",
            "    CompletableFuture.runAsync(() -> state = 1);",
            "    // BUG: Diagnostic contains: also written at line 6",
            "    return state;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void completableFutureJoinedBeforeTheReadIsNotReported() {
    helper
        .addSourceLines(
            "Joined.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Joined {",
            "  private int state;",
            "  int run() {",
            "    CompletableFuture.runAsync(() -> state = 1).join();",
            "    return state;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void timerTaskAndTheCodeAfterScheduling() {
    helper
        .addSourceLines(
            "Ticker.java",
            "import java.util.*;",
            "class Ticker {",
            "  private final List<String> log = new ArrayList<>();",
            "  void start(Timer timer) {",
            "    timer.schedule(new TimerTask() {",
            "      @Override public void run() {",
            "        // BUG: Diagnostic contains: `log`, a `ArrayList`, is changed in the task at line 5",
            "        log.add(\"tick\");",
            "      }",
            "    }, 1000);",
            "    // BUG: Diagnostic contains: UnsynchronizedSharedMutation",
            "    log.clear();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodReferenceAndALambdaOnOnePool() {
    helper
        .addSourceLines(
            "Drain.java",
            "import java.util.concurrent.ExecutorService;",
            "class Drain {",
            "  private int drained;",
            "  void drain() {",
            "    // BUG: Diagnostic contains: also updated at line 11 by the task at line 11",
            "    drained++;",
            "  }",
            "  void start(ExecutorService pool) {",
            "    pool.execute(this::drain);",
            "    // BUG: Diagnostic contains: also updated at line 6 by the task at line 9",
            "    pool.execute(() -> drained++);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void eventLoopCallbackAndWorkerTaskShareAField() {
    helper
        .addSourceLines(
            "Mixed.java",
            "import io.vertx.core.Vertx;",
            "import java.util.concurrent.ExecutorService;",
            "class Mixed {",
            "  private long served;",
            "  void start(Vertx vertx, ExecutorService workers) {",
            "    // BUG: Diagnostic contains: also written at line 9 by the task at line 9",
            "    vertx.setPeriodic(1000, id -> served++);",
            "    // BUG: Diagnostic contains: whose callbacks run on a Vert.x event loop",
            "    workers.execute(() -> served = 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void twoThreadsBuiltAndStartedLater() {
    helper
        .addSourceLines(
            "Two.java",
            "class Two {",
            "  private final StringBuilder out = new StringBuilder();",
            "  void run() {",
            "    // BUG: Diagnostic contains: `StringBuilder` is not thread-safe",
            "    Thread a = new Thread(() -> out.append('a'));",
            "    // BUG: Diagnostic contains: `StringBuilder` is not thread-safe",
            "    Thread b = new Thread(() -> out.append('b'));",
            "    a.start();",
            "    b.start();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void siblingTasksSeparatedByAWaitDoNotOverlap() {
    helper
        .addSourceLines(
            "Phases.java",
            "import java.util.concurrent.*;",
            "class Phases {",
            "  private int phase;",
            "  void run(ExecutorService pool) throws Exception {",
            "    pool.submit(() -> { phase = 1; }).get();",
            "    pool.submit(() -> { phase = 2; }).get();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sharedMessageDigestInAThreadSafeClass() {
    helper
        .addSourceLines(
            "Hasher.java",
            "import com.google.errorprone.annotations.ThreadSafe;",
            "import java.security.MessageDigest;",
            "@ThreadSafe",
            "class Hasher {",
            "  private final MessageDigest sha;",
            "  Hasher(MessageDigest sha) { this.sha = sha; }",
            "  byte[] hash(byte[] data) {",
            "    // BUG: Diagnostic contains: `MessageDigest` is not thread-safe: concurrent updates mix the inputs",
            "    return sha.digest(data);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void threadSafeClassPrivateHelpersAndConstructorsAreNotEntryPoints() {
    helper
        .addSourceLines(
            "Quiet.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "class Quiet {",
            "  private int size;",
            "  Quiet(int size) { this.size = size; }",
            "  private void grow() { size++; }",
            "  int size() { return size; }",
            "}")
        .doTest();
  }

  @Test
  void tasksAnExecutorHandsToItselfWhenItIsOneThread() {
    // Netty's SingleThreadEventExecutor#addShutdownHook: execute(...) on itself, one thread.
    helper
        .addSourceLines(
            "Hooks.java",
            "import io.netty.util.concurrent.SingleThreadEventExecutor;",
            "import java.util.*;",
            "abstract class Hooks extends SingleThreadEventExecutor {",
            "  private final Set<Runnable> hooks = new HashSet<>();",
            "  Hooks() { super(null, (java.util.concurrent.ThreadFactory) null, false); }",
            "  void add(Runnable r) { execute(() -> hooks.add(r)); }",
            "  void remove(Runnable r) { execute(new Runnable() { public void run() { hooks.remove(r); } }); }",
            "}")
        .doTest();
  }

  @Test
  void tasksOnOneNettyEventExecutorRunInOrder() {
    helper
        .addSourceLines(
            "OnLoop.java",
            "import io.netty.util.concurrent.EventExecutor;",
            "import java.util.*;",
            "class OnLoop {",
            "  private final List<String> pending = new ArrayList<>();",
            "  void add(EventExecutor loop, String s) {",
            "    for (int i = 0; i < 3; i++) loop.execute(() -> pending.add(s));",
            "    loop.execute(() -> pending.clear());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperMethodCalledFromTasksSubmittedInALoop() {
    helper
        .addSourceLines(
            "Crawl.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class Crawl {",
            "  private final Map<String, Integer> sizes = new HashMap<>();",
            "  void crawl(ExecutorService pool, List<String> urls) {",
            "    for (String url : urls) pool.execute(() -> fetch(url));",
            "  }",
            "  private void fetch(String url) { record(url, url.length()); }",
            "  private void record(String url, int size) {",
            "    // BUG: Diagnostic contains: in `record()`, which the task at line 6 calls",
            "    sizes.put(url, size);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperCalledUnderTheCallersLockIsNotReported() {
    helper
        .addSourceLines(
            "Guarded.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "import java.util.concurrent.ExecutorService;",
            "@ThreadSafe",
            "class Guarded {",
            "  private int size;",
            "  synchronized void add() { grow(); }",
            "  private void grow() { size++; }",
            "  void start(ExecutorService pool) {",
            "    for (int i = 0; i < 3; i++) pool.execute(() -> { synchronized (this) { grow(); } });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void writeInTheOtherBranchOfTheIfAroundTheHandOverIsNotReported() {
    // netty-transport AbstractOioChannel#setReadPending: hand over to the loop, or write directly.
    helper
        .addSourceLines(
            "Pending.java",
            "import java.util.concurrent.Executor;",
            "class Pending {",
            "  private boolean readPending;",
            "  void set(Executor loop, boolean away, boolean value) {",
            "    if (away) {",
            "      loop.execute(() -> readPending = value);",
            "    } else {",
            "      readPending = value;",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void eventLoopCallbackDoesNotRaceWithTheCodeThatRegistersIt() {
    // reactor-core ConnectableFlux#connect(): the consumer runs in place, during connect(...).
    helper
        .addSourceLines(
            "Connect.java",
            "import reactor.core.Disposable;",
            "import reactor.core.publisher.ConnectableFlux;",
            "class Connect {",
            "  Disposable connect(ConnectableFlux<String> flux) {",
            "    Disposable[] out = { null };",
            "    flux.connect(r -> out[0] = r);",
            "    return out[0];",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anEventExecutorsOwnThreadAndTheTasksItHandsToItselfRunInOrder() {
    // netty-common SingleThreadEventExecutor: doStartThread runs the loop through another
    // executor; execute(...) and submit(...) on itself queue tasks for that same thread.
    helper
        .addSourceLines(
            "Loop.java",
            "import io.netty.util.concurrent.SingleThreadEventExecutor;",
            "import java.util.*;",
            "import java.util.concurrent.Executor;",
            "abstract class Loop extends SingleThreadEventExecutor {",
            "  private final Set<Runnable> hooks = new HashSet<>();",
            "  private Object selector;",
            "  Loop() { super(null, (java.util.concurrent.ThreadFactory) null, false); }",
            "  void start(Executor threads) { threads.execute(() -> runHooks()); }",
            "  private void runHooks() { hooks.clear(); System.out.println(selector); }",
            "  void add(Runnable r) { execute(() -> hooks.add(r)); }",
            "  void rebuild() { submit(() -> selector = new Object()); }",
            "}")
        .doTest();
  }

  @Test
  void localsOfAHelperThatTasksCallArePerCall() {
    // samples/eventloop/NettyAdminAllowList: resolveAll() builds a HashSet in a local.
    helper
        .addSourceLines(
            "Resolve.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class Resolve {",
            "  void start(ExecutorService pool, List<String> hosts) {",
            "    for (int i = 0; i < 3; i++) pool.execute(() -> resolveAll(hosts));",
            "    pool.execute(() -> resolveAll(hosts));",
            "  }",
            "  private Set<String> resolveAll(List<String> hosts) {",
            "    Set<String> addresses = new HashSet<>();",
            "    for (String h : hosts) addresses.add(h);",
            "    int[] count = {0};",
            "    count[0]++;",
            "    return addresses;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void localDeclaredInsideTheTaskIsItsOwn() {
    helper
        .addSourceLines(
            "Inner.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class Inner {",
            "  void start(ExecutorService pool) {",
            "    Runnable job = null;",
            "    for (int i = 0; i < 3; i++) pool.execute(() -> { int[] n = {0}; n[0]++; List<String> l = new ArrayList<>(); l.add(\"x\"); });",
            "  }",
            "}")
        .doTest();
  }
}
