package dev.threadlint.config;

import dev.threadlint.model.ThreadModelSource;
import java.io.Reader;
import java.io.StringReader;

/**
 * A model shipped "in a library's jar", as {@link ThreadModelServiceTest} sees it: registered in
 * the test resources' {@code META-INF/services}. Every in-process test loads it, so its rules name
 * only classes that exist in that one test's sources.
 */
public final class TestOnlyThreadModelSource implements ThreadModelSource {
  static final String NAME = "test-only ThreadModelSource (dev.threadlint.config)";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Reader open() {
    return new StringReader(
        String.join(
            "\n",
            "# Only ThreadModelServiceTest declares these classes.",
            "framework ServiceTestLoop thread=\"the service-test loop\"",
            "blocking threadlint.servicetest.ServiceModelledClient#fetch"
                + " what=\"waits for the service-modelled backend\"",
            "callback threadlint.servicetest.ServiceModelledLoop#onTick"
                + " context=event-loop framework=ServiceTestLoop"));
  }
}
