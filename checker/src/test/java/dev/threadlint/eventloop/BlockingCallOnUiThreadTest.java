package dev.threadlint.eventloop;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class BlockingCallOnUiThreadTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallOnUiThread.class, getClass());

  // --- Swing and AWT ----------------------------------------------------------------------------

  @Test
  void swingInvokeLater() {
    helper
        .addSourceLines(
            "Refresh.java",
            "import javax.swing.SwingUtilities;",
            "class Refresh {",
            "  void refresh() {",
            "    SwingUtilities.invokeLater(() -> {",
            "      try {",
            "        // BUG: Diagnostic contains: This lambda is passed to `javax.swing.SwingUtilities#invokeLater`, whose callbacks run on the Swing event dispatch thread",
            "        Thread.sleep(100);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void swingInvokeAndWait() throws Exception {
    helper
        .addSourceLines(
            "Refresh.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javax.swing.SwingUtilities;",
            "class Refresh {",
            "  void refresh(Path file) throws Exception {",
            "    SwingUtilities.invokeAndWait(() -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `Files.readString()` reads a file. This lambda is passed to `javax.swing.SwingUtilities#invokeAndWait`",
            "        Files.readString(file);",
            "      } catch (java.io.IOException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void awtEventQueueInvokeLater() {
    helper
        .addSourceLines(
            "Refresh.java",
            "import java.awt.EventQueue;",
            "import java.util.concurrent.Future;",
            "class Refresh {",
            "  void refresh(Future<String> pending) {",
            "    EventQueue.invokeLater(() -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `Future.get()` waits for the result. This lambda is passed to `java.awt.EventQueue#invokeLater`",
            "        pending.get();",
            "      } catch (Exception e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void actionListenerLambdaOnJButton() {
    helper
        .addSourceLines(
            "SaveButton.java",
            "import java.util.concurrent.CountDownLatch;",
            "import javax.swing.JButton;",
            "class SaveButton {",
            "  void wire(JButton button, CountDownLatch ready) {",
            "    button.addActionListener(e -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `CountDownLatch.await()` waits for the latch to count down. This lambda is passed to `javax.swing.JButton#addActionListener`, whose callbacks run on the Swing event dispatch thread",
            "        ready.await();",
            "      } catch (InterruptedException ex) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void actionListenerImplementationClass() {
    helper
        .addSourceLines(
            "SaveAction.java",
            "import java.awt.event.ActionEvent;",
            "import java.awt.event.ActionListener;",
            "import java.io.FileWriter;",
            "import java.io.IOException;",
            "class SaveAction implements ActionListener {",
            "  @Override",
            "  public void actionPerformed(ActionEvent e) {",
            "    // BUG: Diagnostic contains: `new FileWriter()` opens a file. `actionPerformed` overrides `java.awt.event.ActionListener#actionPerformed`, which Swing calls on the Swing event dispatch thread",
            "    try (FileWriter out = new FileWriter(\"state.txt\")) {",
            "      // BUG: Diagnostic contains: `FileWriter.write()` writes a file",
            "      out.write(\"saved\");",
            "    } catch (IOException ex) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void paintingRunsOnTheUiThread() {
    // Swing paints components on the event dispatch thread (found by seeding jfreechart: its three
    // paintComponent overrides were the Swing callbacks the model did not name).
    helper
        .addSourceLines(
            "Thumbnail.java",
            "import java.awt.Canvas;",
            "import java.awt.Graphics;",
            "import javax.swing.JPanel;",
            "class Thumbnail extends JPanel {",
            "  @Override",
            "  protected void paintComponent(Graphics g) {",
            "    super.paintComponent(g);",
            "    try {",
            "      // BUG: Diagnostic contains: `paintComponent` overrides `javax.swing.JComponent#paintComponent`, which Swing calls on the Swing event dispatch thread",
            "      Thread.sleep(5);",
            "    } catch (InterruptedException e) {}",
            "  }",
            "  static class Gauge extends Canvas {",
            "    @Override",
            "    public void paint(Graphics g) {",
            "      try {",
            "        // BUG: Diagnostic contains: `paint` overrides `java.awt.Component#paint`, which Swing calls on the Swing event dispatch thread",
            "        Thread.sleep(5);",
            "      } catch (InterruptedException e) {}",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void componentMethodsOtherThanPaintingAndPaintMethodsOfOtherClassesAreNotClaimed() {
    // Layout and tooltips are asked for on the UI thread too, but also from any thread that sizes
    // a component; a method named paint outside AWT's hierarchy is no callback at all.
    helper
        .addSourceLines(
            "Sizes.java",
            "import java.awt.Dimension;",
            "import java.awt.Graphics;",
            "import javax.swing.JPanel;",
            "class Sizes extends JPanel {",
            "  @Override",
            "  public Dimension getPreferredSize() {",
            "    try {",
            "      Thread.sleep(5);",
            "    } catch (InterruptedException e) {}",
            "    return new Dimension(10, 10);",
            "  }",
            "  static class Painter {",
            "    void paint(Graphics g) throws InterruptedException {",
            "      Thread.sleep(5);",
            "    }",
            "    void paintComponent(Graphics g) throws InterruptedException {",
            "      Thread.sleep(5);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anonymousMouseAdapter() {
    helper
        .addSourceLines(
            "Canvas.java",
            "import java.awt.Component;",
            "import java.awt.event.MouseAdapter;",
            "import java.awt.event.MouseEvent;",
            "class Canvas {",
            "  void wire(Component canvas) {",
            "    canvas.addMouseListener(new MouseAdapter() {",
            "      @Override",
            "      public void mouseClicked(MouseEvent e) {",
            "        try {",
            "          // BUG: Diagnostic contains: `mouseClicked` overrides `java.awt.event.MouseListener#mouseClicked`, which Swing calls on the Swing event dispatch thread",
            "          Thread.sleep(50);",
            "        } catch (InterruptedException ex) {}",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anonymousMouseListener() {
    helper
        .addSourceLines(
            "Canvas.java",
            "import java.awt.event.MouseEvent;",
            "import java.awt.event.MouseListener;",
            "import java.util.concurrent.locks.Lock;",
            "import javax.swing.JPanel;",
            "class Canvas {",
            "  void wire(JPanel canvas, Lock lock) {",
            "    canvas.addMouseListener(new MouseListener() {",
            "      public void mouseClicked(MouseEvent e) {",
            "        // BUG: Diagnostic contains: `Lock.lock()` waits for the lock. `mouseClicked` overrides `java.awt.event.MouseListener#mouseClicked`",
            "        lock.lock();",
            "        lock.unlock();",
            "      }",
            "      public void mousePressed(MouseEvent e) {}",
            "      public void mouseReleased(MouseEvent e) {}",
            "      public void mouseEntered(MouseEvent e) {}",
            "      public void mouseExited(MouseEvent e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void awtEventProcessingOverridesRunOnTheUiThread() {
    // Component#dispatchEvent hands every event to processEvent and the process*Event methods on
    // the EDT, before any listener (rsyntaxtextarea's RTextArea#processMouseEvent).
    helper
        .addSourceLines(
            "Editor.java",
            "import java.awt.AWTEvent;",
            "import java.awt.event.KeyEvent;",
            "import java.awt.event.MouseEvent;",
            "import java.awt.event.WindowEvent;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javax.swing.JFrame;",
            "import javax.swing.JTextArea;",
            "class Editor extends JTextArea {",
            "  @Override",
            "  protected void processMouseEvent(MouseEvent e) {",
            "    try {",
            "      // BUG: Diagnostic contains: `processMouseEvent` overrides `java.awt.Component#processMouseEvent`, which Swing calls on the Swing event dispatch thread",
            "      Files.readString(Path.of(\"recent.txt\"));",
            "    } catch (java.io.IOException ex) {}",
            "    super.processMouseEvent(e);",
            "  }",
            "  @Override",
            "  protected void processEvent(AWTEvent e) {",
            "    try {",
            "      // BUG: Diagnostic contains: `processEvent` overrides `java.awt.Component#processEvent`",
            "      Thread.sleep(5);",
            "    } catch (InterruptedException ex) {}",
            "    super.processEvent(e);",
            "  }",
            "  static class Frame extends JFrame {",
            "    @Override",
            "    protected void processWindowEvent(WindowEvent e) {",
            "      try {",
            "        // BUG: Diagnostic contains: `processWindowEvent` overrides `java.awt.Window#processWindowEvent`",
            "        Thread.sleep(5);",
            "      } catch (InterruptedException ex) {}",
            "    }",
            "  }",
            "  // Named like them, outside AWT's hierarchy: no callback.",
            "  static class Queue {",
            "    void processKeyEvent(KeyEvent e) throws InterruptedException {",
            "      Thread.sleep(5);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cellRenderersRunOnTheUiThread() {
    helper
        .addSourceLines(
            "Thumbnails.java",
            "import java.awt.Component;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javax.swing.DefaultListCellRenderer;",
            "import javax.swing.JLabel;",
            "import javax.swing.JList;",
            "import javax.swing.JTable;",
            "import javax.swing.table.TableCellRenderer;",
            "class Thumbnails extends DefaultListCellRenderer {",
            "  @Override",
            "  public Component getListCellRendererComponent(",
            "      JList<?> list, Object value, int index, boolean selected, boolean focus) {",
            "    try {",
            "      // BUG: Diagnostic contains: `getListCellRendererComponent` overrides `javax.swing.ListCellRenderer#getListCellRendererComponent`, which Swing calls on the Swing event dispatch thread",
            "      setText(Files.readString(Path.of(value.toString())));",
            "    } catch (java.io.IOException e) {}",
            "    return this;",
            "  }",
            "  static final TableCellRenderer SIZES = (JTable table, Object value, boolean selected,",
            "      boolean focus, int row, int column) -> {",
            "    try {",
            "      // BUG: Diagnostic contains: javax.swing.table.TableCellRenderer#getTableCellRendererComponent",
            "      return new JLabel(Files.readString(Path.of(value.toString())));",
            "    } catch (java.io.IOException e) {",
            "      return new JLabel();",
            "    }",
            "  };",
            "}")
        .doTest();
  }

  @Test
  void swingTimerListener() {
    helper
        .addSourceLines(
            "Poller.java",
            "import java.util.concurrent.BlockingQueue;",
            "import javax.swing.Timer;",
            "class Poller {",
            "  Timer start(BlockingQueue<String> inbox) {",
            "    Timer timer = new Timer(1000, e -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `BlockingQueue.take()` waits for an element. This lambda is passed to `javax.swing.Timer#<init>`, whose callbacks run on the Swing event dispatch thread",
            "        inbox.take();",
            "      } catch (InterruptedException ex) {}",
            "    });",
            "    timer.start();",
            "    return timer;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void swingWorkerDoneAndProcess() {
    helper
        .addSourceLines(
            "Loader.java",
            "import java.util.List;",
            "import javax.swing.SwingWorker;",
            "class Loader extends SwingWorker<String, Integer> {",
            "  @Override",
            "  protected String doInBackground() { return \"\"; }",
            "  @Override",
            "  protected void process(List<Integer> chunks) {",
            "    try {",
            "      // BUG: Diagnostic contains: `process` overrides `javax.swing.SwingWorker#process`, which Swing calls on the Swing event dispatch thread",
            "      Thread.sleep(10);",
            "    } catch (InterruptedException e) {}",
            "  }",
            "  @Override",
            "  protected void done() {",
            "    // BUG: Diagnostic contains: `File.delete()` deletes a file. `done` overrides `javax.swing.SwingWorker#done`",
            "    new java.io.File(\"loading.lock\").delete();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void swingWorkerDoInBackgroundMayBlock() {
    helper
        .addSourceLines(
            "Loader.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javax.swing.SwingWorker;",
            "class Loader extends SwingWorker<String, Void> {",
            "  @Override",
            "  protected String doInBackground() throws Exception {",
            "    Thread.sleep(10);",
            "    return Files.readString(Path.of(\"big.txt\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void swingWorkerGetInItsOwnDoneIsNotReported() {
    helper
        .addSourceLines(
            "Loader.java",
            "import javax.swing.JLabel;",
            "import javax.swing.SwingWorker;",
            "class Loader extends SwingWorker<String, Void> {",
            "  private final JLabel label = new JLabel();",
            "  @Override",
            "  protected String doInBackground() { return \"\"; }",
            "  @Override",
            "  protected void done() {",
            "    try {",
            "      label.setText(get());",
            "      label.setText(this.get());",
            "    } catch (Exception e) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void swingWorkerGetFromActionListenerIsReported() {
    helper
        .addSourceLines(
            "Search.java",
            "import javax.swing.JButton;",
            "import javax.swing.SwingWorker;",
            "class Search {",
            "  void wire(JButton button, SwingWorker<String, Void> worker) {",
            "    button.addActionListener(e -> {",
            "      worker.execute();",
            "      try {",
            "        // BUG: Diagnostic contains: `SwingWorker.get()` waits for the result",
            "        button.setText(worker.get());",
            "      } catch (Exception ex) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void executorTaskSubmittedFromActionListenerMayBlock() {
    helper
        .addSourceLines(
            "SaveButton.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.util.concurrent.ExecutorService;",
            "import javax.swing.JButton;",
            "import javax.swing.SwingUtilities;",
            "class SaveButton {",
            "  void wire(JButton button, ExecutorService io, Path file) {",
            "    button.addActionListener(e -> {",
            "      button.setEnabled(false);",
            "      io.submit(() -> {",
            "        Files.writeString(file, \"saved\");",
            "        SwingUtilities.invokeLater(() -> button.setEnabled(true));",
            "        return null;",
            "      });",
            "      io.execute(this::slowSave);",
            "      io.execute(new Runnable() {",
            "        @Override",
            "        public void run() { slowSave(); }",
            "      });",
            "    });",
            "  }",
            "  void slowSave() {",
            "    try {",
            "      Thread.sleep(100);",
            "    } catch (InterruptedException e) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void backgroundTasksCreatedInUiCallbacksMayBlock() {
    helper
        .addSourceLines(
            "Panel.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javafx.concurrent.Task;",
            "import javax.swing.JButton;",
            "import javax.swing.SwingWorker;",
            "class Panel {",
            "  void wire(JButton load, javafx.scene.control.Button fxLoad, Path file) {",
            "    load.addActionListener(e -> new SwingWorker<String, Void>() {",
            "      @Override",
            "      protected String doInBackground() throws Exception {",
            "        return Files.readString(file);",
            "      }",
            "    }.execute());",
            "    fxLoad.setOnAction(e -> {",
            "      Task<String> task = new Task<>() {",
            "        @Override",
            "        protected String call() throws Exception {",
            "          return Files.readString(file);",
            "        }",
            "      };",
            "      new Thread(task).start();",
            "      new Thread(() -> {",
            "        try {",
            "          Thread.sleep(100);",
            "        } catch (InterruptedException ex) {}",
            "      }).start();",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperThatHandsItsWorkToAnExecutorDoesNotBlock() {
    helper
        .addSourceLines(
            "Exporter.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import java.util.concurrent.ExecutorService;",
            "import javax.swing.JButton;",
            "class Exporter {",
            "  private final ExecutorService io;",
            "  Exporter(ExecutorService io) { this.io = io; }",
            "  void wire(JButton button, Path file) {",
            "    button.addActionListener(e -> export(file));",
            "  }",
            "  private void export(Path file) {",
            "    io.submit(() -> Files.writeString(file, \"data\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void blockingInMainIsNotReported() {
    helper
        .addSourceLines(
            "Main.java",
            "import javax.swing.JFrame;",
            "import javax.swing.SwingUtilities;",
            "class Main {",
            "  public static void main(String[] args) throws Exception {",
            "    Thread.sleep(100);",
            "    String config = java.nio.file.Files.readString(java.nio.file.Path.of(\"app.conf\"));",
            "    SwingUtilities.invokeLater(() -> new JFrame(config).setVisible(true));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void transitiveChainFromListenerIsNamed() {
    helper
        .addSourceLines(
            "Exporter.java",
            "import java.io.FileOutputStream;",
            "import java.io.IOException;",
            "import javax.swing.JButton;",
            "class Exporter {",
            "  void wire(JButton button) {",
            "    // BUG: Diagnostic contains: `export()` blocks: export() → writeAll() → new FileOutputStream(), which opens a file",
            "    button.addActionListener(e -> export());",
            "  }",
            "  private void export() { writeAll(); }",
            "  private void writeAll() {",
            "    try (FileOutputStream out = new FileOutputStream(\"export.bin\")) {",
            "      out.flush();",
            "    } catch (IOException e) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressedWithSuppressWarnings() {
    helper
        .addSourceLines(
            "Splash.java",
            "import javax.swing.SwingUtilities;",
            "class Splash {",
            "  @SuppressWarnings(\"BlockingCallOnUiThread\")",
            "  void show() {",
            "    SwingUtilities.invokeLater(() -> {",
            "      try {",
            "        Thread.sleep(500);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void messageNamesCallContextConsequenceAndAdvice() {
    helper
        .addSourceLines(
            "Refresh.java",
            "import javax.swing.SwingUtilities;",
            "class Refresh {",
            "  void refresh() {",
            "    SwingUtilities.invokeLater(() -> {",
            "      try {",
            "        // BUG: Diagnostic contains: [BlockingCallOnUiThread] Blocking call on the UI thread: `Thread.sleep()` sleeps the calling thread. This lambda is passed to `javax.swing.SwingUtilities#invokeLater`, whose callbacks run on the Swing event dispatch thread. While it blocks, the interface cannot repaint or react to input. Run the blocking work in a SwingWorker (doInBackground) and update the UI in done() or process().",
            "        Thread.sleep(100);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  // --- JavaFX -----------------------------------------------------------------------------------

  @Test
  void javafxPlatformRunLater() {
    helper
        .addSourceLines(
            "Status.java",
            "import javafx.application.Platform;",
            "import java.util.concurrent.CompletableFuture;",
            "class Status {",
            "  void show(CompletableFuture<String> text) {",
            "    // BUG: Diagnostic contains: `CompletableFuture.join()` waits for the result. This lambda is passed to `javafx.application.Platform#runLater`, whose callbacks run on the JavaFX application thread",
            "    Platform.runLater(() -> System.out.println(text.join()));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxButtonSetOnAction() {
    helper
        .addSourceLines(
            "Form.java",
            "import javafx.scene.control.Button;",
            "class Form {",
            "  void wire(Button submit) {",
            "    submit.setOnAction(e -> {",
            "      try {",
            "        // BUG: Diagnostic contains: This lambda is passed to `javafx.scene.control.Button#setOnAction`, whose callbacks run on the JavaFX application thread",
            "        Thread.sleep(200);",
            "      } catch (InterruptedException ex) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxEventHandlerImplementation() {
    helper
        .addSourceLines(
            "Submit.java",
            "import java.net.URL;",
            "import javafx.event.ActionEvent;",
            "import javafx.event.EventHandler;",
            "class Submit implements EventHandler<ActionEvent> {",
            "  @Override",
            "  public void handle(ActionEvent event) {",
            "    try {",
            "      // BUG: Diagnostic contains: `URL.openStream()` opens a connection to the URL (a network one unless it names a local file or resource). `handle` overrides `javafx.event.EventHandler#handle`, which JavaFX calls on the JavaFX application thread",
            "      new URL(\"https://example.com\").openStream().close();",
            "    } catch (java.io.IOException e) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxCollectionListenersRunOnTheUiThread() {
    // Like the properties' listeners: called by whoever changes the collection, the application
    // thread for anything a scene shows (controlsfx's MasterDetailPaneSkin).
    helper
        .addSourceLines(
            "Selection.java",
            "import javafx.collections.ListChangeListener;",
            "import javafx.collections.ObservableList;",
            "import javafx.collections.ObservableMap;",
            "class Selection {",
            "  void wire(ObservableList<String> items, ObservableMap<String, Integer> counts) {",
            "    items.addListener((ListChangeListener.Change<? extends String> change) -> {",
            "      try {",
            "        // BUG: Diagnostic contains: This lambda is passed to `javafx.collections.ObservableList#addListener`, whose callbacks run on the JavaFX application thread",
            "        Thread.sleep(5);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "    counts.addListener(new javafx.collections.MapChangeListener<String, Integer>() {",
            "      @Override",
            "      public void onChanged(Change<? extends String, ? extends Integer> change) {",
            "        try {",
            "          // BUG: Diagnostic contains: `onChanged` overrides `javafx.collections.MapChangeListener#onChanged`",
            "          Thread.sleep(5);",
            "        } catch (InterruptedException e) {}",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxCellUpdatesAndLayoutRunOnTheUiThread() {
    helper
        .addSourceLines(
            "FileCell.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javafx.scene.control.ListCell;",
            "class FileCell extends ListCell<Path> {",
            "  @Override",
            "  protected void updateItem(Path item, boolean empty) {",
            "    super.updateItem(item, empty);",
            "    try {",
            "      // BUG: Diagnostic contains: `updateItem` overrides `javafx.scene.control.Cell#updateItem`, which JavaFX calls on the JavaFX application thread",
            "      setText(empty ? null : Files.readString(item));",
            "    } catch (java.io.IOException e) {}",
            "  }",
            "  @Override",
            "  protected void layoutChildren() {",
            "    try {",
            "      // BUG: Diagnostic contains: `layoutChildren` overrides `javafx.scene.Parent#layoutChildren`",
            "      Thread.sleep(5);",
            "    } catch (InterruptedException e) {}",
            "    super.layoutChildren();",
            "  }",
            "  @Override",
            "  public void commitEdit(Path newValue) {",
            "    try {",
            "      // BUG: Diagnostic contains: `commitEdit` overrides `javafx.scene.control.Cell#commitEdit`",
            "      Files.writeString(newValue, \"\");",
            "    } catch (java.io.IOException e) {}",
            "    super.commitEdit(newValue);",
            "  }",
            "  // Sizing, like Swing's getPreferredSize: not claimed.",
            "  @Override",
            "  protected double computePrefWidth(double height) {",
            "    try {",
            "      Thread.sleep(5);",
            "    } catch (InterruptedException e) {}",
            "    return 10;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxTaskHooksRunOnTheUiThreadAndItsOwnGetDoesNotWaitThere() {
    helper
        .addSourceLines(
            "Load.java",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "import javafx.concurrent.Task;",
            "import javafx.scene.control.Label;",
            "class Load extends Task<String> {",
            "  private final Label label = new Label();",
            "  @Override",
            "  protected String call() throws Exception {",
            "    return Files.readString(Path.of(\"data.txt\"));",
            "  }",
            "  @Override",
            "  protected void succeeded() {",
            "    try {",
            "      label.setText(get());",
            "      // BUG: Diagnostic contains: `succeeded` overrides `javafx.concurrent.Task#succeeded`, which JavaFX calls on the JavaFX application thread",
            "      Files.writeString(Path.of(\"shown.txt\"), get());",
            "    } catch (Exception e) {}",
            "  }",
            "  @Override",
            "  protected void running() {",
            "    try {",
            "      // BUG: Diagnostic contains: `running` overrides `javafx.concurrent.Task#running`",
            "      label.setText(get());",
            "    } catch (Exception e) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxApplicationStart() {
    helper
        .addSourceLines(
            "App.java",
            "import javafx.application.Application;",
            "import javafx.stage.Stage;",
            "class App extends Application {",
            "  @Override",
            "  public void start(Stage stage) throws Exception {",
            "    // BUG: Diagnostic contains: `start` overrides `javafx.application.Application#start`, which JavaFX calls on the JavaFX application thread",
            "    Thread.sleep(1000);",
            "    stage.show();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxChangeListenerAddedWithAddListener() {
    helper
        .addSourceLines(
            "Search.java",
            "import java.util.concurrent.Semaphore;",
            "import javafx.scene.control.TextField;",
            "class Search {",
            "  void wire(TextField query, Semaphore permits) {",
            "    query.textProperty().addListener((observable, before, after) -> {",
            "      try {",
            "        // BUG: Diagnostic contains: `Semaphore.acquire()` waits for a permit. This lambda is passed to `javafx.beans.property.StringProperty#addListener`, whose callbacks run on the JavaFX application thread",
            "        permits.acquire();",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void javafxTaskCallMayBlock() {
    helper
        .addSourceLines(
            "Download.java",
            "import java.net.URL;",
            "import javafx.concurrent.Task;",
            "class Download extends Task<byte[]> {",
            "  @Override",
            "  protected byte[] call() throws Exception {",
            "    Thread.sleep(10);",
            "    try (var in = new URL(\"https://example.com\").openStream()) {",
            "      return in.readAllBytes();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  // --- Android annotations (matched by name; not on Maven Central as plain jars) ----------------

  private CompilationTestHelper withAndroidAnnotations() {
    return helper
        .addSourceLines(
            "androidx/annotation/UiThread.java", "package androidx.annotation;", "public @interface UiThread {}")
        .addSourceLines(
            "androidx/annotation/MainThread.java", "package androidx.annotation;", "public @interface MainThread {}")
        .addSourceLines(
            "androidx/annotation/WorkerThread.java", "package androidx.annotation;", "public @interface WorkerThread {}")
        .addSourceLines(
            "android/support/annotation/UiThread.java",
            "package android.support.annotation;",
            "public @interface UiThread {}");
  }

  @Test
  void androidUiThreadMethod() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.UiThread;",
            "class Screen {",
            "  @UiThread",
            "  void render() {",
            "    try {",
            "      // BUG: Diagnostic contains: `render` is annotated `@UiThread`, so Android calls it on the Android main (UI) thread",
            "      Thread.sleep(16);",
            "    } catch (InterruptedException e) {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void androidSupportUiThreadMethod() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import android.support.annotation.UiThread;",
            "import java.sql.Connection;",
            "class Screen {",
            "  @UiThread",
            "  void save(Connection db) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: `Connection.commit()` commits a database transaction. `save` is annotated `@UiThread`",
            "    db.commit();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void androidMainThreadClass() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.MainThread;",
            "import java.io.File;",
            "@MainThread",
            "class Screen {",
            "  void clear(File cache) {",
            "    // BUG: Diagnostic contains: Its class `Screen` is annotated `@MainThread`, so Android calls it on the Android main (UI) thread",
            "    cache.delete();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void androidWorkerThreadMethodCalledFromUiThread() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.UiThread;",
            "import androidx.annotation.WorkerThread;",
            "class Screen {",
            "  @UiThread",
            "  void refresh() {",
            "    // BUG: Diagnostic contains: `Screen.load()` is annotated `@WorkerThread`",
            "    load();",
            "  }",
            "  @WorkerThread",
            "  String load() { return \"\"; }",
            "}")
        .doTest();
  }

  @Test
  void androidWorkerThreadMethodMayBlock() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.UiThread;",
            "import androidx.annotation.WorkerThread;",
            "@UiThread",
            "class Screen {",
            "  @WorkerThread",
            "  String load(java.nio.file.Path file) throws Exception {",
            "    Thread.sleep(10);",
            "    return java.nio.file.Files.readString(file);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anonymousClassHandedToWorkerInUiThreadClassMayBlock() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.UiThread;",
            "import java.util.concurrent.Executor;",
            "@UiThread",
            "class Screen {",
            "  void refresh(Executor io) {",
            "    new Thread(new Runnable() {",
            "      @Override",
            "      public void run() { pause(); }",
            "    }).start();",
            "    io.execute(new Runnable() {",
            "      @Override",
            "      public void run() {",
            "        try {",
            "          Thread.sleep(10);",
            "        } catch (InterruptedException e) {}",
            "      }",
            "    });",
            "  }",
            "  static void pause() {}",
            "}")
        .doTest();
  }

  @Test
  void nestedClassDoesNotInheritTheOuterClassAnnotation() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.UiThread;",
            "@UiThread",
            "class Screen {",
            "  void refresh() {",
            "    new Loader().start();",
            "  }",
            "  static final class Loader extends Thread {",
            "    @Override",
            "    public void run() {",
            "      try {",
            "        Thread.sleep(10);",
            "      } catch (InterruptedException e) {}",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anonymousClassRunOnCallerThreadInUiThreadClassIsReported() {
    withAndroidAnnotations()
        .addSourceLines(
            "Screen.java",
            "import androidx.annotation.UiThread;",
            "import java.util.List;",
            "import java.util.function.Consumer;",
            "@UiThread",
            "class Screen {",
            "  void refresh(List<java.io.File> stale) {",
            "    stale.forEach(new Consumer<java.io.File>() {",
            "      @Override",
            "      public void accept(java.io.File f) {",
            "        // BUG: Diagnostic contains: Its class `Screen` is annotated `@UiThread`",
            "        f.delete();",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  // --- The two checks do not report each other's threads ----------------------------------------

  @Test
  void uiThreadCheckIgnoresEventLoops() {
    helper
        .addSourceLines(
            "Ticker.java",
            "import io.vertx.core.Vertx;",
            "class Ticker {",
            "  void start(Vertx vertx) {",
            "    vertx.setPeriodic(1000, id -> {",
            "      try {",
            "        Thread.sleep(10);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void eventLoopCheckIgnoresUiThreads() {
    CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass())
        .addSourceLines(
            "Ui.java",
            "import javafx.application.Platform;",
            "import javax.swing.JButton;",
            "import javax.swing.SwingUtilities;",
            "class Ui {",
            "  void wire(JButton button) {",
            "    SwingUtilities.invokeLater(() -> pause());",
            "    button.addActionListener(e -> pause());",
            "    Platform.runLater(() -> pause());",
            "  }",
            "  void pause() {",
            "    try {",
            "      Thread.sleep(10);",
            "    } catch (InterruptedException e) {}",
            "  }",
            "}")
        .doTest();
  }
}
