package dev.threadlint.samples.eventloop;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An inventory HTTP API on Vert.x. A standard verticle runs its route handlers and timers on one
 * event loop thread that also serves every other connection of the verticle, so a handler that
 * reads an image from disk or waits for the database, or a timer that sleeps until a file shows
 * up, stalls all of them, and Vert.x logs "Thread blocked" warnings. The fix keeps the loop free:
 * the asynchronous file system API for the image, {@code blockingHandler} for the JDBC route and
 * {@code executeBlocking} for the periodic import.
 */
public final class VertxInventoryApi {
  private static final Logger LOG = Logger.getLogger(VertxInventoryApi.class.getName());
  private static final long IMPORT_PERIOD_MS = 60_000;
  private static final int DROP_CHECKS = 5;
  /** SKUs are letters, digits and dashes: the image path cannot leave the image directory. */
  private static final String IMAGE_ROUTE = "/products/(?<sku>[A-Za-z0-9-]+)/image";

  private VertxInventoryApi() {}

  /** Stock levels in the database: every call waits for JDBC. */
  static final class StockRepository {
    private final DataSource dataSource;

    StockRepository(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    int quantityOf(String sku) throws SQLException {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query =
              connection.prepareStatement("SELECT quantity FROM stock WHERE sku = ?")) {
        query.setString(1, sku);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? rows.getInt(1) : 0;
        }
      }
    }

    /** Replaces the stock levels with the warehouse's counts ({@code sku;quantity} lines). */
    int importDrop(Path drop) throws IOException, SQLException {
      List<String> lines = Files.readAllLines(drop);
      try (Connection connection = dataSource.getConnection();
          PreparedStatement update =
              connection.prepareStatement("UPDATE stock SET quantity = ? WHERE sku = ?")) {
        for (String line : lines) {
          int separator = line.indexOf(';');
          update.setInt(1, Integer.parseInt(line.substring(separator + 1).trim()));
          update.setString(2, line.substring(0, separator));
          update.addBatch();
        }
        return update.executeBatch().length;
      }
    }
  }

  /** Blocks the event loop three ways: a file read, a JDBC query and a sleeping timer. */
  static final class Pitfall extends AbstractVerticle {
    private final StockRepository stock;
    private final Path images;
    private final Path warehouseDrop;

    Pitfall(StockRepository stock, Path images, Path warehouseDrop) {
      this.stock = stock;
      this.images = images;
      this.warehouseDrop = warehouseDrop;
    }

    @Override
    public void start() {
      Router router = Router.router(vertx);

      router
          .getWithRegex(IMAGE_ROUTE)
          .handler(
              ctx -> {
                Path image = images.resolve(ctx.pathParam("sku") + ".png");
                try {
                  // BUG: Diagnostic contains: BlockingCallInEventLoop
                  // `Files.readAllBytes()` reads a file
                  byte[] bytes = Files.readAllBytes(image);
                  ctx.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(bytes));
                } catch (IOException e) {
                  ctx.fail(404, e);
                }
              });

      router
          .get("/products/:sku/stock")
          .handler(
              ctx -> {
                String sku = ctx.pathParam("sku");
                try {
                  // BUG: Diagnostic contains: BlockingCallInEventLoop
                  // quantityOf() → DataSource.getConnection()
                  int quantity = stock.quantityOf(sku);
                  ctx.json(new JsonObject().put("sku", sku).put("quantity", quantity));
                } catch (SQLException e) {
                  ctx.fail(e);
                }
              });

      // The warehouse uploads its counts every minute; the upload may still be in progress.
      vertx.setPeriodic(
          IMPORT_PERIOD_MS,
          timerId -> {
            try {
              for (int check = 1; !Files.exists(warehouseDrop) && check < DROP_CHECKS; check++) {
                // BUG: Diagnostic contains: BlockingCallInEventLoop
                // `Thread.sleep()` sleeps the calling thread
                Thread.sleep(2_000);
              }
              // BUG: Diagnostic contains: BlockingCallInEventLoop
              // importDrop() → Files.readAllLines()
              int updated = stock.importDrop(warehouseDrop);
              LOG.info(() -> "Imported " + updated + " stock levels");
            } catch (IOException | SQLException e) {
              LOG.log(Level.WARNING, "Stock import failed", e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });

      vertx.createHttpServer().requestHandler(router).listen(8080);
    }
  }

  /** The same verticle with the event loop kept free. */
  static final class Fix extends AbstractVerticle {
    private final StockRepository stock;
    private final Path images;
    private final Path warehouseDrop;

    Fix(StockRepository stock, Path images, Path warehouseDrop) {
      this.stock = stock;
      this.images = images;
      this.warehouseDrop = warehouseDrop;
    }

    @Override
    public void start() {
      Router router = Router.router(vertx);

      // The asynchronous file system reads on a worker and calls back on the event loop.
      router
          .getWithRegex(IMAGE_ROUTE)
          .handler(
              ctx -> {
                String image = images.resolve(ctx.pathParam("sku") + ".png").toString();
                vertx
                    .fileSystem()
                    .readFile(image)
                    .onSuccess(
                        bytes -> ctx.response().putHeader("Content-Type", "image/png").end(bytes))
                    .onFailure(e -> ctx.fail(404, e));
              });

      // blockingHandler runs the handler on a worker thread, where JDBC may wait; `false` lets
      // requests run in parallel instead of one after the other.
      router
          .get("/products/:sku/stock")
          .blockingHandler(
              ctx -> {
                String sku = ctx.pathParam("sku");
                try {
                  int quantity = stock.quantityOf(sku);
                  ctx.json(new JsonObject().put("sku", sku).put("quantity", quantity));
                } catch (SQLException e) {
                  ctx.fail(e);
                }
              },
              false);

      // The timer only schedules; the waiting and the import run on a worker thread.
      vertx.setPeriodic(
          IMPORT_PERIOD_MS,
          timerId ->
              vertx
                  .executeBlocking(
                      () -> {
                        for (int check = 1;
                            !Files.exists(warehouseDrop) && check < DROP_CHECKS;
                            check++) {
                          Thread.sleep(2_000);
                        }
                        return stock.importDrop(warehouseDrop);
                      })
                  .onSuccess(updated -> LOG.info(() -> "Imported " + updated + " stock levels"))
                  .onFailure(e -> LOG.log(Level.WARNING, "Stock import failed", e)));

      vertx.createHttpServer().requestHandler(router).listen(8080);
    }
  }
}
