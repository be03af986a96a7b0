package dev.threadlint.model;

import dev.threadlint.model.ThreadContext.Kind;
import dev.threadlint.model.ThreadModel.Framework;

/** How reasons name a thread: "whose callbacks run on a Vert.x event loop", "Netty calls on ...". */
final class ContextPhrases {
  private final ThreadModel model;

  ContextPhrases(ThreadModel model) {
    this.model = model;
  }

  String runsOn(Kind kind, String frameworkName) {
    Framework framework = model.framework(frameworkName);
    return switch (kind) {
      case EVENT_LOOP, UI_THREAD -> "whose callbacks run on " + framework.thread();
      case WORKER -> "which runs it where blocking is allowed";
      case COMMON_POOL -> "which runs it on ForkJoinPool.commonPool()";
      default -> "which gives no guarantee about the thread";
    };
  }

  String calledOn(Kind kind, String frameworkName) {
    if (frameworkName.isEmpty()) {
      return kind == Kind.UI_THREAD
          ? "it runs on the UI thread"
          : kind.forbidsBlocking() ? "it runs on a thread that must not block" : "it may block";
    }
    Framework framework = model.framework(frameworkName);
    return switch (kind) {
      case EVENT_LOOP, UI_THREAD -> frameworkName + " calls on " + framework.thread();
      case WORKER -> frameworkName + " calls where blocking is allowed";
      default -> frameworkName + " calls on a thread of its own";
    };
  }

  static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
