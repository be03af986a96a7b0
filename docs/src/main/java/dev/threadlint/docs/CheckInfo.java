package dev.threadlint.docs;

import java.util.List;

/**
 * A registered check as its {@code @BugPattern} describes it.
 *
 * @param name the name in warnings, {@code -Xep:} and {@code @SuppressWarnings}
 * @param className the checker class
 * @param family the family id: the check's package under {@code dev.threadlint}
 * @param severity the default severity, e.g. {@code WARNING}
 * @param linkType the {@code @BugPattern} link type, e.g. {@code CUSTOM}
 * @param link the URL every warning prints
 * @param flags the {@code -XepOpt:} flags that configure it
 */
record CheckInfo(
    String name,
    String className,
    String family,
    String severity,
    String summary,
    String linkType,
    String link,
    List<String> flags) {

  /** "Warning" for {@code WARNING}. */
  String severityLabel() {
    return severity.charAt(0) + severity.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
