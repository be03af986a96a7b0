package dev.threadlint.samples.async;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A shipping quote combines a carrier rate and a currency conversion, both remote calls that
 * return futures. The first version waited for the exchange rate with {@code join()} inside a
 * method that itself returns a future: the calling thread (often a pool thread of the HTTP
 * client, or an event loop) is held for the whole round trip, and with a small pool the wait can
 * deadlock on the very thread that should complete the rate. The fix combines the two futures
 * with {@code thenCombine}; waiting on futures known to be complete, after {@code allOf}, is fine.
 */
public final class ShippingQuotes {
  private ShippingQuotes() {}

  record Parcel(String destination, int grams) {}

  interface CarrierClient {
    CompletableFuture<BigDecimal> rateInUsd(Parcel parcel);
  }

  interface ExchangeRates {
    CompletableFuture<BigDecimal> usdTo(String currency);
  }

  /** Blocks on the exchange rate inside async code. */
  static final class Pitfall {
    private final CarrierClient carrier;
    private final ExchangeRates rates;

    Pitfall(CarrierClient carrier, ExchangeRates rates) {
      this.carrier = carrier;
      this.rates = rates;
    }

    CompletableFuture<BigDecimal> quote(Parcel parcel, String currency) {
      // BUG: Diagnostic contains: SyncOverAsync
      // inside `quote`, which itself returns a CompletableFuture
      BigDecimal rate = rates.usdTo(currency).join();
      return carrier.rateInUsd(parcel).thenApply(usd -> usd.multiply(rate));
    }
  }

  /** Composes the two futures; waits only on futures that {@code allOf} has completed. */
  static final class Fix {
    private final CarrierClient carrier;
    private final ExchangeRates rates;

    Fix(CarrierClient carrier, ExchangeRates rates) {
      this.carrier = carrier;
      this.rates = rates;
    }

    CompletableFuture<BigDecimal> quote(Parcel parcel, String currency) {
      return carrier.rateInUsd(parcel).thenCombine(rates.usdTo(currency), BigDecimal::multiply);
    }

    CompletableFuture<BigDecimal> cheapest(List<Parcel> parcels) {
      List<CompletableFuture<BigDecimal>> quotes =
          parcels.stream().map(carrier::rateInUsd).toList();
      return CompletableFuture.allOf(quotes.toArray(CompletableFuture[]::new))
          .thenApply(
              done ->
                  quotes.stream()
                      .map(quote -> quote.join())
                      .min(BigDecimal::compareTo)
                      .orElse(BigDecimal.ZERO));
    }
  }
}
