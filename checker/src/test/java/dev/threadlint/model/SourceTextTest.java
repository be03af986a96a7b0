package dev.threadlint.model;

import static com.google.common.truth.Truth.assertThat;

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
}
