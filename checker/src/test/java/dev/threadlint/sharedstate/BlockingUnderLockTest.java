package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockingUnderLockTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingUnderLock.class, getClass());

  @TempDir Path dir;

  // --- Reported ---------------------------------------------------------------------------------

  // The lock scan is skipped for a unit whose text takes no lock: these are the spellings a text
  // search could miss.

  @Test
  void synchronizedSpelledWithAUnicodeEscapeIsStillALock() {
    helper
        .addSourceLines(
            "Poller.java",
            "class Poller {",
            "  private final Object monitor = new Object();",
            "  void poll() throws InterruptedException {",
            "    synchroni\\u007aed (monitor) {",
            "      // BUG: Diagnostic contains: `monitor` is held",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * Tomcat's DataSourcePropertyStore runs a dozen JDBC calls under one write lock: the fix is one
   * (move the work out of the section), so the section is one warning, at its first blocking
   * call, naming the lines of the others. Another section of the same lock is its own finding.
   */
  @Test
  void aSectionWithSeveralBlockingCallsIsOneWarning() {
    helper
        .addSourceLines(
            "Store.java",
            "import java.sql.Connection;",
            "import java.sql.PreparedStatement;",
            "import java.sql.ResultSet;",
            "import java.sql.SQLException;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "import javax.sql.DataSource;",
            "class Store {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  void copy(DataSource source) throws SQLException {",
            "    lock.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: The same locked region blocks again at lines 15 and 16",
            "      try (Connection connection = source.getConnection();",
            "          PreparedStatement statement = connection.prepareStatement(\"select 1\");",
            "          ResultSet rows = statement.executeQuery()) {",
            "        while (rows.next()) { }",
            "      }",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "  void drop(DataSource source) throws SQLException {",
            "    lock.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: `DataSource.getConnection()` waits for a database connection, and `lock` is held (`lock.lock()` at line 23). Every",
            "      source.getConnection().close();",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /** A long region names eight more lines and counts the rest. */
  @Test
  void aLongRegionNamesEightLinesAndCountsTheRest() {
    String[] lines = new String[15];
    lines[0] = "class Retrier {";
    lines[1] = "  synchronized void retry() throws InterruptedException {";
    lines[2] = "    // BUG: Diagnostic contains: blocks again at lines 5, 6, 7, 8, 9, 10, 11, 12 and 2 more.";
    for (int i = 3; i < 14; i++) {
      lines[i] = "    Thread.sleep(" + i + ");";
    }
    lines[14] = "  } }";
    helper.addSourceLines("Retrier.java", lines).doTest();
  }

  /** Two blocking calls on the region's first line: the warning is there, no line to add. */
  @Test
  void aSecondBlockingCallOnTheSameLineIsNotNamedAgain() {
    helper
        .expectErrorMessage("ONE_LINE", m -> m.contains("Thread.sleep()") && !m.contains("blocks again"))
        .addSourceLines(
            "Pauser.java",
            "class Pauser {",
            "  synchronized void pause() throws InterruptedException {",
            "    // BUG: Diagnostic matches: ONE_LINE",
            "    Thread.sleep(10); Thread.sleep(20);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aUserLockWhoseRuleNamesItsMethodsByAGlob() throws IOException {
    userMutex("acquires com.acme.Mutex#enter*", "enterExclusive");
  }

  @Test
  void aUserLockWhoseRuleNamesItsMethod() throws IOException {
    userMutex("acquires com.acme.Mutex#enter", "enter");
  }

  /** A sleep between {@code mutex.<acquire>()} and {@code mutex.leave()}, the lock known only by a user model file. */
  private void userMutex(String acquireRule, String acquire) throws IOException {
    Path model = Files.write(dir.resolve("mutex.model"), List.of(acquireRule, "releases com.acme.Mutex#leave"));
    helper
        .setArgs("-XepOpt:Threadlint:ModelFiles=" + model)
        .addSourceLines(
            "com/acme/Mutex.java",
            "package com.acme;",
            "public class Mutex { public void " + acquire + "() {} public void leave() {} }")
        .addSourceLines(
            "Ledger.java",
            "import com.acme.Mutex;",
            "class Ledger {",
            "  private final Mutex mutex = new Mutex();",
            "  void settle() throws InterruptedException {",
            "    mutex." + acquire + "();",
            "    try {",
            "      // BUG: Diagnostic contains: `mutex` is held (`mutex." + acquire + "()` at line 5)",
            "      Thread.sleep(100);",
            "    } finally {",
            "      mutex.leave();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sleepInsideSynchronizedBlock() {
    helper
        .addSourceLines(
            "Poller.java",
            "class Poller {",
            "  private final Object lock = new Object();",
            "  void poll() throws InterruptedException {",
            "    synchronized (lock) {",
            "      // BUG: Diagnostic contains: `Thread.sleep()` sleeps the calling thread, and `lock` is held (`synchronized (lock)` at line 4). Every other thread that needs `lock` waits for it as well; on JDK 21 to 23 a virtual thread",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fileReadInsideSynchronizedMethod() {
    helper
        .addSourceLines(
            "Config.java",
            "import java.nio.file.*;",
            "class Config {",
            "  private String text;",
            "  synchronized void reload(Path file) throws Exception {",
            "    // BUG: Diagnostic contains: `synchronized method reload()` at line 4",
            "    text = Files.readString(file);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void futureGetUnderReentrantLockDoesNotMentionPinning() {
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.locks.*;",
            "class Cache {",
            "  private final Lock lock = new ReentrantLock();",
            "  private Object value;",
            "  void refresh(Future<Object> next) throws Exception {",
            "    lock.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: `Future.get()` waits for the result, and `lock` is held (`lock.lock()` at line 7). Every other thread that needs `lock` waits for it as well. Do the blocking work",
            "      value = next.get();",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingThroughAMethodOfTheSameFile() {
    helper
        .addSourceLines(
            "Store.java",
            "import java.nio.file.*;",
            "class Store {",
            "  private final Object lock = new Object();",
            "  void save(Path file, String text) throws Exception {",
            "    synchronized (lock) {",
            "      // BUG: Diagnostic contains: `write()` blocks: write() → Files.writeString()",
            "      write(file, text);",
            "    }",
            "  }",
            "  private void write(Path file, String text) throws Exception {",
            "    Files.writeString(file, text);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * Tomcat's ClassLoaderLogManager: synchronized addLogger() calls getProperty(), whose chain to
   * the file read passes through synchronized methods (findProperty, then readConfiguration,
   * which opens the file). The read is reported inside the innermost synchronized method, where
   * it happens; the callers further out are not told again, however deep the synchronized step.
   */
  @Test
  void blockingInsideASynchronizedMethodOfTheChainIsReportedThereOnly() {
    helper
        .addSourceLines(
            "LogManager.java",
            "import java.io.FileInputStream;",
            "import java.io.IOException;",
            "import java.util.Properties;",
            "class LogManager {",
            "  private final Properties props = new Properties();",
            "  synchronized void addLogger(String name) {",
            "    String level = getProperty(name + \".level\");",
            "  }",
            "  String getProperty(String name) {",
            "    return findProperty(name);",
            "  }",
            "  private synchronized String findProperty(String name) {",
            "    if (props.isEmpty()) {",
            "      read();",
            "    }",
            "    return props.getProperty(name);",
            "  }",
            "  private synchronized void read() {",
            "    // BUG: Diagnostic contains: `new FileInputStream()` opens a file",
            "    try (FileInputStream in = new FileInputStream(\"logging.properties\")) {",
            "      props.load(in);",
            "    } catch (IOException e) {",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void constructorThatOpensAFile() {
    helper
        .addSourceLines(
            "Log.java",
            "import java.io.*;",
            "class Log {",
            "  synchronized InputStream open(File f) throws IOException {",
            "    // BUG: Diagnostic contains: new FileInputStream()",
            "    return new FileInputStream(f);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readLockOfAReadWriteLock() {
    helper
        .addSourceLines(
            "Registry.java",
            "import java.util.concurrent.locks.*;",
            "class Registry {",
            "  private final ReadWriteLock rw = new ReentrantReadWriteLock();",
            "  void scan() throws InterruptedException {",
            "    rw.readLock().lock();",
            "    try {",
            "      // BUG: Diagnostic contains: `rw (read lock)` is held",
            "      Thread.sleep(10);",
            "    } finally {",
            "      rw.readLock().unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // --- Not reported -----------------------------------------------------------------------------

  @Test
  void waitOnTheHeldMonitorReleasesIt() {
    helper
        .addSourceLines(
            "Queue.java",
            "class Queue {",
            "  private final Object lock = new Object();",
            "  private boolean ready;",
            "  void awaitReady() throws InterruptedException {",
            "    synchronized (lock) {",
            "      while (!ready) {",
            "        lock.wait();",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void conditionAwaitOnTheHeldLock() {
    helper
        .addSourceLines(
            "Gate.java",
            "import java.util.concurrent.locks.*;",
            "class Gate {",
            "  private final Lock lock = new ReentrantLock();",
            "  private final Condition open = lock.newCondition();",
            "  private boolean isOpen;",
            "  void pass() throws InterruptedException {",
            "    lock.lock();",
            "    try {",
            "      while (!isOpen) {",
            "        open.await();",
            "      }",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void takingAnotherLockIsLockOrderNotBlocking() {
    helper
        .addSourceLines(
            "Two.java",
            "import java.util.concurrent.locks.*;",
            "class Two {",
            "  private final Lock a = new ReentrantLock();",
            "  private final Lock b = new ReentrantLock();",
            "  synchronized void both() {",
            "    a.lock();",
            "    try {",
            "      b.lock();",
            "      b.unlock();",
            "    } finally {",
            "      a.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingAfterTheLockIsReleased() {
    helper
        .addSourceLines(
            "Snapshot.java",
            "import java.nio.file.*;",
            "import java.util.concurrent.locks.*;",
            "class Snapshot {",
            "  private final Lock lock = new ReentrantLock();",
            "  private String state = \"\";",
            "  void save(Path file) throws Exception {",
            "    String copy;",
            "    lock.lock();",
            "    try {",
            "      copy = state;",
            "    } finally {",
            "      lock.unlock();",
            "    }",
            "    Files.writeString(file, copy);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void taskSubmittedUnderTheLockRunsLaterWithoutIt() {
    helper
        .addSourceLines(
            "Refresher.java",
            "import java.util.concurrent.*;",
            "class Refresher {",
            "  private final ExecutorService pool = Executors.newSingleThreadExecutor();",
            "  synchronized void schedule() {",
            "    pool.execute(() -> {",
            "      try { Thread.sleep(1000); } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anonymousClassDefinedUnderTheLock() {
    helper
        .addSourceLines(
            "Later.java",
            "class Later {",
            "  synchronized Runnable task() {",
            "    return new Runnable() {",
            "      public void run() {",
            "        try { Thread.sleep(1000); } catch (InterruptedException e) {}",
            "      }",
            "    };",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void failedTryLockBranchHoldsNothing() {
    helper
        .addSourceLines(
            "Try.java",
            "import java.util.concurrent.locks.*;",
            "class Try {",
            "  private final Lock lock = new ReentrantLock();",
            "  void maybe() throws InterruptedException {",
            "    if (lock.tryLock()) {",
            "      lock.unlock();",
            "    } else {",
            "      Thread.sleep(10);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nonBlockingCallUnderLock() {
    helper
        .addSourceLines(
            "Counter.java",
            "import java.util.*;",
            "class Counter {",
            "  private final Map<String, Integer> counts = new HashMap<>();",
            "  synchronized void add(String key) {",
            "    counts.merge(key, 1, Integer::sum);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * httpclient5's PublicSuffixMatcherLoader#getDefault: double-checked lazy initialisation. The lock
   * is only taken while the field is still null, so the only threads that wait are those that need
   * the value being loaded. A plain synchronized getter takes the lock on every call, and blocks
   * its other users: reported.
   */
  @Test
  void doubleCheckedLazyInitialisation() {
    helper
        .addSourceLines(
            "Suffixes.java",
            "import java.nio.file.*;",
            "import java.util.concurrent.locks.*;",
            "class Suffixes {",
            "  private static final Lock lock = new ReentrantLock();",
            "  private static volatile String defaults;",
            "  private String cached;",
            "  static String getDefault(Path file) throws Exception {",
            "    if (defaults == null) {",
            "      lock.lock();",
            "      try {",
            "        if (defaults == null) {",
            "          defaults = Files.readString(file);",
            "        }",
            "      } finally {",
            "        lock.unlock();",
            "      }",
            "    }",
            "    return defaults;",
            "  }",
            "  private volatile String other;",
            "  String monitor(Path file) throws Exception {",
            "    if (other == null) {",
            "      synchronized (this) {",
            "        if (other == null) {",
            "          other = Files.readString(file);",
            "        }",
            "      }",
            "    }",
            "    return other;",
            "  }",
            "  synchronized String everyCall(Path file) throws Exception {",
            "    if (cached == null) {",
            "      // BUG: Diagnostic contains: BlockingUnderLock",
            "      cached = Files.readString(file);",
            "    }",
            "    return cached;",
            "  }",
            "}")
        .doTest();
  }

  /**
   * The Cassandra driver's Uuids.ClockSeqAndNodeContainer (adapted from Guava's memoizing
   * supplier): double-checked on a boolean flag instead of a null field. A flag checked only
   * inside the lock is not the idiom: the lock is taken on every call.
   */
  @Test
  void doubleCheckedLazyInitialisationOnAFlag() {
    helper
        .addSourceLines(
            "Node.java",
            "import java.net.InetAddress;",
            "class Node {",
            "  private volatile boolean initialized;",
            "  private String name;",
            "  String get() throws Exception {",
            "    if (!initialized) {",
            "      synchronized (Node.class) {",
            "        if (!initialized) {",
            "          name = InetAddress.getLocalHost().getHostName();",
            "          initialized = true;",
            "        }",
            "      }",
            "    }",
            "    return name;",
            "  }",
            "  private boolean loaded;",
            "  synchronized String everyCall() throws Exception {",
            "    if (!loaded) {",
            "      // BUG: Diagnostic contains: BlockingUnderLock",
            "      name = InetAddress.getLocalHost().getHostName();",
            "      loaded = true;",
            "    }",
            "    return name;",
            "  }",
            "}")
        .doTest();
  }

  // --- Suppression (reported from the unit matcher, so the check's own) --------------------------

  @Test
  void suppressWarningsOnTheMethodSilencesItAndLeavesTheOthersReported() {
    helper
        .addSourceLines(
            "Poller.java",
            "class Poller {",
            "  private final Object monitor = new Object();",
            "  @SuppressWarnings(\"BlockingUnderLock\")",
            "  void pollQuietly() throws InterruptedException {",
            "    synchronized (monitor) {",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "  @SuppressWarnings(\"all\")",
            "  void pollSilently() throws InterruptedException {",
            "    synchronized (monitor) {",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "  void poll() throws InterruptedException {",
            "    synchronized (monitor) {",
            "      // BUG: Diagnostic contains: `monitor` is held",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void generatedCodeIsSilentWithDisableWarningsInGeneratedCode() {
    helper
        .addSourceLines(
            "Poller.java",
            "@javax.annotation.processing.Generated(\"a generator\")",
            "class Poller {",
            "  private final Object monitor = new Object();",
            "  void poll() throws InterruptedException {",
            "    synchronized (monitor) {",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "}")
        .setArgs("-XepDisableWarningsInGeneratedCode")
        .doTest();
  }
}
