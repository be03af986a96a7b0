package dev.threadlint.sharedstate;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import org.junit.jupiter.api.Test;

/** The fixes {@link CheckThenActRace} suggests, checked against the exact output text. */
class CheckThenActRaceFixTest {
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(CheckThenActRace.class, getClass());

  @Test
  void containsKeyThenPutBecomesPutIfAbsent() {
    refactoring
        .addInputLines(
            "Cache.java",
            "import java.util.concurrent.ConcurrentMap;",
            "class Cache {",
            "  void remember(ConcurrentMap<String, String> values, String key, String value) {",
            "    if (!values.containsKey(key)) {",
            "      values.put(key, value);",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Cache.java",
            "import java.util.concurrent.ConcurrentMap;",
            "class Cache {",
            "  void remember(ConcurrentMap<String, String> values, String key, String value) {",
            "    values.putIfAbsent(key, value);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void getNullThenPutOfNewBecomesComputeIfAbsent() {
    refactoring
        .addInputLines(
            "Groups.java",
            "import java.util.*;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Groups {",
            "  private final ConcurrentHashMap<String, List<String>> groups = new ConcurrentHashMap<>();",
            "  void add(String k) {",
            "    if (groups.get(k) == null) groups.put(k, new ArrayList<>());",
            "  }",
            "}")
        .addOutputLines(
            "Groups.java",
            "import java.util.*;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Groups {",
            "  private final ConcurrentHashMap<String, List<String>> groups = new ConcurrentHashMap<>();",
            "  void add(String k) {",
            "    groups.computeIfAbsent(k, key -> new ArrayList<>());",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void containsThenAddUsesTheResultOfAdd() {
    refactoring
        .addInputLines(
            "Seen.java",
            "import java.util.Set;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Seen {",
            "  private final Set<String> seen = ConcurrentHashMap.newKeySet();",
            "  void visit(String url) {",
            "    if (!seen.contains(url)) {",
            "      seen.add(url);",
            "      System.out.println(url);",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Seen.java",
            "import java.util.Set;",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Seen {",
            "  private final Set<String> seen = ConcurrentHashMap.newKeySet();",
            "  void visit(String url) {",
            "    if (seen.add(url)) {",
            "      System.out.println(url);",
            "    }",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void atomicSetOfGetPlusDeltaBecomesAddAndGet() {
    refactoring
        .addInputLines(
            "Bytes.java",
            "import java.util.concurrent.atomic.AtomicLong;",
            "class Bytes {",
            "  private final AtomicLong total = new AtomicLong();",
            "  void add(int n) {",
            "    total.set(total.get() + n);",
            "    total.set(total.get() - 1);",
            "  }",
            "}")
        .addOutputLines(
            "Bytes.java",
            "import java.util.concurrent.atomic.AtomicLong;",
            "class Bytes {",
            "  private final AtomicLong total = new AtomicLong();",
            "  void add(int n) {",
            "    total.addAndGet(n);",
            "    total.decrementAndGet();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void putOfGetPlusOneBecomesMerge() {
    refactoring
        .addInputLines(
            "Counts.java",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Counts {",
            "  private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();",
            "  void count(String word) {",
            "    counts.put(word, counts.get(word) + 1L);",
            "  }",
            "}")
        .addOutputLines(
            "Counts.java",
            "import java.util.concurrent.ConcurrentHashMap;",
            "class Counts {",
            "  private final ConcurrentHashMap<String, Long> counts = new ConcurrentHashMap<>();",
            "  void count(String word) {",
            "    counts.merge(word, 1L, Long::sum);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }
}
