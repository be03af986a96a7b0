package dev.threadlint.model;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  @Test
  void findsAWholeIdentifier() {
    assertThat(SourceText.containsIdentifier("lock.lock();", "lock")).isTrue();
    assertThat(SourceText.containsIdentifier("rw.writeLock()", "writeLock")).isTrue();
    assertThat(SourceText.containsIdentifier("lock", "lock")).isTrue();
  }

  @Test
  void aPartOfALongerIdentifierIsNotIt() {
    assertThat(SourceText.containsIdentifier("blocking(block, lockCount, $lock, lock_1)", "lock")).isFalse();
    assertThat(SourceText.containsIdentifier("tryLock()", "lock")).isFalse();
  }

  @Test
  void laterOccurrencesAreFoundAfterAPartialOne() {
    assertThat(SourceText.containsIdentifier("block(); l.lock();", "lock")).isTrue();
  }

  @Test
  void aUnicodeEscapeMayHideAnything() {
    assertThat(SourceText.mayEscape("\\u0073ynchronized (this) {}")).isTrue();
    assertThat(SourceText.mayEscape("synchronized (this) {}")).isFalse();
  }

  private static final Set<String> LOCKS =
      Set.of("lock", "lockInterruptibly", "tryLock", "readLock", "writeLock", "readLockInterruptibly");

  @Test
  void theCommonPartOfTheJdksAcquiringNames() {
    assertThat(SourceText.commonPart(LOCKS)).isEqualTo("ock");
    assertThat(SourceText.commonPart(List.of("enter", "lock"))).isEmpty();
    assertThat(SourceText.commonPart(List.of())).isEmpty();
  }

  @Test
  void anAnchoredSearchAnswersAsOneSearchPerWord() {
    List<String> texts =
        List.of(
            "lock.lock();",
            "block(); clock.tick(); mock(Lock.class);",
            "rw.readLock().lock()",
            "tryLockCount = 0; lockInterruptiblyX();",
            "l.tryLock(1, SECONDS)",
            "lockInterruptibly",
            "// writeLock",
            "blockblock lock",
            "$lock lock_1 lock1 Lock",
            "");
    for (String text : texts) {
      boolean any = LOCKS.stream().anyMatch(word -> SourceText.containsIdentifier(text, word));
      assertWithMessage(text).that(SourceText.containsAnyIdentifier(text, "ock", LOCKS, 21)).isEqualTo(any);
    }
    assertThat(SourceText.containsAnyIdentifier("blockblock lock", "ock", LOCKS, 21)).isTrue();
    assertThat(SourceText.containsAnyIdentifier("block(); Lock l;", "ock", LOCKS, 21)).isFalse();
  }
}
