package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockingCallInEventLoop}: the JDK's sleeping, waiting, locking, queue and future APIs of
 * the knowledge base, called from a Vert.x timer callback (a known event loop), and their
 * look-alikes that do not block. Files, network and JDBC: {@code ...IoApisTest}.
 */
class BlockingCallInEventLoopJdkApisTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass());

  /** {@link EventLoopTestSources#inTimerCallback} with this class's helper. */
  private CompilationTestHelper inTimerCallback(String params, String... statements) {
    return EventLoopTestSources.inTimerCallback(helper, params, statements);
  }

  // --- Sleeping, joining, waiting ---------------------------------------------------------------

  @Test
  void threadSleep() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `Thread.sleep()` sleeps the calling thread",
            "Thread.sleep(10);")
        .doTest();
  }

  @Test
  void threadJoin() {
    inTimerCallback(
            "Thread worker",
            "// BUG: Diagnostic contains: `Thread.join()` waits for another thread to finish",
            "worker.join();")
        .doTest();
  }

  @Test
  void objectWait() {
    inTimerCallback(
            "Object monitor",
            "synchronized (monitor) {",
            "  // BUG: Diagnostic contains: `Object.wait()` waits for a notification",
            "  monitor.wait();",
            "}")
        .doTest();
  }

  @Test
  void processWaitFor() {
    inTimerCallback(
            "Process process",
            "// BUG: Diagnostic contains: `Process.waitFor()` waits for a process to exit",
            "process.waitFor();")
        .doTest();
  }

  @Test
  void timeUnitSleep() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `TimeUnit.sleep()` sleeps the calling thread",
            "java.util.concurrent.TimeUnit.MILLISECONDS.sleep(10);")
        .doTest();
  }

  // --- Locks and synchronizers ------------------------------------------------------------------

  @Test
  void lockSupportPark() {
    inTimerCallback(
            "",
            "// BUG: Diagnostic contains: `LockSupport.park()` parks the thread",
            "java.util.concurrent.locks.LockSupport.park();")
        .doTest();
  }

  @Test
  void lockLock() {
    inTimerCallback(
            "java.util.concurrent.locks.Lock lock",
            "// BUG: Diagnostic contains: `Lock.lock()` waits for the lock",
            "lock.lock();")
        .doTest();
  }

  @Test
  void lockLockInterruptibly() {
    inTimerCallback(
            "java.util.concurrent.locks.Lock lock",
            "// BUG: Diagnostic contains: `Lock.lockInterruptibly()` waits for the lock",
            "lock.lockInterruptibly();")
        .doTest();
  }

  @Test
  void conditionAwait() {
    inTimerCallback(
            "java.util.concurrent.locks.Condition ready",
            "// BUG: Diagnostic contains: `Condition.await()` waits for a signal",
            "ready.await();")
        .doTest();
  }

  @Test
  void countDownLatchAwait() {
    inTimerCallback(
            "java.util.concurrent.CountDownLatch latch",
            "// BUG: Diagnostic contains: `CountDownLatch.await()` waits for the latch to count down",
            "latch.await();")
        .doTest();
  }

  @Test
  void cyclicBarrierAwait() {
    inTimerCallback(
            "java.util.concurrent.CyclicBarrier barrier",
            "// BUG: Diagnostic contains: `CyclicBarrier.await()` waits for the other parties",
            "barrier.await();")
        .doTest();
  }

  @Test
  void semaphoreAcquire() {
    inTimerCallback(
            "java.util.concurrent.Semaphore permits",
            "// BUG: Diagnostic contains: `Semaphore.acquire()` waits for a permit",
            "permits.acquire();")
        .doTest();
  }

  @Test
  void lockTryLockWithTimeout() {
    inTimerCallback(
            "java.util.concurrent.locks.ReentrantLock lock",
            "// BUG: Diagnostic contains: `ReentrantLock.tryLock()` waits for the lock",
            "lock.tryLock(1, java.util.concurrent.TimeUnit.SECONDS);")
        .doTest();
  }

  @Test
  void lockTryLockWithoutTimeoutDoesNotBlock() {
    inTimerCallback("java.util.concurrent.locks.ReentrantLock lock", "lock.tryLock();").doTest();
  }

  @Test
  void semaphoreTryAcquireWithTimeout() {
    inTimerCallback(
            "java.util.concurrent.Semaphore permits",
            "// BUG: Diagnostic contains: `Semaphore.tryAcquire()` waits for a permit",
            "permits.tryAcquire(1, java.util.concurrent.TimeUnit.SECONDS);")
        .doTest();
  }

  @Test
  void semaphoreTryAcquireWithoutTimeoutDoesNotBlock() {
    inTimerCallback("java.util.concurrent.Semaphore permits", "permits.tryAcquire();").doTest();
  }

  @Test
  void phaserArriveAndAwaitAdvance() {
    inTimerCallback(
            "java.util.concurrent.Phaser phaser",
            "// BUG: Diagnostic contains: `Phaser.arriveAndAwaitAdvance()` waits for the other parties",
            "phaser.arriveAndAwaitAdvance();")
        .doTest();
  }

  // --- Queues -----------------------------------------------------------------------------------

  @Test
  void blockingQueuePut() {
    inTimerCallback(
            "java.util.concurrent.BlockingQueue<String> queue",
            "// BUG: Diagnostic contains: `BlockingQueue.put()` waits for space in the queue",
            "queue.put(\"job\");")
        .doTest();
  }

  @Test
  void blockingQueueTake() {
    inTimerCallback(
            "java.util.concurrent.BlockingQueue<String> queue",
            "// BUG: Diagnostic contains: `BlockingQueue.take()` waits for an element",
            "queue.take();")
        .doTest();
  }

  @Test
  void blockingQueueOfferWithTimeout() {
    inTimerCallback(
            "java.util.concurrent.BlockingQueue<String> queue",
            "// BUG: Diagnostic contains: `BlockingQueue.offer()` waits for space in the queue",
            "queue.offer(\"job\", 1, java.util.concurrent.TimeUnit.SECONDS);")
        .doTest();
  }

  @Test
  void blockingQueuePollWithTimeout() {
    inTimerCallback(
            "java.util.concurrent.BlockingQueue<String> queue",
            "// BUG: Diagnostic contains: `BlockingQueue.poll()` waits for an element",
            "queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);")
        .doTest();
  }

  @Test
  void blockingQueueOfferOnAConcreteQueueWithTimeout() {
    inTimerCallback(
            "java.util.concurrent.LinkedBlockingQueue<String> queue",
            "// BUG: Diagnostic contains: `LinkedBlockingQueue.offer()` waits for space in the queue",
            "queue.offer(\"job\", 1, java.util.concurrent.TimeUnit.SECONDS);")
        .doTest();
  }

  @Test
  void blockingQueueOfferWithoutTimeoutDoesNotBlock() {
    inTimerCallback("java.util.concurrent.BlockingQueue<String> queue", "queue.offer(\"job\");")
        .doTest();
  }

  @Test
  void blockingQueuePollWithoutTimeoutDoesNotBlock() {
    inTimerCallback("java.util.concurrent.BlockingQueue<String> queue", "queue.poll();").doTest();
  }

  // --- Futures ----------------------------------------------------------------------------------

  @Test
  void futureGet() {
    inTimerCallback(
            "java.util.concurrent.Future<String> result",
            "// BUG: Diagnostic contains: `Future.get()` waits for the result",
            "result.get();")
        .doTest();
  }

  @Test
  void completableFutureJoin() {
    inTimerCallback(
            "java.util.concurrent.CompletableFuture<String> result",
            "// BUG: Diagnostic contains: `CompletableFuture.join()` waits for the result",
            "result.join();")
        .doTest();
  }

  @Test
  void completableFutureGet() {
    inTimerCallback(
            "java.util.concurrent.CompletableFuture<String> result",
            "// BUG: Diagnostic contains: `CompletableFuture.get()` waits for the result",
            "result.get();")
        .doTest();
  }

  @Test
  void executorServiceAwaitTermination() {
    inTimerCallback(
            "java.util.concurrent.ExecutorService pool",
            "// BUG: Diagnostic contains: `ExecutorService.awaitTermination()` waits for the executor to terminate",
            "pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);")
        .doTest();
  }

  @Test
  void completableFutureGetNowDoesNotBlock() {
    inTimerCallback(
            "java.util.concurrent.CompletableFuture<String> result", "result.getNow(\"none\");")
        .doTest();
  }
}
