package dev.threadlint.samples.async;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

/**
 * A nightly job that archives invoices: it loads the invoice list from the database and downloads
 * every PDF from the document store. Made "async" with {@code supplyAsync} and a parallel stream,
 * both of which run on {@code ForkJoinPool.commonPool()}: a handful of threads (one fewer than the
 * cores) that every parallel stream and every executor-less {@code *Async} call of the JVM shares.
 * While the job waits for JDBC and HTTP, the rest of the application's parallel work queues behind
 * it. The fix gives the waiting its own executor (here one virtual thread per task).
 */
public final class CommonPoolInvoiceArchive {
  private CommonPoolInvoiceArchive() {}

  record Invoice(String id, URL pdf) {}

  /** The invoice table: every call waits for JDBC. */
  static final class InvoiceRepository {
    private final DataSource dataSource;

    InvoiceRepository(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    List<Invoice> unarchived() {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement("SELECT id, pdf_url FROM invoices WHERE archived = FALSE");
          ResultSet rows = query.executeQuery()) {
        List<Invoice> invoices = new ArrayList<>();
        while (rows.next()) {
          invoices.add(new Invoice(rows.getString(1), new URL(rows.getString(2))));
        }
        return invoices;
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot list invoices", e);
      }
    }
  }

  static void download(Invoice invoice, Path folder) {
    try (InputStream pdf = invoice.pdf().openStream()) {
      Files.copy(pdf, folder.resolve(invoice.id() + ".pdf"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the database and the document store on the common pool. */
  static final class Pitfall {
    private final InvoiceRepository invoices;

    Pitfall(InvoiceRepository invoices) {
      this.invoices = invoices;
    }

    CompletableFuture<Integer> archive(Path folder) {
      // BUG: Diagnostic contains: BlockingInCommonPool
      // unarchived() → DataSource.getConnection()
      return CompletableFuture.supplyAsync(() -> invoices.unarchived())
          .thenApply(
              list -> {
                // BUG: Diagnostic contains: BlockingInCommonPool
                // of a parallel stream (made parallel by `parallelStream()`)
                list.parallelStream().forEach(invoice -> download(invoice, folder));
                return list.size();
              });
    }
  }

  /** Waits on an executor of its own; the common pool stays free for CPU work. */
  static final class Fix {
    private final InvoiceRepository invoices;
    private final ExecutorService io;

    /** {@code io}: for example {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21. */
    Fix(InvoiceRepository invoices, ExecutorService io) {
      this.invoices = invoices;
      this.io = io;
    }

    CompletableFuture<Integer> archive(Path folder) {
      return CompletableFuture.supplyAsync(invoices::unarchived, io)
          .thenCompose(
              list -> {
                List<CompletableFuture<Void>> downloads = new ArrayList<>();
                for (Invoice invoice : list) {
                  downloads.add(CompletableFuture.runAsync(() -> download(invoice, folder), io));
                }
                return CompletableFuture.allOf(downloads.toArray(new CompletableFuture<?>[0]))
                    .thenApply(done -> list.size());
              });
    }
  }
}
