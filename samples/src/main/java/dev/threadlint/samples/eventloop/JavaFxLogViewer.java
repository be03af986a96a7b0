package dev.threadlint.samples.eventloop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/**
 * A JavaFX log viewer that opens a log file when the user clicks "Open". JavaFX runs event
 * handlers on the JavaFX application thread, which also lays out and renders the scene: reading a
 * large log there freezes the window, and the operating system may offer to kill the "not
 * responding" application, until the read completes. The fix reads the file in a {@code
 * javafx.concurrent.Task} on a background thread and fills the text area from the task's
 * succeeded handler, which JavaFX runs back on the application thread.
 */
public final class JavaFxLogViewer {
  private JavaFxLogViewer() {}

  /** Reads the file in the button's handler, on the JavaFX application thread. */
  static final class Pitfall {
    private final Button open = new Button("Open");
    private final TextArea content = new TextArea();
    private final Label status = new Label();

    Pitfall(Path logFile) {
      open.setOnAction(
          event -> {
            try {
              // BUG: Diagnostic contains: BlockingCallOnUiThread
              // `Files.readString()` reads a file
              content.setText(Files.readString(logFile));
              status.setText(logFile.getFileName() + " loaded");
            } catch (IOException e) {
              status.setText("Cannot read " + logFile + ": " + e.getMessage());
            }
          });
    }

    BorderPane view() {
      return new BorderPane(content, open, null, status, null);
    }
  }

  /** Reads the file in a Task on a background thread. */
  static final class Fix {
    private final Button open = new Button("Open");
    private final TextArea content = new TextArea();
    private final Label status = new Label();

    Fix(Path logFile) {
      open.setOnAction(
          event -> {
            Task<String> read =
                new Task<>() {
                  @Override
                  protected String call() throws IOException {
                    return Files.readString(logFile);
                  }
                };
            read.setOnSucceeded(
                done -> {
                  content.setText(read.getValue());
                  status.setText(logFile.getFileName() + " loaded");
                  open.setDisable(false);
                });
            read.setOnFailed(
                failed -> {
                  Throwable error = read.getException();
                  status.setText("Cannot read " + logFile + ": " + error.getMessage());
                  open.setDisable(false);
                });
            open.setDisable(true);
            status.setText("Loading " + logFile.getFileName() + "…");
            Thread reader = new Thread(read, "log-reader");
            reader.setDaemon(true);
            reader.start();
          });
    }

    BorderPane view() {
      return new BorderPane(content, open, null, status, null);
    }
  }
}
