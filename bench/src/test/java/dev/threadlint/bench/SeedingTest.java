package dev.threadlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedingTest {
  @TempDir Path dir;

  private static final String PANEL =
      """
      import java.awt.event.ActionEvent;
      import java.awt.event.ActionListener;
      import java.awt.event.MouseAdapter;
      import java.awt.event.MouseEvent;
      import javax.swing.JButton;

      class Panel extends MouseAdapter implements ActionListener {
        private final Object lock = new Object();
        private int clicks;

        Panel(JButton button) {
          button.addActionListener(this);
        }

        @Override
        public void actionPerformed(ActionEvent e) {
          clicks++;
        }

        @Override public void mouseClicked(MouseEvent e) { clicks++; }

        void count() {
          synchronized (lock) {
            clicks++;
          }
        }

        Runnable later() {
          return new Runnable() {
            @Override
            public void run() {
              count();
            }
          };
        }
      }
      """;

  @Test
  void findsTheBlocksWithJavacAlone() throws Exception {
    List<String> tokens = project();

    List<Seeding.Site> listeners = Seeding.sites(tokens, "override=java.awt.event.*Listener");
    List<Seeding.Site> locks = Seeding.sites(tokens, "synchronized");

    assertEquals(List.of(16L, 20L), listeners.stream().map(Seeding.Site::line).toList());
    assertEquals("overrides java.awt.event.ActionListener#actionPerformed", listeners.get(0).what());
    // MouseAdapter implements MouseListener: the override is found through the class.
    assertEquals("overrides java.awt.event.MouseListener#mouseClicked", listeners.get(1).what());
    assertEquals(List.of(23L), locks.stream().map(Seeding.Site::line).toList());
  }

  @Test
  void countsTheSeedsTheCheckReportsAndNamesTheOnesItMisses() throws Exception {
    List<String> tokens = project();
    List<Seeding.Site> listeners = Seeding.sites(tokens, "override=java.awt.event.*Listener");
    List<Seeding.Site> runnables = Seeding.sites(tokens, "override=java.lang.Runnable");

    Seeding.Recall ui = Seeding.run(tokens, listeners, Seeding.SLEEP, "BlockingCallOnUiThread", dir.resolve("ui"));
    // A Runnable that nothing hands to the UI thread: the check has no reason to report it.
    Seeding.Recall plain = Seeding.run(tokens, runnables, Seeding.SLEEP, "BlockingCallOnUiThread", dir.resolve("plain"));

    assertEquals(0, ui.exitCode(), ui.output());
    assertEquals(2, ui.found().size(), ui.output());
    assertEquals(0, ui.missed().size(), ui.output());
    assertEquals(0, plain.exitCode(), plain.output());
    assertEquals(List.of(), plain.found(), plain.output());
    assertEquals(1, plain.missed().size(), plain.output());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Seeding.report("override=java.lang.Runnable", "BlockingCallOnUiThread", runnables, plain, new PrintStream(printed, true, StandardCharsets.UTF_8));
    String report = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.startsWith("[seeding] BlockingCallOnUiThread: 1 seeds in override=java.lang.Runnable, found 0 (0%), missed 1;"), report);
    assertTrue(report.contains("[seeding] missed " + dir.resolve("Panel.java") + ":31 (overrides java.lang.Runnable#run)"), report);
  }

  @Test
  void theOriginalSourcesAreLeftAsTheyWere() throws Exception {
    List<String> tokens = project();
    List<Seeding.Site> locks = Seeding.sites(tokens, "synchronized");

    Seeding.Recall recall = Seeding.run(tokens, locks, Seeding.SLEEP, "BlockingUnderLock", dir.resolve("locks"));

    assertEquals(1, recall.found().size(), recall.output());
    assertEquals(PANEL, Files.readString(dir.resolve("Panel.java")));
  }

  @Test
  void seedsTheBlockLambdasPassedToMatchingMethods() throws Exception {
    Path source =
        Files.writeString(
            dir.resolve("Wiring.java"),
            """
            import javax.swing.JButton;
            import javax.swing.SwingUtilities;

            class Wiring {
              void wire(JButton button, Runnable work) {
                button.addActionListener(e -> {
                  work.run();
                });
                button.addActionListener(e -> work.run());
                SwingUtilities.invokeLater(() -> { work.run(); });
                new Thread(() -> { work.run(); }).start();
                new Thread(() -> { work.run(); }, "named").start();
              }
            }
            """);
    List<String> tokens = project(source);

    List<Seeding.Site> swing = Seeding.sites(tokens, "lambda=java.awt.*,javax.swing.*#add*Listener,invokeLater");
    List<Seeding.Site> threads = Seeding.sites(tokens, "lambda=java.lang.Thread#<init>");
    List<Seeding.Site> unnamedThreads = Seeding.sites(tokens, "lambda=java.lang.Thread#<init>/1");
    Seeding.Recall recall = Seeding.run(tokens, swing, Seeding.SLEEP, "BlockingCallOnUiThread", dir.resolve("swing"));

    // The expression lambda has no brace to seed after.
    assertEquals(List.of(6L, 10L), swing.stream().map(Seeding.Site::line).toList());
    assertEquals("lambda passed to javax.swing.AbstractButton#addActionListener", swing.get(0).what());
    assertEquals("lambda passed to javax.swing.SwingUtilities#invokeLater", swing.get(1).what());
    assertEquals(List.of(11L, 12L), threads.stream().map(Seeding.Site::line).toList());
    assertEquals(List.of(11L), unnamedThreads.stream().map(Seeding.Site::line).toList());
    assertEquals(2, recall.found().size(), recall.output());
  }

  @Test
  void rejectsAnUnknownKindOfBlock() throws Exception {
    List<String> tokens = project();

    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Seeding.sites(tokens, "lambdas"));

    assertTrue(thrown.getMessage().contains("unknown kind of block: lambdas"), thrown.getMessage());
    IllegalArgumentException noMethod = assertThrows(IllegalArgumentException.class, () -> Seeding.sites(tokens, "lambda=java.lang.Thread"));
    assertTrue(noMethod.getMessage().contains("lambda= needs TYPE_GLOB#METHOD_GLOB"), noMethod.getMessage());
    IllegalArgumentException badCount = assertThrows(IllegalArgumentException.class, () -> Seeding.sites(tokens, "lambda=java.lang.Thread#<init>/one"));
    assertTrue(badCount.getMessage().contains("not a number of parameters: /one"), badCount.getMessage());
  }

  @Test
  void readsTheQuotedTokensOfAHarnessArgfile() throws Exception {
    Path argfile = Files.write(dir.resolve("c.args"), List.of("\"-d\"", "\"/tmp/a b\"", "\"say \\\"hi\\\" \\\\ there\""));

    assertEquals(List.of("-d", "/tmp/a b", "say \"hi\" \\ there"), Seeding.readArgfile(argfile));
  }

  /** The tokens of an argfile as the harness writes it, for {@link #PANEL}, with the plugin. */
  private List<String> project() throws Exception {
    return project(Files.writeString(dir.resolve("Panel.java"), PANEL));
  }

  private List<String> project(Path source) {
    return List.of(
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-processorpath",
        System.getProperty("java.class.path"),
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:BlockingCallOnUiThread:WARN -Xep:BlockingUnderLock:WARN",
        "-proc:none",
        "-d",
        dir.resolve("unused").toString(),
        source.toString());
  }
}
