package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class CheckThenActRaceTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(CheckThenActRace.class, getClass());

  // --- Positives --------------------------------------------------------------------------------

  @Test
  void containsKeyThenPutOnConcurrentMap() {
    helper
        .addSourceLines(
            "Cache.java",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Cache {",
            "  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();",
            "  void remember(String key, String value) {",
            "    // BUG: Diagnostic contains: Use `values.putIfAbsent(key, value)`",
            "    if (!values.containsKey(key)) {",
            "      values.put(key, value);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void getNullThenPutOnMapHoldingAConcurrentHashMap() {
    helper
        .addSourceLines(
            "Groups.java",
            "import java.util.*;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Groups {",
            "  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();",
            "  void add(String group) {",
            "    // BUG: Diagnostic contains: computeIfAbsent(group, k -> new ArrayList<>())",
            "    if (groups.get(group) == null) groups.put(group, new ArrayList<>());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void containsThenAddOnConcurrentSet() {
    helper
        .addSourceLines(
            "Seen.java",
            "import java.util.Set;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Seen {",
            "  private final Set<String> seen = ConcurrentHashMap.newKeySet();",
            "  void visit(String url) {",
            "    // BUG: Diagnostic contains: Use the result of `add`",
            "    if (!seen.contains(url)) {",
            "      seen.add(url);",
            "      System.out.println(url);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void atomicSetOfGetPlusOne() {
    helper
        .addSourceLines(
            "Hits.java",
            "import java.util.concurrent.atomic.AtomicInteger;",
            "class Hits {",
            "  private final AtomicInteger hits = new AtomicInteger();",
            "  void hit() {",
            "    // BUG: Diagnostic contains: Use `hits.incrementAndGet()`",
            "    hits.set(hits.get() + 1);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void atomicReferenceSetOfFunctionOfGetNamesUpdateAndGet() {
    helper
        .addSourceLines(
            "Names.java",
            "import java.util.concurrent.atomic.AtomicReference;",
            "class Names {",
            "  private final AtomicReference<String> names = new AtomicReference<>(\"\");",
            "  void add(String n) {",
            "    // BUG: Diagnostic contains: updateAndGet",
            "    names.set(names.get() + \",\" + n);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void putOfGetPlusOneOnConcurrentMap() {
    helper
        .addSourceLines(
            "Counts.java",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Counts {",
            "  private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();",
            "  void count(String word) {",
            "    // BUG: Diagnostic contains: Use `counts.merge(word, 1, Integer::sum)`",
            "    counts.put(word, counts.getOrDefault(word, 0) + 1);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lazyInitInTasksSubmittedInALoop() {
    helper
        .addSourceLines(
            "Lazy.java",
            "import java.util.*;",
            "import java.util.concurrent.ExecutorService;",
            "class Lazy {",
            "  private List<String> log;",
            "  void run(ExecutorService pool, List<String> items) {",
            "    for (String s : items) {",
            "      pool.execute(() -> {",
            "        // BUG: Diagnostic contains: `log` is initialised lazily (checked for null, then assigned) in the task at line 7",
            "        if (log == null) {",
            "          log = new ArrayList<>();",
            "        }",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lazyInitOfStaticInThreadSafeClassSuggestsHolderIdiom() {
    helper
        .addSourceLines(
            "ThreadSafe.java",
            "package org.example.annotation;",
            "/** Matched by its simple name, like Apache HttpComponents' own @ThreadSafe. */",
            "public @interface ThreadSafe {}")
        .addSourceLines(
            "Registry.java",
            "import org.example.annotation.ThreadSafe;",
            "@ThreadSafe",
            "class Registry {",
            "  private static Registry instance;",
            "  static Registry get() {",
            "    // BUG: Diagnostic contains: Use the holder idiom",
            "    if (instance == null) { instance = new Registry(); }",
            "    return instance;",
            "  }",
            "}")
        .doTest();
  }

  // --- Negatives --------------------------------------------------------------------------------

  @Test
  void plainHashMapIsNotThisCheck() {
    helper
        .addSourceLines(
            "Local.java",
            "import java.util.*;",
            "class Local {",
            "  Map<String, String> build(List<String> keys) {",
            "    Map<String, String> m = new HashMap<>();",
            "    for (String k : keys) { if (!m.containsKey(k)) m.put(k, k); }",
            "    return m;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void underALockIsAtomic() {
    helper
        .addSourceLines(
            "Locked.java",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.atomic.AtomicInteger;",
            "class Locked {",
            "  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();",
            "  private final AtomicInteger n = new AtomicInteger();",
            "  synchronized void remember(String key, String value) {",
            "    if (!values.containsKey(key)) values.put(key, value);",
            "    n.set(n.get() + 1);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void differentKeysAreNotOneCheckThenAct() {
    helper
        .addSourceLines(
            "Keys.java",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Keys {",
            "  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();",
            "  void copy(String from, String to) {",
            "    if (!values.containsKey(from)) values.put(to, from);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lazyInitOutsideConcurrentCodeIsNotReported() {
    helper
        .addSourceLines(
            "Plain.java",
            "class Plain {",
            "  private static Plain instance;",
            "  static Plain get() {",
            "    if (instance == null) { instance = new Plain(); }",
            "    return instance;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void doubleCheckedLockingIsNotReported() {
    helper
        .addSourceLines(
            "Dcl.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "class Dcl {",
            "  private volatile Object value;",
            "  Object get() {",
            "    if (value == null) {",
            "      synchronized (this) {",
            "        if (value == null) { value = new Object(); }",
            "      }",
            "    }",
            "    return value;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void holderIdiomAndEnumSingletonAreNotReported() {
    helper
        .addSourceLines(
            "Holder.java",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "class Holder {",
            "  private static final class Lazy { static final Holder INSTANCE = new Holder(); }",
            "  enum Single { INSTANCE }",
            "  static Holder get() { return Lazy.INSTANCE; }",
            "  static Single single() { return Single.INSTANCE; }",
            "}")
        .doTest();
  }

  @Test
  void atomicIncrementAndGetIsNotReported() {
    helper
        .addSourceLines(
            "Fine.java",
            "import java.util.concurrent.atomic.AtomicLong;",
            "class Fine {",
            "  private final AtomicLong n = new AtomicLong();",
            "  private final AtomicLong other = new AtomicLong();",
            "  void hit() { n.incrementAndGet(); n.set(other.get() + 1); }",
            "}")
        .doTest();
  }

  @Test
  void lazyInitInOneTaskBesideAReaderIsNotTwoInitialisations() {
    // Cassandra driver ChannelFactory: a connect listener sets clusterName once; the @ThreadSafe
    // class's getter only reads it, so no second thread can initialise it as well.
    helper
        .addSourceLines(
            "Factory.java",
            "import io.netty.channel.ChannelFuture;",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "public class Factory {",
            "  private volatile String clusterName;",
            "  public String getClusterName() { return clusterName; }",
            "  public void connected(ChannelFuture connect) {",
            "    connect.addListener(cf -> {",
            "      if (clusterName == null) {",
            "        clusterName = connect.channel().toString();",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lazyInitAnnotationDeclaresABenignRace() {
    helper
        .addSourceLines(
            "Benign.java",
            "import com.google.errorprone.annotations.concurrent.LazyInit;",
            "import javax.annotation.concurrent.ThreadSafe;",
            "@ThreadSafe",
            "class Benign {",
            "  @LazyInit private String text;",
            "  public String text() {",
            "    if (text == null) { text = \"x\"; }",
            "    return text;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void privateMethodOnlyCalledUnderALockIsAtomic() {
    // lettuce-core DefaultEventLoopGroupProvider#getOrCreate, called only inside lock()/unlock().
    helper
        .addSourceLines(
            "Provider.java",
            "import java.util.Map;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.locks.Lock;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "class Provider {",
            "  private final Lock lock = new ReentrantLock();",
            "  private final Map<String, Object> groups = new ConcurrentHashMap<>();",
            "  Object allocate(String type) {",
            "    lock.lock();",
            "    try { return getOrCreate(type); } finally { lock.unlock(); }",
            "  }",
            "  private Object getOrCreate(String type) {",
            "    if (!groups.containsKey(type)) {",
            "      groups.put(type, new Object());",
            "    }",
            "    return groups.get(type);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void privateMethodAlsoCalledWithoutTheLockIsReported() {
    helper
        .addSourceLines(
            "Provider.java",
            "import java.util.Map;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Provider {",
            "  private final Map<String, Object> groups = new ConcurrentHashMap<>();",
            "  synchronized Object allocate(String type) { return getOrCreate(type); }",
            "  Object peek(String type) { return getOrCreate(type); }",
            "  private Object getOrCreate(String type) {",
            "    // BUG: Diagnostic contains: putIfAbsent",
            "    if (!groups.containsKey(type)) groups.put(type, type.length());",
            "    return groups.get(type);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void localTableNobodyElseSeesIsNotShared() {
    // lettuce-core DirContextDnsResolver#createContext: a cloned Properties, filled in place.
    helper
        .addSourceLines(
            "Env.java",
            "import java.util.Properties;",
            "class Env {",
            "  Properties defaults(Properties given) {",
            "    Properties table = (Properties) given.clone();",
            "    if (!table.containsKey(\"timeout\")) {",
            "      table.put(\"timeout\", \"1000\");",
            "    }",
            "    return table;",
            "  }",
            "}")
        .doTest();
  }

  /**
   * ZooKeeper's ZooKeeperServerEmbeddedImpl: the caller's Properties, filled in before use. A
   * Properties is a Hashtable by history, not because anyone shares it, so as a parameter it says
   * nothing about other threads; a concurrent map parameter does, and so does a Hashtable field.
   */
  @Test
  void legacySynchronizedParameterIsNotSharedByItsType() {
    helper
        .addSourceLines(
            "Server.java",
            "import java.util.Hashtable;",
            "import java.util.Properties;",
            "import java.util.concurrent.ConcurrentMap;",
            "class Server {",
            "  private final Hashtable<String, String> settings = new Hashtable<>();",
            "  Server(Properties p, ConcurrentMap<String, String> shared) {",
            "    if (!p.containsKey(\"dataDir\")) {",
            "      p.put(\"dataDir\", \"/tmp\");",
            "    }",
            "    // BUG: Diagnostic contains: putIfAbsent",
            "    if (!shared.containsKey(\"dataDir\")) {",
            "      shared.put(\"dataDir\", \"/tmp\");",
            "    }",
            "  }",
            "  void configure() {",
            "    // BUG: Diagnostic contains: putIfAbsent",
            "    if (!settings.containsKey(\"port\")) {",
            "      settings.put(\"port\", \"2181\");",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void localConcurrentSetCapturedByWorkerTasksIsShared() {
    helper
        .addSourceLines(
            "Crawler.java",
            "import java.util.List;",
            "import java.util.Set;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "import java.util.concurrent.ExecutorService;",
            "class Crawler {",
            "  void crawl(ExecutorService pool, List<String> urls) {",
            "    Set<String> seen = ConcurrentHashMap.newKeySet();",
            "    for (String url : urls) {",
            "      pool.submit(() -> {",
            "        // BUG: Diagnostic contains: `seen.contains(url)` and `seen.add(url)` are two steps",
            "        if (!seen.contains(url)) {",
            "          seen.add(url);",
            "        }",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * Event-loop callbacks run one at a time on their loop, and not alongside the code that
   * registers them: a local that only they capture is not shared between threads.
   */
  @Test
  void localConcurrentSetCapturedOnlyByEventLoopCallbacksIsNotShared() {
    helper
        .addSourceLines(
            "Dedup.java",
            "import io.vertx.core.Vertx;",
            "import java.util.List;",
            "import java.util.Set;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Dedup {",
            "  void start(Vertx vertx, List<String> urls) {",
            "    Set<String> seen = ConcurrentHashMap.newKeySet();",
            "    for (String url : urls) {",
            "      vertx.runOnContext(v -> {",
            "        if (!seen.contains(url)) {",
            "          seen.add(url);",
            "        }",
            "      });",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
