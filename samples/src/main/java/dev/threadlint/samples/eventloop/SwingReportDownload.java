package dev.threadlint.samples.eventloop;

import java.awt.BorderLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.ExecutionException;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingWorker;

/**
 * A Swing panel that downloads a report when a button is clicked. Swing runs listeners on the
 * event dispatch thread, the one thread that also paints the window and handles input: the
 * download in the listener freezes the whole window until the server answers, and the
 * "Downloading…" status it sets first never even appears. The fix downloads in a {@code
 * SwingWorker}'s {@code doInBackground} and shows the result in {@code done()}, which Swing runs
 * back on the event dispatch thread.
 */
public final class SwingReportDownload {
  private SwingReportDownload() {}

  static HttpRequest reportRequest(URI report) {
    return HttpRequest.newBuilder(report).header("Accept", "text/plain").build();
  }

  /** Downloads in the action listener, on the event dispatch thread. */
  static final class Pitfall extends JPanel {
    private final JButton download = new JButton("Download report");
    private final JTextArea report = new JTextArea(20, 60);
    private final JLabel status = new JLabel(" ");

    Pitfall(HttpClient http, URI reportUri) {
      super(new BorderLayout());
      download.addActionListener(
          event -> {
            status.setText("Downloading…");
            try {
              // BUG: Diagnostic contains: BlockingCallOnUiThread
              // `HttpClient.send()` waits for the HTTP response
              String text = http.send(reportRequest(reportUri), BodyHandlers.ofString()).body();
              report.setText(text);
              status.setText("Downloaded");
            } catch (IOException e) {
              status.setText("Download failed: " + e.getMessage());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      add(download, BorderLayout.NORTH);
      add(new JScrollPane(report), BorderLayout.CENTER);
      add(status, BorderLayout.SOUTH);
    }
  }

  /** Downloads in a SwingWorker and updates the panel when it is done. */
  static final class Fix extends JPanel {
    private final JButton download = new JButton("Download report");
    private final JTextArea report = new JTextArea(20, 60);
    private final JLabel status = new JLabel(" ");

    Fix(HttpClient http, URI reportUri) {
      super(new BorderLayout());
      download.addActionListener(
          event -> {
            download.setEnabled(false);
            status.setText("Downloading…");
            new SwingWorker<String, Void>() {
              @Override
              protected String doInBackground() throws IOException, InterruptedException {
                return http.send(reportRequest(reportUri), BodyHandlers.ofString()).body();
              }

              @Override
              protected void done() {
                download.setEnabled(true);
                try {
                  report.setText(get());
                  status.setText("Downloaded");
                } catch (ExecutionException e) {
                  status.setText("Download failed: " + e.getCause().getMessage());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }.execute();
          });
      add(download, BorderLayout.NORTH);
      add(new JScrollPane(report), BorderLayout.CENTER);
      add(status, BorderLayout.SOUTH);
    }
  }
}
