package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;

/** Source files the {@link BlockingCallInEventLoop} tests share, so each test shows only its case. */
final class EventLoopTestSources {
  private EventLoopTestSources() {}

  /**
   * A Vert.x timer callback (a known event loop) whose body is {@code statements}, in a method that
   * also takes {@code params}; checked exceptions are caught around the body.
   */
  static CompilationTestHelper inTimerCallback(
      CompilationTestHelper helper, String params, String... statements) {
    List<String> lines = new ArrayList<>();
    lines.add("import io.vertx.core.Vertx;");
    lines.add("class Handlers {");
    lines.add("  void start(Vertx vertx" + (params.isEmpty() ? "" : ", " + params) + ") {");
    lines.add("    vertx.setTimer(10, id -> {");
    lines.add("      try {");
    for (String statement : statements) {
      lines.add("        " + statement);
    }
    lines.add("      } catch (Exception e) {");
    lines.add("        throw new IllegalStateException(e);");
    lines.add("      }");
    lines.add("    });");
    lines.add("  }");
    lines.add("}");
    return helper.addSourceLines("Handlers.java", lines.toArray(new String[0]));
  }

  /**
   * A class {@code Service} with a {@code ReentrantLock lock} field, the Vert.x, Vert.x Web and
   * executor imports the cases need, and {@code members}. The lock is not private: code in other
   * files may hold it across anything, so waiting for it blocks (a private lock whose critical
   * sections are all short is not reported: see {@code LockWaits}).
   */
  static CompilationTestHelper vertxService(CompilationTestHelper helper, String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import io.vertx.core.*;");
    lines.add("import io.vertx.ext.web.Router;");
    lines.add("import java.util.concurrent.CompletableFuture;");
    lines.add("import java.util.concurrent.Executor;");
    lines.add("import java.util.concurrent.ExecutorService;");
    lines.add("import java.util.concurrent.Executors;");
    lines.add("import java.util.concurrent.locks.ReentrantLock;");
    lines.add("class Service {");
    lines.add("  final ReentrantLock lock = new ReentrantLock();");
    for (String member : members) {
      lines.add("  " + member);
    }
    lines.add("}");
    return helper.addSourceLines("Service.java", lines.toArray(new String[0]));
  }
}
