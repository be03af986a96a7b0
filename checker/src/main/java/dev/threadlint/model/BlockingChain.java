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
 */
public record BlockingChain(List<String> steps, String what) {
  public BlockingChain {
    steps = List.copyOf(steps);
  }

  public static BlockingChain direct(String api, String what) {
    return new BlockingChain(List.of(api), what);
  }

  /** This chain, reached through one more method in front. */
  public BlockingChain through(String method) {
    List<String> longer = new ArrayList<>(steps.size() + 1);
    longer.add(method);
    longer.addAll(steps);
    return new BlockingChain(longer, what);
  }

  /** The blocking API at the end of the chain. */
  public String api() {
    return steps.get(steps.size() - 1);
  }

  public boolean isDirect() {
    return steps.size() == 1;
  }

  public String render() {
    return String.join(" → ", steps);
  }

  /**
   * The chain as messages say it: "`Thread.sleep()` sleeps the calling thread", or "`snapshot()`
   * blocks: snapshot() → readLocked() → ReentrantLock.lock(), which waits for the lock".
   */
  public String describe() {
    return isDirect()
        ? "`" + api() + "` " + what
        : "`" + steps.get(0) + "` blocks: " + render() + ", which " + what;
  }
}
