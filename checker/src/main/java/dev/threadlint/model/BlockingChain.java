package dev.threadlint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a call reaches a blocking API: the methods it goes through and the API at the end, e.g.
 * {@code snapshot() → readLocked() → ReentrantLock.lock()}. Plain strings, so summaries can be
 * written out and read back across modules.
 *
 * @param steps the calls, the first being the one at the call site, the last the blocking API
 * @param what what the blocking API does ("waits for the lock")
 * @param waitsForLock the API waits for a lock, a signal or a notification (a {@code lock-wait}
 *     rule): part of how locking works rather than work done while holding a lock
 * @param throughSynchronized a method of the chain is {@code synchronized}: the blocking happens
 *     in a locked region of its own, where it is reported as blocking under a lock
 */
public record BlockingChain(List<String> steps, String what, boolean waitsForLock, boolean throughSynchronized) {
  public BlockingChain {
    steps = List.copyOf(steps);
  }

  public BlockingChain(List<String> steps, String what) {
    this(steps, what, false, false);
  }

  public static BlockingChain direct(String api, String what) {
    return new BlockingChain(List.of(api), what);
  }

  public static BlockingChain direct(String api, String what, boolean waitsForLock) {
    return new BlockingChain(List.of(api), what, waitsForLock, false);
  }

  /** This chain, reached through one more method in front. */
  public BlockingChain through(String method) {
    return through(method, false);
  }

  /** This chain, reached through one more method in front, {@code synchronized} or not. */
  public BlockingChain through(String method, boolean synchronizedMethod) {
    List<String> longer = new ArrayList<>(steps.size() + 1);
    longer.add(method);
    longer.addAll(steps);
    return new BlockingChain(longer, what, waitsForLock, throughSynchronized || synchronizedMethod);
  }

  /** The blocking API at the end of the chain. */
  public String api() {
    return steps.get(steps.size() - 1);
  }

  public boolean isDirect() {
    return steps.size() == 1;
  }

  /**
   * The chain as a message clause: "`Thread.sleep()` sleeps the calling thread", or "`load()`
   * blocks: load() → Files.readString(), which reads a file".
   */
  public String describe() {
    return isDirect()
        ? "`" + api() + "` " + what
        : "`" + steps.get(0) + "` blocks: " + render() + ", which " + what;
  }

  public String render() {
    return String.join(" → ", steps);
  }
}
