package dev.threadlint.model;

/**
 * A lock held at a point of code and where it was taken.
 *
 * @param lock which lock
 * @param how how it was taken, as code: {@code synchronized (lock)}, {@code lock.lock()}, {@code
 *     if (lock.tryLock())}, {@code synchronized method put()}
 * @param line the line of the acquisition (of the method for a synchronized method)
 */
public record HeldLock(LockId lock, String how, int line) {

  /** For messages: "`synchronized (lock)` at line 12". */
  public String describe() {
    return "`" + how + "` at line " + line;
  }
}
