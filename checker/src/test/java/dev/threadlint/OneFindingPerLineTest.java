package dev.threadlint;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line that touches a racing field twice ({@code if (channel != null && channel.isOpen())}) gets
 * one warning, not one per access with the same text (vertx-rabbitmq-client's restartConnect).
 */
class OneFindingPerLineTest {
  @TempDir Path sources;

  @Test
  void twoReadsOfARacingFieldOnOneLineAreReportedOnce() {
    Compilation compilation =
        MarkedFindings.compile(
            sources.resolve("demo/Client.java"),
            """
            package demo;

            import java.util.concurrent.ExecutorService;

            class Client {
              private StringBuilder channel;

              void start(ExecutorService pool) {
                pool.execute(() -> channel = new StringBuilder());
                if (channel != null && channel.length() > 0) {
                  System.out.println("open");
                }
              }
            }
            """,
            List.of());
    assertThat(compilation).succeeded();
    List<Long> lines =
        compilation.diagnostics().stream()
            .filter(d -> d.getMessage(null).startsWith("[UnsynchronizedSharedMutation]"))
            .map(Diagnostic::getLineNumber)
            .sorted()
            .toList();
    assertThat(lines).containsExactly(9L, 10L).inOrder();
  }
}
