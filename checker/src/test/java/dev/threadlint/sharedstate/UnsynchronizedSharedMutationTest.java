package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnsynchronizedSharedMutationTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnsynchronizedSharedMutation.class, getClass());

  // --- Positives --------------------------------------------------------------------------------

  @Test
  void counterIncrementedByTasksSubmittedInALoop() {
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Counter {",
            "  private int processed;",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      pool.submit(() -> {",
            "        // BUG: Diagnostic contains: `processed` is updated in place (read, then written back) in the task at line 7",
            "        processed++;",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void capturedArrayHolderInTasksOfForEach() {
    helper
        .addSourceLines(
            "Totals.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Totals {",
            "  int total(ExecutorService pool, List<Integer> xs) {",
            "    int[] total = {0};",
            "    // BUG: Diagnostic contains: an element of `total` is updated in place",
            "    xs.forEach(x -> pool.execute(() -> total[0] += x));",
            "    return 0;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fieldReadBySubmitterAfterSubmitWithoutWaiting() {
    helper
        .addSourceLines(
            "Loader.java",
            "import java.util.concurrent.ExecutorService;",
            "class Loader {",
            "  private String result;",
            "  String load(ExecutorService pool) {",
            "    // BUG: Diagnostic contains: also read at line 8 by the code that hands this task over, after it started",
            "    pool.execute(() -> result = \"done\");",
            "    // BUG: Diagnostic contains: also written at line 6 by the task at line 6, which runs while this code goes on",
            "    return result;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void hashMapChangedByTwoThreads() {
    helper
        .addSourceLines(
            "Index.java",
            "import java.util.HashMap;",
            "import java.util.Map;",
            "class Index {",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  void start(String a, String b) {",
            "    // BUG: Diagnostic contains: `counts`, a `HashMap`, is changed in the task at line 7",
            "    new Thread(() -> counts.put(a, 1)).start();",
            "    // BUG: Diagnostic contains: a put that resizes the table",
            "    new Thread(() -> counts.put(b, 2)).start();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void arrayListFilledByParallelStream() {
    helper
        .addSourceLines(
            "Collect.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "class Collect {",
            "  List<Integer> squares(List<Integer> xs) {",
            "    List<Integer> out = new ArrayList<>();",
            "    // BUG: Diagnostic contains: a parallel stream runs it on several threads at once",
            "    xs.parallelStream().forEach(x -> out.add(x * x));",
            "    return out;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void volatileIncrementIsStillARace() {
    helper
        .addSourceLines(
            "Hits.java",
            "import java.util.concurrent.ExecutorService;",
            "class Hits {",
            "  private volatile long hits;",
            "  void count(ExecutorService pool, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: `volatile` makes each read and each write visible, not the read-modify-write atomic",
            "      pool.execute(() -> hits++);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sharedSimpleDateFormatUsedByTasksInALoop() {
    helper
        .addSourceLines(
            "Stamps.java",
            "import java.text.SimpleDateFormat;",
            "import java.util.Date;",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Stamps {",
            "  private static final SimpleDateFormat FORMAT = new SimpleDateFormat(\"yyyy-MM-dd\");",
            "  void print(ExecutorService pool, List<Date> dates) {",
            "    for (Date d : dates) {",
            "      // BUG: Diagnostic contains: use the thread-safe java.time.format.DateTimeFormatter",
            "      pool.execute(() -> System.out.println(FORMAT.format(d)));",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void threadSafeClassWithPlainIncrement() {
    helper
        .addSourceLines(
            "Stats.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "class Stats {",
            "  private int requests;",
            "  void onRequest() {",
            "    // BUG: Diagnostic contains: its class `Stats` is `@ThreadSafe`",
            "    requests++;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void packagePrivateMethodsBesideAPublicApiAreNotEntryPoints() {
    // grpc-core's OobChannel#setSubchannel: "must be called only once, right after the OobChannel
    // is created", before any public method can be.
    helper
        .addSourceLines(
            "Channel.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "final class Channel {",
            "  private String subchannel;",
            "  void setSubchannel(String subchannel) { this.subchannel = subchannel; }",
            "  public String state() { return subchannel == null ? \"idle\" : subchannel; }",
            "  public int stats() { return subchannel.length(); }",
            "}")
        .doTest();
  }

  @Test
  void packagePrivateMethodsCountWhereThePublicApiCallsThem() {
    helper
        .addSourceLines(
            "Channel.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "final class Channel {",
            "  private int panics;",
            "  void panic() {",
            "    // BUG: Diagnostic contains: `panics` is updated in place",
            "    panics++;",
            "  }",
            "  public void shutdownNow() { panic(); }",
            "}")
        .doTest();
  }

  @Test
  void threadSubclassStartedTwiceSharesAStaticCounter() {
    helper
        .addSourceLines(
            "Workers.java",
            "class Workers {",
            "  static int done;",
            "  static final class Worker extends Thread {",
            "    @Override public void run() {",
            "      // BUG: Diagnostic contains: `Worker` threads are started more than once (line 11)",
            "      done++;",
            "    }",
            "  }",
            "  void start() {",
            "    new Worker().start();",
            "    new Worker().start();",
            "  }",
            "}")
        .doTest();
  }

  /**
   * ZooKeeper's NIOServerCnxnFactory.AcceptThread: each start is a new thread object (a Thread
   * starts once), so the fields of the thread itself, even in the methods its run() calls, belong
   * to one run; what it shares with the other runs (the outer object's field) still races.
   */
  @Test
  void threadStartedTwiceKeepsItsOwnFieldsInTheMethodsItsRunCalls() {
    helper
        .addSourceLines(
            "Factory.java",
            "import java.util.Iterator;",
            "import java.util.List;",
            "class Factory {",
            "  int accepted;",
            "  class AcceptThread extends Thread {",
            "    private final List<String> selectors;",
            "    private Iterator<String> next;",
            "    AcceptThread(List<String> selectors) { this.selectors = selectors; next = selectors.iterator(); }",
            "    @Override public void run() { while (true) { accept(); } }",
            "    private void accept() {",
            "      if (!next.hasNext()) {",
            "        next = selectors.iterator();",
            "      }",
            "      next.next();",
            "      // BUG: Diagnostic contains: `AcceptThread` threads are started more than once",
            "      accepted++;",
            "    }",
            "  }",
            "  void start(List<String> selectors) {",
            "    new AcceptThread(selectors).start();",
            "    new AcceptThread(selectors).start();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void runnableClassSubmittedAndReadByAnotherTask() {
    helper
        .addSourceLines(
            "Jobs.java",
            "import java.util.concurrent.ExecutorService;",
            "class Jobs {",
            "  private long bytes;",
            "  final class Copy implements Runnable {",
            "    @Override public void run() {",
            "      // BUG: Diagnostic contains: also read at line 13 by the task at line 13",
            "      bytes += 10;",
            "    }",
            "  }",
            "  void start(ExecutorService pool) {",
            "    pool.execute(new Copy());",
            "    // BUG: Diagnostic contains: `bytes` is read in the task at line 13",
            "    pool.execute(() -> System.out.println(bytes));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void executorFieldReassignedToAPoolLaterInTheFileIsNotSerial() {
    // Every value the unit assigns to the executor counts, also those after the hand-over.
    helper
        .addSourceLines(
            "Swapped.java",
            "import java.util.concurrent.*;",
            "class Swapped {",
            "  private ExecutorService executor = Executors.newSingleThreadExecutor();",
            "  private int ticks;",
            "  void many() {",
            "    for (int i = 0; i < 3; i++) {",
            "      // BUG: Diagnostic contains: `ticks` is updated in place",
            "      executor.execute(() -> ticks++);",
            "    }",
            "  }",
            "  void scaleUp() { executor = Executors.newFixedThreadPool(4); }",
            "}")
        .doTest();
  }

  @Test
  void suppressedOnTheMethodOrTheClassAroundTheAccess() {
    helper
        .addSourceLines(
            "Counters.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Counters {",
            "  private int processed;",
            "  private int failed;",
            "  @SuppressWarnings(\"UnsynchronizedSharedMutation\")",
            "  void countProcessed(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      pool.submit(() -> processed++);",
            "    }",
            "  }",
            "  void countFailed(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      // BUG: Diagnostic contains: `failed` is updated in place",
            "      pool.submit(() -> failed++);",
            "    }",
            "  }",
            "  @SuppressWarnings(\"UnsynchronizedSharedMutation\")",
            "  static class Quiet {",
            "    private int done;",
            "    void count(ExecutorService pool, List<String> items) {",
            "      for (String item : items) {",
            "        pool.submit(() -> done++);",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void listLockedInOneMethodButChangedByUnlockedTasks() {
    // InconsistentSynchronization judges reads and writes of a field, not the contents of a final
    // one: the lock in restock() must not silence the tasks that change the list without it.
    helper
        .addSourceLines(
            "Inventory.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Inventory {",
            "  private final List<String> audit = new ArrayList<>();",
            "  synchronized void restock(String sku) {",
            "    audit.add(sku);",
            "  }",
            "  void importAll(ExecutorService pool, List<String> skus) {",
            "    for (String sku : skus) {",
            "      // BUG: Diagnostic contains: `audit`, a `ArrayList`, is changed in the task at line 12",
            "      pool.execute(() -> audit.add(sku));",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void capturedListLockedByOneTaskButNotByTheOthers() {
    helper
        .addSourceLines(
            "Results.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Results {",
            "  void collect(ExecutorService pool, List<String> items) {",
            "    List<String> results = new ArrayList<>();",
            "    pool.execute(() -> { synchronized (results) { results.add(\"first\"); } });",
            "    for (String item : items) {",
            "      // BUG: Diagnostic contains: `results`, a `ArrayList`, is changed in the task at line 10",
            "      pool.execute(() -> results.add(item));",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * pulsar-client's AuthenticationOAuth2: the start task sets the backoff, then schedules the
   * refresh, which reads it and schedules the next refresh. Each step is handed over by the one
   * before, after its writes.
   */
  @Test
  void aTaskThatSchedulesTheNextStepDoesNotRaceWithIt() {
    helper
        .addSourceLines(
            "Refresher.java",
            "import java.util.concurrent.ScheduledExecutorService;",
            "import java.util.concurrent.TimeUnit;",
            "class Refresher {",
            "  private final ScheduledExecutorService scheduler;",
            "  private long backoff;",
            "  Refresher(ScheduledExecutorService scheduler) { this.scheduler = scheduler; }",
            "  void start() {",
            "    scheduler.execute(() -> {",
            "      backoff = 100;",
            "      scheduleRefresh();",
            "    });",
            "  }",
            "  private void scheduleRefresh() {",
            "    scheduler.schedule(this::refresh, 10, TimeUnit.MILLISECONDS);",
            "  }",
            "  private void refresh() {",
            "    System.out.println(backoff);",
            "    scheduleRefresh();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aTaskHandedOverElsewhereStillRacesWithTheChain() {
    helper
        .addSourceLines(
            "Refresher.java",
            "import java.util.concurrent.ScheduledExecutorService;",
            "import java.util.concurrent.TimeUnit;",
            "class Refresher {",
            "  private final ScheduledExecutorService scheduler;",
            "  private long backoff;",
            "  Refresher(ScheduledExecutorService scheduler) { this.scheduler = scheduler; }",
            "  void start() {",
            "    scheduler.execute(() -> {",
            "      // BUG: Diagnostic contains: also read at line 17 by the task at line 15",
            "      backoff = 100;",
            "      scheduleRefresh();",
            "    });",
            "  }",
            "  void close() {",
            "    scheduler.execute(() -> {",
            "      // BUG: Diagnostic contains: UnsynchronizedSharedMutation",
            "      System.out.println(backoff);",
            "    });",
            "  }",
            "  private void scheduleRefresh() {",
            "    scheduler.schedule(this::refresh, 10, TimeUnit.MILLISECONDS);",
            "  }",
            "  private void refresh() {",
            "    System.out.println(backoff);",
            "    scheduleRefresh();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void builderCalledOnAnObjectEachRunCreatesIsNotShared() {
    // aws-sdk-core's AmazonAsyncHttpClient#requestExecutionBuilder: every call of the
    // @ThreadSafe method sets a field of a builder it has just created.
    helper
        .addSourceLines(
            "Client.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "final class Client {",
            "  private final String endpoint = \"https://example.com\";",
            "  Builder request() {",
            "    return new Builder().endpoint(endpoint);",
            "  }",
            "  static final class Builder {",
            "    private String endpoint;",
            "    Builder endpoint(String endpoint) {",
            "      this.endpoint = endpoint;",
            "      return this;",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * cassandra java-driver-core's DataTypeClassNameParser: the @ThreadSafe parser's parse() makes
   * a cursor object of its own and moves it along.
   */
  @Test
  void methodsCalledOnALocalEachRunCreatesAreNotShared() {
    helper
        .addSourceLines(
            "TypeParser.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "final class TypeParser {",
            "  int parse(String text) {",
            "    Cursor cursor = new Cursor(text);",
            "    while (!cursor.atEnd()) { cursor.skip(); }",
            "    return cursor.idx;",
            "  }",
            "  static final class Cursor {",
            "    private final String text;",
            "    private int idx;",
            "    Cursor(String text) { this.text = text; }",
            "    boolean atEnd() { return idx >= text.length(); }",
            "    void skip() { idx++; }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodCalledOnASharedObjectStillCountsAsTheTasks() {
    helper
        .addSourceLines(
            "Client.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "final class Client {",
            "  private final Stats stats = new Stats();",
            "  void request() {",
            "    stats.record();",
            "  }",
            "  static final class Stats {",
            "    private int requests;",
            "    void record() {",
            "      // BUG: Diagnostic contains: `requests` is updated in place",
            "      requests++;",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // --- Negatives: protections -------------------------------------------------------------------

  /**
   * vertx-rabbitmq-client's restartConnect: a field read only after winning compareAndSet on an
   * atomic flag, the flag set back by whoever holds it once its writes are done. The flag is a
   * lock taken and released in different methods (and callbacks), which the analysis does not
   * follow: the access is not reported, nor what races only with it.
   */
  @Test
  void fieldReadAfterWinningACompareAndSetIsLeftAlone() {
    helper
        .addSourceLines(
            "Reconnector.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.atomic.AtomicBoolean;",
            "class Reconnector {",
            "  private final AtomicBoolean reconnecting = new AtomicBoolean();",
            "  private Object channel;",
            "  private Object session;",
            "  void restart(ExecutorService pool) {",
            "    pool.execute(() -> {",
            "      if (reconnecting.compareAndSet(false, true)) {",
            "        if (channel != null) { reconnecting.set(false); return; }",
            "        pool.execute(this::connect);",
            "      }",
            "    });",
            "  }",
            "  void resume(ExecutorService pool) {",
            "    pool.execute(() -> {",
            "      if (!reconnecting.compareAndSet(false, true)) {",
            "        return;",
            "      }",
            "      System.out.println(session);",
            "    });",
            "  }",
            "  private void connect() {",
            "    channel = new Object();",
            "    session = new Object();",
            "    reconnecting.set(false);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * vertx-jdbc-client's row stream: {@code if (rsClosed.compareAndSet(false, true)) rs.close();}
   * guards one access; the field's other accesses still race with each other.
   */
  @Test
  void aCloseOnceFlagLeavesTheFieldsOtherRacesReported() {
    helper
        .addSourceLines(
            "Rows.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.atomic.AtomicBoolean;",
            "class Rows {",
            "  private final AtomicBoolean closed = new AtomicBoolean();",
            "  private StringBuilder rs = new StringBuilder();",
            "  void next(ExecutorService pool) {",
            "    pool.execute(() -> {",
            "      if (closed.compareAndSet(false, true)) {",
            "        rs.setLength(0);",
            "      }",
            "      // BUG: Diagnostic contains: `rs` is written in the task at line 7",
            "      rs = new StringBuilder();",
            "    });",
            "  }",
            "  void close(ExecutorService pool) {",
            "    pool.execute(() -> {",
            "      // BUG: Diagnostic contains: `rs` is read in the task at line 16",
            "      System.out.println(rs);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  /** The same read outside the compareAndSet's branch is reported. */
  @Test
  void fieldReadBesideACompareAndSetIsStillReported() {
    helper
        .addSourceLines(
            "Reconnector.java",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.atomic.AtomicBoolean;",
            "class Reconnector {",
            "  private final AtomicBoolean reconnecting = new AtomicBoolean();",
            "  private Object channel;",
            "  void restart(ExecutorService pool) {",
            "    pool.execute(() -> {",
            "      // BUG: Diagnostic contains: `channel` is read in the task at line 7",
            "      if (channel != null) { return; }",
            "      if (reconnecting.compareAndSet(false, true)) {",
            "        pool.execute(this::connect);",
            "      }",
            "    });",
            "  }",
            "  private void connect() {",
            "    // BUG: Diagnostic contains: `channel` is written in the task at line 11",
            "    channel = new Object();",
            "    reconnecting.set(false);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void finalListChangedOnlyUnderItsLockIsNotReported() {
    // The unlocked read races only with the locked changes: whether the lock is the one the
    // reader should take is InconsistentSynchronization's question, and unknown here.
    helper
        .addSourceLines(
            "Inventory.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Inventory {",
            "  private final List<String> audit = new ArrayList<>();",
            "  void importAll(ExecutorService pool, List<String> skus) {",
            "    for (String sku : skus) {",
            "      pool.execute(() -> { synchronized (audit) { audit.add(sku); } });",
            "    }",
            "  }",
            "  int size() {",
            "    return audit.size();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void volatileFieldWithALockSomewhereIsLeftAlone() {
    // A volatile beside a lock is usually a design (writes under the lock, lock-free reads) that
    // this check cannot tell from a mistake: the unlocked increments here do race, and are not
    // reported. undertow's SslConduit has 23 such accesses to its volatile `state`, from tasks
    // that all run on one XNIO I/O thread.
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Counter {",
            "  private volatile int processed;",
            "  synchronized void reset() {",
            "    processed = 0;",
            "  }",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      pool.submit(() -> processed++);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void plainFieldLockedSomewhereIsLeftToInconsistentSynchronization() {
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Counter {",
            "  private int processed;",
            "  synchronized void reset() {",
            "    processed = 0;",
            "  }",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      pool.submit(() -> processed++);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void synchronizedOnTheSameMonitorIsNotReported() {
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Counter {",
            "  private int processed;",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      pool.submit(() -> { synchronized (this) { processed++; } });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lockRegionIsNotReported() {
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Counter {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  private int processed;",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String item : items) {",
            "      pool.submit(() -> {",
            "        lock.lock();",
            "        try { processed++; } finally { lock.unlock(); }",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void volatilePlainWritesAndReadsAreNotReported() {
    helper
        .addSourceLines(
            "Flag.java",
            "import java.util.concurrent.ExecutorService;",
            "class Flag {",
            "  private volatile boolean stopped;",
            "  void run(ExecutorService pool) {",
            "    pool.execute(() -> stopped = true);",
            "    while (!stopped) { Thread.onSpinWait(); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void atomicsAndConcurrentCollectionsAreNotReported() {
    helper
        .addSourceLines(
            "Safe.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.atomic.*;",
            "class Safe {",
            "  private final AtomicInteger count = new AtomicInteger();",
            "  private final LongAdder adder = new LongAdder();",
            "  private final Map<String, Integer> map = new ConcurrentHashMap<>();",
            "  private final List<String> list = Collections.synchronizedList(new ArrayList<>());",
            "  private final Queue<String> queue = new ConcurrentLinkedQueue<>();",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String s : items) {",
            "      pool.execute(() -> {",
            "        count.incrementAndGet();",
            "        adder.increment();",
            "        map.put(s, 1);",
            "        list.add(s);",
            "        queue.add(s);",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void objectConfinedToTheTaskIsNotReported() {
    helper
        .addSourceLines(
            "Confined.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class Confined {",
            "  static final class Tally { int n; }",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String s : items) {",
            "      pool.execute(() -> {",
            "        List<String> parts = new ArrayList<>();",
            "        Tally tally = new Tally();",
            "        parts.add(s);",
            "        tally.n++;",
            "        StringBuilder sb = new StringBuilder();",
            "        sb.append(s);",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void writesBeforeSubmitArePublishedToTheTask() {
    helper
        .addSourceLines(
            "Publish.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class Publish {",
            "  private String name;",
            "  private final List<String> names = new ArrayList<>();",
            "  void run(ExecutorService pool) {",
            "    name = \"x\";",
            "    names.add(\"y\");",
            "    pool.execute(() -> System.out.println(name + names));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void threadStartedAfterTheWritesIsNotReported() {
    helper
        .addSourceLines(
            "Start.java",
            "class Start {",
            "  private int limit;",
            "  void run() {",
            "    Thread t = new Thread(() -> System.out.println(limit));",
            "    limit = 10;",
            "    t.start();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readAfterWaitingForTheTaskIsNotReported() {
    helper
        .addSourceLines(
            "Wait.java",
            "import java.util.concurrent.*;",
            "class Wait {",
            "  private String result;",
            "  String load(ExecutorService pool) throws Exception {",
            "    Future<?> f = pool.submit(() -> { result = \"done\"; });",
            "    f.get();",
            "    return result;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sequentialStreamIsNotReported() {
    helper
        .addSourceLines(
            "Seq.java",
            "import java.util.*;",
            "class Seq {",
            "  private int total;",
            "  List<Integer> squares(List<Integer> xs) {",
            "    List<Integer> out = new ArrayList<>();",
            "    xs.stream().forEach(x -> { out.add(x * x); total += x; });",
            "    return out;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fieldsWrittenOnlyInTheConstructorAreNotReported() {
    helper
        .addSourceLines(
            "Config.java",
            "import java.util.List;",
            "import java.util.concurrent.ExecutorService;",
            "class Config {",
            "  private int retries;",
            "  private final String host;",
            "  Config(String host, int retries) { this.host = host; this.retries = retries; }",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String s : items) {",
            "      pool.execute(() -> System.out.println(host + retries + s));",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void holderIdiomAndEnumSingletonAreNotReported() {
    helper
        .addSourceLines(
            "Singletons.java",
            "import java.util.concurrent.ExecutorService;",
            "class Singletons {",
            "  static final class Holder { static final Singletons INSTANCE = new Singletons(); }",
            "  enum Registry { INSTANCE; int size() { return 0; } }",
            "  static Singletons get() { return Holder.INSTANCE; }",
            "  void run(ExecutorService pool) {",
            "    for (int i = 0; i < 3; i++) {",
            "      pool.execute(() -> System.out.println(get() + \"\" + Registry.INSTANCE.size()));",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void distinctSlotsOfAResultArrayAreNotReported() {
    helper
        .addSourceLines(
            "Slots.java",
            "import java.util.concurrent.ExecutorService;",
            "class Slots {",
            "  void run(ExecutorService pool, int n) {",
            "    int[] results = new int[n];",
            "    for (int i = 0; i < n; i++) {",
            "      int slot = i;",
            "      pool.execute(() -> results[slot] = slot * 2);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void holderDeclaredInsideTheLoopIsPerTask() {
    helper
        .addSourceLines(
            "PerTask.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class PerTask {",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String s : items) {",
            "      List<String> parts = new ArrayList<>();",
            "      pool.execute(() -> parts.add(s));",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void taskSubmittedOnceAloneIsNotReported() {
    helper
        .addSourceLines(
            "Once.java",
            "import java.util.concurrent.ExecutorService;",
            "class Once {",
            "  private int ticks;",
            "  void run(ExecutorService pool) {",
            "    pool.execute(() -> ticks++);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void singleThreadExecutorRunsTasksInOrder() {
    helper
        .addSourceLines(
            "Serial.java",
            "import java.util.concurrent.*;",
            "class Serial {",
            "  private final ExecutorService serial = Executors.newSingleThreadExecutor();",
            "  private int ticks;",
            "  void tick() { serial.execute(() -> ticks++); }",
            "  void reset() { serial.execute(() -> ticks = 0); }",
            "  void many() { for (int i = 0; i < 3; i++) serial.execute(() -> ticks++); }",
            "}")
        .doTest();
  }

  @Test
  void runnableOwnFieldsAreConfinedToTheTask() {
    helper
        .addSourceLines(
            "Own.java",
            "import java.util.concurrent.ExecutorService;",
            "class Own {",
            "  static final class Job implements Runnable {",
            "    private int steps;",
            "    @Override public void run() { steps++; }",
            "  }",
            "  void start(ExecutorService pool) {",
            "    for (int i = 0; i < 3; i++) pool.execute(new Job());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lazyInitFieldIsABenignRaceByDeclaration() {
    helper
        .addSourceLines(
            "Lazy.java",
            "import com.google.errorprone.annotations.concurrent.LazyInit;",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "class Lazy {",
            "  @LazyInit private int hash;",
            "  @Override public int hashCode() {",
            "    if (hash == 0) { hash = 42; }",
            "    return hash;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void eventLoopTasksRunOneAtATime() {
    helper
        .addSourceLines(
            "Loop.java",
            "import io.vertx.core.Vertx;",
            "class Loop {",
            "  private int ticks;",
            "  void start(Vertx vertx) {",
            "    vertx.setPeriodic(1000, id -> ticks++);",
            "    vertx.setTimer(10, id -> ticks = 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void continuationOfAFutureRunsAfterTheTaskThatCompletedIt() {
    // Regression: vertx-core SSLHelper. The worker task writes the fields, then completes the
    // future; the map(...) continuation reads them once it has completed: happens-before.
    helper
        .addSourceLines(
            "Certs.java",
            "import io.vertx.core.Future;",
            "import io.vertx.core.Vertx;",
            "class Certs {",
            "  private String pem;",
            "  Future<String> load(Vertx vertx) {",
            "    return vertx.<Void>executeBlocking(() -> {",
            "      pem = \"-----BEGIN CERTIFICATE-----\";",
            "      return null;",
            "    }).map(v -> pem.trim());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodReferenceContinuationOfAFutureRunsAfterTheTaskThatCompletedIt() {
    // Regression: vertx-core SSLHelper, `build(...).map(EngineConfig::sslContextProvider)`: the
    // continuation is a method reference to a method of this unit, which reads what the worker
    // task wrote before it completed the future.
    helper
        .addSourceLines(
            "Certs.java",
            "import io.vertx.core.Future;",
            "import io.vertx.core.Vertx;",
            "class Certs {",
            "  private String pem;",
            "  private class Config {",
            "    String provider() {",
            "      return pem.trim();",
            "    }",
            "  }",
            "  Future<String> load(Vertx vertx) {",
            "    return vertx.<Config>executeBlocking(() -> {",
            "      pem = \"-----BEGIN CERTIFICATE-----\";",
            "      return new Config();",
            "    }).map(Config::provider);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void timerHandlerStillRacesWithAWorkerTask() {
    helper
        .addSourceLines(
            "Certs.java",
            "import io.vertx.core.Vertx;",
            "class Certs {",
            "  private String pem;",
            "  void load(Vertx vertx) {",
            "    vertx.<Void>executeBlocking(() -> {",
            "      // BUG: Diagnostic contains: UnsynchronizedSharedMutation",
            "      pem = \"-----BEGIN CERTIFICATE-----\";",
            "      return null;",
            "    });",
            "    // BUG: Diagnostic contains: UnsynchronizedSharedMutation",
            "    vertx.setPeriodic(1000, id -> System.out.println(pem));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void eventLoopCallbacksRegisteredInALoopRunOneAtATime() {
    // Regression: vertx-web StaticHandlerImpl adds to a local ArrayList in the completion handler
    // of each file-props lookup it starts in a loop; those handlers all run on the event loop.
    helper
        .addSourceLines(
            "Links.java",
            "import io.vertx.core.file.FileSystem;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "class Links {",
            "  List<String> links(FileSystem fs, List<String> files) {",
            "    List<String> links = new ArrayList<>();",
            "    for (String file : files) {",
            "      fs.exists(file, exists -> {",
            "        if (exists.succeeded()) {",
            "          links.add(file);",
            "        }",
            "      });",
            "    }",
            "    return links;",
            "  }",
            "}")
        .doTest();
  }

  /**
   * The Cassandra driver's AdminRequestHandler: "This is only ever accessed on the channel's event
   * loop, so it doesn't need to be volatile". The callbacks of its @ThreadSafe class are called
   * on that loop by the driver, which the analysis cannot see: the author's declaration of
   * confinement (a comment on the field, or Infer's @ThreadConfined) is taken at its word. A
   * comment that confines only the writes ("only mutated on ...") is not.
   */
  @Test
  void fieldDeclaredConfinedToOneThreadIsNotReported() {
    helper
        .addSourceLines(
            "Handler.java",
            "import com.facebook.infer.annotation.ThreadConfined;",
            "import io.netty.channel.Channel;",
            "import io.netty.util.concurrent.Future;",
            "import io.netty.util.concurrent.ScheduledFuture;",
            "import java.util.concurrent.TimeUnit;",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "public class Handler {",
            "  private final Channel channel;",
            "  Handler(Channel channel) { this.channel = channel; }",
            "  // This is only ever accessed on the channel's event loop, so it doesn't need to be volatile",
            "  private ScheduledFuture<?> timeoutFuture;",
            "  @ThreadConfined(ThreadConfined.ANY)",
            "  private ScheduledFuture<?> retryFuture;",
            "  private ScheduledFuture<?> idleFuture; // accessed only from the event loop",
            "  // This is read concurrently, but only mutated on the event loop",
            "  private ScheduledFuture<?> lastFuture;",
            "  public void start() {",
            "    channel.writeAndFlush(\"x\").addListener(this::onWriteComplete);",
            "  }",
            "  private void onWriteComplete(Future<? super Void> future) {",
            "    timeoutFuture = channel.eventLoop().schedule(this::fire, 1, TimeUnit.SECONDS);",
            "    retryFuture = channel.eventLoop().schedule(this::fire, 1, TimeUnit.SECONDS);",
            "    idleFuture = channel.eventLoop().schedule(this::fire, 1, TimeUnit.SECONDS);",
            "    // BUG: Diagnostic contains: `lastFuture` is written",
            "    lastFuture = channel.eventLoop().schedule(this::fire, 1, TimeUnit.SECONDS);",
            "  }",
            "  private void fire() {}",
            "  public void onResponse() {",
            "    if (timeoutFuture != null) { timeoutFuture.cancel(true); }",
            "    if (retryFuture != null) { retryFuture.cancel(true); }",
            "    if (idleFuture != null) { idleFuture.cancel(true); }",
            "    // BUG: Diagnostic contains: `lastFuture` is read",
            "    if (lastFuture != null) { lastFuture.cancel(true); }",
            "  }",
            "}")
        .doTest();
  }
}
