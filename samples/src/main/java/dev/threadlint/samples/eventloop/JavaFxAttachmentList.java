package dev.threadlint.samples.eventloop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A JavaFX list of mail attachments that shows each file's first line as a preview. A {@code
 * ListView} calls its cells' {@code updateItem} on the JavaFX application thread for every row that
 * scrolls into view, in the middle of the layout pass: a cell that opens its file there makes every
 * scroll wait for the disk (or the network share the attachments live on), and the list stutters
 * or freezes. The fix reads the previews once, in a {@code javafx.concurrent.Task} on a background
 * thread, and gives the list items that already hold them; the cell only displays.
 */
public final class JavaFxAttachmentList {
  private JavaFxAttachmentList() {}

  /** Opens each file in the cell, while the list lays out its rows. */
  static final class Pitfall {
    private final ListView<Path> attachments = new ListView<>();

    Pitfall(List<Path> files) {
      attachments.setCellFactory(list -> new PreviewCell());
      attachments.getItems().setAll(files);
    }

    static final class PreviewCell extends ListCell<Path> {
      @Override
      protected void updateItem(Path file, boolean empty) {
        super.updateItem(file, empty);
        if (empty || file == null) {
          setText(null);
          return;
        }
        // BUG: Diagnostic contains: BlockingCallOnUiThread
        // `Files.newBufferedReader()` opens a file
        // `updateItem` overrides `javafx.scene.control.Cell#updateItem`
        try (BufferedReader reader = Files.newBufferedReader(file)) {
          setText(file.getFileName() + ": " + reader.readLine());
        } catch (IOException e) {
          setText(file.getFileName() + " (unreadable)");
        }
      }
    }
  }

  /** Reads the previews in a Task; the cells show what the items already hold. */
  static final class Fix {
    record Attachment(Path file, String preview) {}

    private final ListView<Attachment> attachments = new ListView<>();

    Fix(List<Path> files) {
      attachments.setCellFactory(list -> new PreviewCell());
      Task<List<Attachment>> read =
          new Task<>() {
            @Override
            protected List<Attachment> call() {
              return files.stream().map(Fix::withPreview).toList();
            }
          };
      read.setOnSucceeded(done -> attachments.getItems().setAll(read.getValue()));
      Thread reader = new Thread(read, "attachment-previews");
      reader.setDaemon(true);
      reader.start();
    }

    private static Attachment withPreview(Path file) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        return new Attachment(file, reader.readLine());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static final class PreviewCell extends ListCell<Attachment> {
      @Override
      protected void updateItem(Attachment attachment, boolean empty) {
        super.updateItem(attachment, empty);
        setText(empty || attachment == null ? null : attachment.file().getFileName() + ": " + attachment.preview());
      }
    }
  }
}
