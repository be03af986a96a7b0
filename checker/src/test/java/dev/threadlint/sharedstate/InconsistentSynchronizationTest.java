package dev.threadlint.sharedstate;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class InconsistentSynchronizationTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(InconsistentSynchronization.class, getClass());

  // --- Reported ---------------------------------------------------------------------------------

  @Test
  void unlockedWriteOfAFieldWrittenUnderTheMonitorElsewhere() {
    helper
        .addSourceLines(
            "Counter.java",
            "class Counter {",
            "  private int count;",
            "  synchronized void increment() { count++; }",
            "  synchronized void add(int n) { count += n; }",
            "  synchronized int get() { return count; }",
            "  void reset() {",
            "    // BUG: Diagnostic contains: `count` is written here without a lock, but 2 of its 2 other writes hold one (e.g. `synchronized method increment()` at line 3)",
            "    count = 0;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void unlockedReadOfAFieldAlwaysWrittenAndMostlyReadUnderALock() {
    helper
        .addSourceLines(
            "Account.java",
            "import java.util.concurrent.locks.*;",
            "class Account {",
            "  private final Lock lock = new ReentrantLock();",
            "  private long balance;",
            "  void deposit(long cents) {",
            "    lock.lock();",
            "    try { balance += cents; } finally { lock.unlock(); }",
            "  }",
            "  void withdraw(long cents) {",
            "    lock.lock();",
            "    try { if (balance >= cents) { balance -= cents; } } finally { lock.unlock(); }",
            "  }",
            "  long audited() {",
            "    lock.lock();",
            "    try { return balance; } finally { lock.unlock(); }",
            "  }",
            "  boolean isOverdrawn() {",
            "    // BUG: Diagnostic contains: `balance` is read here without a lock, but it is only written under one (e.g. `lock.lock()` at line 6)",
            "    return balance < 0;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void accessInATaskSubmittedUnderTheLock() {
    helper
        .addSourceLines(
            "Stats.java",
            "import java.util.concurrent.*;",
            "class Stats {",
            "  private final Executor executor = Executors.newSingleThreadExecutor();",
            "  private int hits;",
            "  synchronized void hit() { hits++; }",
            "  synchronized void hitTwice() { hits += 2; }",
            "  synchronized void later() {",
            "    // BUG: Diagnostic contains: `hits` is written here without a lock",
            "    executor.execute(() -> hits = 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readAfterLazyInitialisationOfAFieldThatIsAlsoReset() {
    helper
        .addSourceLines(
            "Response.java",
            "class Response {",
            "  private final Object conn = new Object();",
            "  private String header;",
            "  private StringBuilder cookies;",
            "  public StringBuilder cookies() {",
            "    synchronized (conn) {",
            "      if (cookies == null) {",
            "        if (header == null) {",
            "          cookies = new StringBuilder();",
            "        } else {",
            "          cookies = new StringBuilder(header);",
            "        }",
            "      }",
            "    }",
            "    // BUG: Diagnostic contains: `cookies` is read here without a lock",
            "    return cookies;",
            "  }",
            "  void add(String c) { synchronized (conn) { cookies().append(c); } }",
            "  int size() { synchronized (conn) { return cookies == null ? 0 : cookies.length(); } }",
            "  void reset() { synchronized (conn) { cookies = null; } }",
            "}")
        .doTest();
  }

  // --- Not reported -----------------------------------------------------------------------------

  @Test
  void readAfterLazyInitialisationUnderTheLockOfAFieldOnlyEverSetOnce() {
    // vert.x Http1xServerResponse#cookies: set once, under the lock, when null; never changed
    // after, so the read after the block returns what this thread saw under the lock.
    helper
        .addSourceLines(
            "Response.java",
            "class Response {",
            "  private final Object conn = new Object();",
            "  private String header;",
            "  private StringBuilder cookies;",
            "  public StringBuilder cookies() {",
            "    synchronized (conn) {",
            "      if (cookies == null) {",
            "        if (header == null) {",
            "          cookies = new StringBuilder();",
            "        } else {",
            "          cookies = new StringBuilder(header);",
            "        }",
            "      }",
            "    }",
            "    return cookies;",
            "  }",
            "  void add(String c) { synchronized (conn) { cookies().append(c); } }",
            "  int size() { synchronized (conn) { return cookies == null ? 0 : cookies.length(); } }",
            "}")
        .doTest();
  }


  @Test
  void constructorAndInitializerWritesDoNotCount() {
    helper
        .addSourceLines(
            "Buffer.java",
            "class Buffer {",
            "  private int size = 0;",
            "  Buffer(int initial) { size = initial; size++; }",
            "  synchronized void grow() { size++; }",
            "  synchronized void shrink() { size--; }",
            "}")
        .doTest();
  }

  @Test
  void privateMethodOnlyCalledUnderTheLock() {
    helper
        .addSourceLines(
            "Queue.java",
            "class Queue {",
            "  private int head;",
            "  synchronized void poll() { advance(); }",
            "  synchronized void skip() { advance(); head++; }",
            "  synchronized void clear() { head = 0; }",
            "  private void advance() { head = head + 1; }",
            "}")
        .doTest();
  }

  @Test
  void privateMethodAlsoCalledWithoutTheLockIsReported() {
    helper
        .addSourceLines(
            "Queue.java",
            "class Queue {",
            "  private int head;",
            "  synchronized void poll() { head++; }",
            "  synchronized void skip() { head += 2; }",
            "  synchronized void clear() { head = 0; }",
            "  void unsafe() { advance(); }",
            "  private void advance() {",
            "    // BUG: Diagnostic contains: `head` is written here without a lock",
            "    head = head + 1;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void packagePrivateHelperOnlyCalledUnderTheLock() {
    // kafka-clients' AbstractCoordinator#sendJoinGroupRequest: called from a synchronized method.
    helper
        .addSourceLines(
            "Coordinator.java",
            "public class Coordinator {",
            "  private int generation;",
            "  public synchronized void join() { if (generation >= 0) { send(); } }",
            "  public synchronized void reset() { generation = 0; }",
            "  public synchronized void next() { generation++; }",
            "  public synchronized int current() { return generation; }",
            "  int send() { return generation + 1; }",
            "}")
        .doTest();
  }

  /**
   * httpclient5's BasicHttpClientConnectionManager#getRoute: a package-private accessor nothing in
   * its file calls (its tests do): who calls it, and with which lock, is out of view. One called
   * here without the lock is reported.
   */
  @Test
  void packagePrivateMethodNothingInTheFileCalls() {
    helper
        .addSourceLines(
            "Manager.java",
            "public class Manager {",
            "  private final Object lock = new Object();",
            "  private String route;",
            "  private int leases;",
            "  public void lease(String r) { synchronized (lock) { route = r; leases++; } }",
            "  public void release() { synchronized (lock) { route = null; leases--; } }",
            "  public String current() { synchronized (lock) { return route; } }",
            "  public boolean open() { synchronized (lock) { return route != null; } }",
            "  public int count() { synchronized (lock) { return leases; } }",
            "  public boolean idle() { synchronized (lock) { return leases == 0; } }",
            "  String getRoute() { return route; }",
            "  int peek() {",
            "    // BUG: Diagnostic contains: `leases` is read here without a lock",
            "    return leases;",
            "  }",
            "  public String describe() { return \"leases: \" + peek(); }",
            "}")
        .doTest();
  }

  /**
   * commons-pool2's LinkedBlockingDeque.Itr#firstNode: it overrides a method of a private class of
   * the file, which the file only calls under the lock, so every call of the override is in view.
   */
  @Test
  void overrideInAPrivateHierarchyOnlyCalledUnderTheLock() {
    helper
        .addSourceLines(
            "Deque.java",
            "import java.util.concurrent.locks.ReentrantLock;",
            "public class Deque {",
            "  private final ReentrantLock lock = new ReentrantLock();",
            "  private Object first;",
            "  private Object last;",
            "  public void addFirst(Object o) { lock.lock(); try { first = o; } finally { lock.unlock(); } }",
            "  public void addLast(Object o) { lock.lock(); try { last = o; } finally { lock.unlock(); } }",
            "  public Object peekFirst() { lock.lock(); try { return first; } finally { lock.unlock(); } }",
            "  public Object peekLast() { lock.lock(); try { return last; } finally { lock.unlock(); } }",
            "  public Object both() { lock.lock(); try { return first == null ? last : first; } finally { lock.unlock(); } }",
            "  public void clear() { lock.lock(); try { first = null; last = null; } finally { lock.unlock(); } }",
            "  private abstract class AbstractItr {",
            "    Object next;",
            "    AbstractItr() { lock.lock(); try { next = firstNode(); } finally { lock.unlock(); } }",
            "    abstract Object firstNode();",
            "  }",
            "  private class Itr extends AbstractItr {",
            "    @Override Object firstNode() { return first; }",
            "  }",
            "  private class DescendingItr extends AbstractItr {",
            "    @Override Object firstNode() { return last; }",
            "  }",
            "  public Object iterator() { return new Itr(); }",
            "  public Object descendingIterator() { return new DescendingItr(); }",
            "}")
        .doTest();
  }

  /**
   * vertx-core's VertxHttp2Stream#onPriorityChange: package-private, called from other files, but
   * the write is in a callback it hands to the context, which runs later without any caller's lock.
   */
  @Test
  void callbackOfAPackagePrivateMethodNothingInTheFileCallsRunsWithoutItsCallersLock() {
    helper
        .addSourceLines(
            "Stream.java",
            "import java.util.concurrent.Executor;",
            "public class Stream {",
            "  private final Executor context;",
            "  private String priority = \"default\";",
            "  public Stream(Executor context) { this.context = context; }",
            "  public synchronized void priority(String p) { priority = p; }",
            "  public synchronized String priority() { return priority; }",
            "  public synchronized void update(String p) { if (!priority.equals(p)) { priority = p; } }",
            "  void onPriorityChange(String p) {",
            "    context.execute(() -> {",
            "      // BUG: Diagnostic contains: `priority` is written here without a lock",
            "      priority = p;",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  /**
   * netty-handler's ReferenceCountedOpenSslEngine#newSSLExceptionForError: six private methods
   * deep under synchronized wrap(), every level only ever called with the monitor held (twelve
   * here, so that no order of visiting them converges in a few rounds by luck).
   */
  @Test
  void deepChainOfPrivateMethodsCalledUnderTheLock() {
    helper
        .addSourceLines(
            "Engine.java",
            "public class Engine {",
            "  private int state;",
            "  public synchronized void begin() { state = 1; }",
            "  public synchronized void finish() { state = 2; }",
            "  public synchronized boolean started() { return state > 0; }",
            "  public synchronized boolean done() { return state == 2; }",
            "  public synchronized int wrap() { return level1(); }",
            "  private int level1() { return level2() + 1; }",
            "  private int level2() { return level3() + 1; }",
            "  private int level3() { return level4() + 1; }",
            "  private int level4() { return level5() + 1; }",
            "  private int level5() { return level6() + 1; }",
            "  private int level6() { return level7() + 1; }",
            "  private int level7() { return level8() + 1; }",
            "  private int level8() { return level9() + 1; }",
            "  private int level9() { return level10() + 1; }",
            "  private int level10() { return level11() + 1; }",
            "  private int level11() { return level12() + 1; }",
            "  private int level12() { return state == 2 ? 1 : 0; }",
            "}")
        .doTest();
  }

  @Test
  void publicMethodOfAPrivateClassOnlyCalledUnderTheLock() {
    // kafka-clients' SubscriptionState.TopicPartitionState#requestEndOffset.
    helper
        .addSourceLines(
            "Subscriptions.java",
            "public class Subscriptions {",
            "  private final State state = new State();",
            "  public synchronized void request() { state.requestEnd(); }",
            "  public synchronized void high(long w) { state.high(w); }",
            "  public synchronized void stable(long s) { state.stable(s); }",
            "  private static class State {",
            "    private boolean ended;",
            "    private long high;",
            "    private long stable;",
            "    public void requestEnd() { ended = true; }",
            "    private void high(long w) { high = w; ended = false; }",
            "    private void stable(long s) { stable = s; ended = false; }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void publicMethodOnlyCalledUnderTheLockInTheFileIsReported() {
    // Other classes call a public method: the calls in this file do not show they hold the lock.
    helper
        .addSourceLines(
            "Coordinator.java",
            "public class Coordinator {",
            "  private int generation;",
            "  public synchronized void join() { if (generation >= 0) { send(); } }",
            "  public synchronized void reset() { generation = 0; }",
            "  public synchronized void next() { generation++; }",
            "  public synchronized int current() { return generation; }",
            "  public int send() {",
            "    // BUG: Diagnostic contains: `generation` is read here without a lock",
            "    return generation + 1;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void packagePrivateOverrideOnlyCalledUnderTheLockInTheFileIsReported() {
    // Called through its superclass too, where this file does not see the calls.
    helper
        .addSourceLines(
            "Base.java",
            "abstract class Base {",
            "  abstract int send();",
            "  int twice() { return send() * 2; }",
            "}")
        .addSourceLines(
            "Coordinator.java",
            "class Coordinator extends Base {",
            "  private int generation;",
            "  synchronized void join() { if (generation >= 0) { send(); } }",
            "  synchronized void reset() { generation = 0; }",
            "  synchronized void next() { generation++; }",
            "  synchronized int current() { return generation; }",
            "  @Override int send() {",
            "    // BUG: Diagnostic contains: `generation` is read here without a lock",
            "    return generation + 1;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void writesBeforeTheMethodStartsAThreadArePublishedByTheStart() {
    // kafka-clients' ExpiringCredentialRefreshingLogin#login.
    helper
        .addSourceLines(
            "Refresher.java",
            "public class Refresher {",
            "  private final Object lock = new Object();",
            "  private String credential;",
            "  private Thread thread;",
            "  public void login() {",
            "    credential = fetch();",
            "    if (credential.isEmpty()) {",
            "      return;",
            "    }",
            "    thread = new Thread(this::refreshLoop);",
            "    thread.start();",
            "  }",
            "  private void refreshLoop() { synchronized (lock) { credential = fetch(); } }",
            "  public void relogin() { synchronized (lock) { credential = fetch(); } }",
            "  public String current() { synchronized (lock) { return credential; } }",
            "  public int length() { synchronized (lock) { return credential.length(); } }",
            "  private String fetch() { return \"token\"; }",
            "}")
        .doTest();
  }

  @Test
  void writesAfterTheMethodStartsAThreadAreReported() {
    helper
        .addSourceLines(
            "Refresher.java",
            "public class Refresher {",
            "  private final Object lock = new Object();",
            "  private String credential;",
            "  public void login() {",
            "    Thread thread = new Thread(this::refreshLoop);",
            "    thread.start();",
            "    // BUG: Diagnostic contains: `credential` is written here without a lock",
            "    credential = fetch();",
            "  }",
            "  private void refreshLoop() { synchronized (lock) { credential = fetch(); } }",
            "  public void relogin() { synchronized (lock) { credential = fetch(); } }",
            "  public String current() { synchronized (lock) { return credential; } }",
            "  private String fetch() { return \"token\"; }",
            "}")
        .doTest();
  }

  @Test
  void privateMethodOnlyCalledFromTheConstructor() {
    helper
        .addSourceLines(
            "Table.java",
            "class Table {",
            "  private int capacity;",
            "  Table() { init(); }",
            "  private void init() { capacity = 16; }",
            "  synchronized void grow() { capacity *= 2; }",
            "  synchronized void shrink() { capacity /= 2; }",
            "}")
        .doTest();
  }

  /**
   * commons-pool2's LinkedBlockingDeque#readObject: deserialization fills a new object on one
   * thread, before anyone else has it, like a constructor; a readObject that is not the
   * serialization hook (a codec's) is an ordinary method.
   */
  @Test
  void deserializationHookInitialisesLikeAConstructor() {
    helper
        .addSourceLines(
            "Deque.java",
            "import java.io.*;",
            "class Deque implements Serializable {",
            "  private int count;",
            "  private Object first;",
            "  public synchronized void add(Object o) { first = o; count++; }",
            "  public synchronized void remove() { first = null; count--; }",
            "  public synchronized void clear() { first = null; count = 0; }",
            "  public synchronized int size() { return count; }",
            "  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {",
            "    in.defaultReadObject();",
            "    count = 0;",
            "    first = null;",
            "  }",
            "}")
        .addSourceLines(
            "Codec.java",
            "class Codec {",
            "  private int decoded;",
            "  public synchronized void reset() { decoded = 0; }",
            "  public synchronized void skip() { decoded++; }",
            "  public synchronized int decoded() { return decoded; }",
            "  public Object readObject(byte[] in) {",
            "    // BUG: Diagnostic contains: InconsistentSynchronization",
            "    decoded++;",
            "    return in;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void volatileFinalAndAtomicFields() {
    helper
        .addSourceLines(
            "Flags.java",
            "import java.util.concurrent.atomic.*;",
            "class Flags {",
            "  private volatile boolean closed;",
            "  private AtomicInteger count = new AtomicInteger();",
            "  synchronized void close() { closed = true; count = new AtomicInteger(); }",
            "  synchronized void open() { closed = false; count = new AtomicInteger(); }",
            "  synchronized void reopen() { closed = false; count = new AtomicInteger(); }",
            "  void reset() { closed = false; count = new AtomicInteger(); }",
            "}")
        .doTest();
  }

  @Test
  void noClearMajority() {
    helper
        .addSourceLines(
            "Half.java",
            "class Half {",
            "  private int n;",
            "  synchronized void a() { n++; }",
            "  void b() { n++; }",
            "}")
        .doTest();
  }

  @Test
  void readOfAFieldSetInOnePlace() {
    helper
        .addSourceLines(
            "Once.java",
            "class Once {",
            "  private Object value;",
            "  synchronized void set(Object v) { value = v; }",
            "  synchronized Object get() { return value; }",
            "  synchronized Object peek() { return value; }",
            "  boolean isSet() { return value != null; }",
            "}")
        .doTest();
  }

  @Test
  void fieldNeverLocked() {
    helper
        .addSourceLines(
            "Plain.java",
            "class Plain {",
            "  private int n;",
            "  void a() { n++; }",
            "  void b() { n = 0; }",
            "  synchronized void other() {}",
            "}")
        .doTest();
  }

  @Test
  void fieldsOfOtherObjectsAreNotThisObjectsAccesses() {
    helper
        .addSourceLines(
            "Node.java",
            "class Node {",
            "  private int value;",
            "  synchronized void a() { value++; }",
            "  synchronized void b() { value--; }",
            "  static void copy(Node from, Node to) { to.value = from.value; }",
            "}")
        .doTest();
  }

  @Test
  void suppressed() {
    helper
        .addSourceLines(
            "Quiet.java",
            "class Quiet {",
            "  private int count;",
            "  synchronized void a() { count++; }",
            "  synchronized void b() { count++; }",
            "  @SuppressWarnings(\"InconsistentSynchronization\")",
            "  void reset() { count = 0; }",
            "}")
        .doTest();
  }

  /** Findings of a whole unit are reported from its matcher: Error Prone's generated-code flag is honoured there too. */
  @Test
  void generatedCodeIsSilentWithDisableWarningsInGeneratedCode() {
    helper
        .addSourceLines(
            "Counter.java",
            "@javax.annotation.processing.Generated(\"a generator\")",
            "class Counter {",
            "  private int count;",
            "  synchronized void a() { count++; }",
            "  synchronized void b() { count++; }",
            "  void reset() { count = 0; }",
            "}")
        .setArgs("-XepDisableWarningsInGeneratedCode")
        .doTest();
  }

  // --- Real-code traps (vert.x InboundBuffer, TCPServerBase; guava SequentialExecutor) ----------

  @Test
  void privateMethodCalledUnlockedOnlyOnAFreshObjectInAFactory() {
    helper
        .addSourceLines(
            "Buffer.java",
            "class Buffer {",
            "  private long demand;",
            "  static Buffer createAndFetch(long n) {",
            "    Buffer buffer = new Buffer();",
            "    buffer.emit(n);",
            "    return buffer;",
            "  }",
            "  void fetch(long n) { synchronized (this) { emit(n); } }",
            "  synchronized void reset() { demand = 0; }",
            "  synchronized void clear() { demand = 0; }",
            "  private void emit(long n) { demand += n; }",
            "}")
        .doTest();
  }

  @Test
  void readInACallbackCreatedUnderTheLockThatWroteIt() {
    helper
        .addSourceLines(
            "Server.java",
            "import java.util.concurrent.CompletableFuture;",
            "class Server {",
            "  private final Object lock = new Object();",
            "  private Runnable worker;",
            "  void listen(CompletableFuture<Void> bound) {",
            "    synchronized (lock) {",
            "      worker = () -> {};",
            "      bound.thenRun(() -> worker.run());",
            "    }",
            "  }",
            "  void relisten() { synchronized (lock) { worker = () -> {}; worker.run(); } }",
            "  void stop() { synchronized (lock) { worker.run(); } }",
            "}")
        .doTest();
  }

  @Test
  void accessesMarkedAsKnowinglyUnguardedAndToString() {
    helper
        .addSourceLines(
            "Worker.java",
            "class Worker {",
            "  private final Object queue = new Object();",
            "  private int state;",
            "  void a() { synchronized (queue) { state = 1; } }",
            "  void b() { synchronized (queue) { state = 2; } }",
            "  int c() { synchronized (queue) { return state; } }",
            "  int d() { synchronized (queue) { return state; } }",
            "  int e() { synchronized (queue) { return state; } }",
            "  int f() { synchronized (queue) { return state; } }",
            "  @SuppressWarnings(\"GuardedBy\")",
            "  boolean fastPath() { return state == 1; }",
            "  @Override public String toString() { return \"Worker{state=\" + state + \"}\"; }",
            "}")
        .doTest();
  }

  @Test
  void onSubscribeInitialisesLikeAConstructor() {
    helper
        .addSourceLines(
            "Collector.java",
            "import java.util.*;",
            "import org.reactivestreams.*;",
            "abstract class Collector implements Subscriber<String> {",
            "  private List<String> buffer;",
            "  @Override public void onSubscribe(Subscription s) { buffer = new ArrayList<>(); }",
            "  @Override public void onNext(String t) { synchronized (this) { buffer.add(t); } }",
            "  void swap() { synchronized (this) { buffer = new ArrayList<>(); } }",
            "  void drop() { synchronized (this) { buffer = null; } }",
            "}")
        .doTest();
  }

  /**
   * grpc-core's DelayedClientTransport: ManagedClientTransport#start "must be the first method call
   * to this interface and return before calling other methods"; its writes come before any locked
   * access.
   */
  @Test
  void grpcTransportStartInitialisesLikeAConstructor() {
    helper
        .addSourceLines(
            "Transport.java",
            "import io.grpc.internal.ManagedClientTransport;",
            "abstract class Transport implements ManagedClientTransport {",
            "  private final Object lock = new Object();",
            "  private Runnable reportTerminated;",
            "  private Runnable pending;",
            "  @Override public Runnable start(Listener listener) {",
            "    reportTerminated = listener::transportTerminated;",
            "    return null;",
            "  }",
            "  void terminate() { synchronized (lock) { pending = reportTerminated; reportTerminated = null; } }",
            "  void reset(Runnable r) { synchronized (lock) { reportTerminated = r; } }",
            "  public void later(Runnable r) {",
            "    // BUG: Diagnostic contains: `reportTerminated` is written here without a lock",
            "    reportTerminated = r;",
            "  }",
            "}")
        .doTest();
  }

  /**
   * pulsar-client's MessageImpl#recycle: resets the fields of a message whose last user released
   * it, then hands it back to Netty's Recycler, which gives it to the next user.
   */
  @Test
  void resetBeforeReturningThisToAnObjectPoolIsLikeConstruction() {
    helper
        .addSourceLines(
            "Message.java",
            "import io.netty.util.Recycler;",
            "import java.util.Map;",
            "final class Message {",
            "  private final Recycler.Handle<Message> handle;",
            "  private Map<String, String> properties;",
            "  Message(Recycler.Handle<Message> handle) { this.handle = handle; }",
            "  synchronized Map<String, String> properties() {",
            "    if (properties == null) { properties = Map.of(); }",
            "    return properties;",
            "  }",
            "  synchronized void replace(Map<String, String> p) { properties = p; }",
            "  void recycle() {",
            "    properties = null;",
            "    handle.recycle(this);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void resetWithoutReturningThisToThePoolIsStillReported() {
    helper
        .addSourceLines(
            "Message.java",
            "import io.netty.util.Recycler;",
            "import java.util.Map;",
            "final class Message {",
            "  private final Recycler.Handle<Message> handle;",
            "  private final Recycler.Handle<Message> other;",
            "  private Map<String, String> properties;",
            "  Message(Recycler.Handle<Message> handle, Recycler.Handle<Message> other) {",
            "    this.handle = handle;",
            "    this.other = other;",
            "  }",
            "  synchronized Map<String, String> properties() {",
            "    if (properties == null) { properties = Map.of(); }",
            "    return properties;",
            "  }",
            "  synchronized void replace(Map<String, String> p) { properties = p; }",
            "  void clear(Message next) {",
            "    // BUG: Diagnostic contains: `properties` is written here without a lock",
            "    properties = null;",
            "    other.recycle(next);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void reactorScanUnsafeIsADebugView() {
    helper
        .addSourceLines(
            "Reduce.java",
            "import reactor.core.Scannable;",
            "abstract class Reduce implements Scannable {",
            "  private Object aggregate;",
            "  void a(Object v) { synchronized (this) { aggregate = v; } }",
            "  void b() { synchronized (this) { aggregate = null; } }",
            "  Object c() { synchronized (this) { return aggregate; } }",
            "  Object d() { synchronized (this) { return aggregate; } }",
            "  @Override public Object scanUnsafe(Attr key) { return key == Attr.TERMINATED ? aggregate == null : null; }",
            "}")
        .doTest();
  }

  @Test
  void unlockedFastPathCheckedAgainUnderTheLock() {
    helper
        .addSourceLines(
            "Reduce.java",
            "class Reduce {",
            "  private Object aggregate;",
            "  void onNext(Object t) {",
            "    Object r = aggregate;",
            "    if (r == null) {",
            "      synchronized (this) {",
            "        if (aggregate == null) { aggregate = t; return; }",
            "      }",
            "    }",
            "  }",
            "  void clear() { synchronized (this) { aggregate = null; } }",
            "  Object get() { synchronized (this) { return aggregate; } }",
            "}")
        .doTest();
  }
}
