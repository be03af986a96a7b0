package dev.threadlint.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import dev.threadlint.eventloop.BlockingCallInEventLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models that libraries register as {@code ThreadModelSource} services are read and used. */
class ThreadModelServiceTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(BlockingCallInEventLoop.class, getClass())
          .addSourceLines(
              "threadlint/servicetest/ServiceModelledClient.java",
              "package threadlint.servicetest;",
              "public class ServiceModelledClient {",
              "  public String fetch() { return \"\"; }",
              "}")
          .addSourceLines(
              "threadlint/servicetest/ServiceModelledLoop.java",
              "package threadlint.servicetest;",
              "public class ServiceModelledLoop {",
              "  public void onTick(Runnable task) {}",
              "}");

  @Test
  void serviceModelIsLoadedAfterTheBuiltInOnes() {
    List<String> sources = ModelLoader.load(new ThreadlintOptions(List.of())).sources();

    assertTrue(sources.contains(TestOnlyThreadModelSource.NAME), sources.toString());
    assertTrue(
        sources.indexOf(TestOnlyThreadModelSource.NAME)
            > sources.indexOf("dev/threadlint/model/jdk.model"),
        sources.toString());
  }

  @Test
  void blockingRuleFromAServiceIsReported() {
    helper
        .addSourceLines(
            "Poller.java",
            "import io.vertx.core.Vertx;",
            "import threadlint.servicetest.ServiceModelledClient;",
            "class Poller {",
            "  void start(Vertx vertx, ServiceModelledClient client) {",
            "    // BUG: Diagnostic contains: `ServiceModelledClient.fetch()` waits for the service-modelled backend",
            "    vertx.setPeriodic(1000, id -> client.fetch());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void callbackRuleFromAServiceIsReported() {
    helper
        .addSourceLines(
            "Ticker.java",
            "import threadlint.servicetest.ServiceModelledLoop;",
            "class Ticker {",
            "  void start(ServiceModelledLoop loop) {",
            "    loop.onTick(() -> {",
            "      try {",
            "        // BUG: Diagnostic contains: passed to `threadlint.servicetest.ServiceModelledLoop#onTick`, whose callbacks run on the service-test loop",
            "        Thread.sleep(10);",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }
}
