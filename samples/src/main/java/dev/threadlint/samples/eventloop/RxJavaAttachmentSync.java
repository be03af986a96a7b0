package dev.threadlint.samples.eventloop;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Attachment sync with RxJava 3. An {@code Observable} made from a list emits on the thread that
 * subscribes, and its {@code map} runs there too: the code that starts the sync from a UI thread or
 * an event loop gets every download run on that thread, which is held for the whole transfer.
 * {@code subscribeOn(Schedulers.io())} moves the subscription, and with it this whole cold chain,
 * to RxJava's pool for blocking I/O; the caller observes the result where it needs it.
 */
public final class RxJavaAttachmentSync {
  private RxJavaAttachmentSync() {}

  /** Attachments on disk, downloaded from their URIs: every download blocks its caller. */
  static final class AttachmentStore {
    private final Path directory;

    AttachmentStore(Path directory) {
      this.directory = directory;
    }

    Path download(URI attachment) {
      Path target = directory.resolve(Path.of(attachment.getPath()).getFileName().toString());
      try (InputStream body = attachment.toURL().openStream()) {
        Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
      } catch (IOException e) {
        throw new UncheckedIOException("download failed: " + attachment, e);
      }
    }
  }

  /** Downloads on whichever thread subscribes. */
  static final class Pitfall {
    private final AttachmentStore store;

    Pitfall(AttachmentStore store) {
      this.store = store;
    }

    Single<List<Path>> syncAll(List<URI> attachments) {
      return Observable.fromIterable(attachments)
          // BUG: Diagnostic contains: BlockingCallInEventLoop
          // download() → URL.openStream()
          .map(store::download)
          .toList();
    }
  }

  /** Downloads on {@code Schedulers.io()}. */
  static final class Fix {
    private final AttachmentStore store;

    Fix(AttachmentStore store) {
      this.store = store;
    }

    Single<List<Path>> syncAll(List<URI> attachments) {
      return Observable.fromIterable(attachments)
          .map(store::download)
          .toList()
          .subscribeOn(Schedulers.io());
    }
  }
}
