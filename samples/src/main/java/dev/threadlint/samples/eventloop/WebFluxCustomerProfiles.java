package dev.threadlint.samples.eventloop;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring WebFlux controller that still calls the CRM through {@code RestTemplate}. WebFlux calls
 * a handler method that returns a {@code Mono} on a Reactor Netty event loop, one of a handful of
 * threads that serve every connection, and {@code RestTemplate} holds that thread for the whole
 * round trip to the CRM: under load, requests queue behind each other and latency grows with the
 * CRM's. The fix reads through {@code WebClient}, which does not block, and wraps the call that
 * must stay on the blocking client in {@code Mono.fromRunnable(...)} subscribed on {@code
 * boundedElastic}.
 */
public final class WebFluxCustomerProfiles {
  private WebFluxCustomerProfiles() {}

  record CustomerProfile(String id, String name, String email) {}

  record EmailChange(String email) {}

  /** Waits for the CRM on the event loop. */
  @RestController
  @RequestMapping("/customers")
  static final class Pitfall {
    private final RestTemplate crm;

    Pitfall(RestTemplate crm) {
      this.crm = crm;
    }

    @GetMapping("/{id}")
    Mono<CustomerProfile> profile(@PathVariable String id) {
      // BUG: Diagnostic contains: BlockingCallInEventLoop
      // `RestTemplate.getForObject()` waits for the HTTP response
      CustomerProfile profile = crm.getForObject("/api/customers/{id}", CustomerProfile.class, id);
      return Mono.justOrEmpty(profile);
    }

    @PutMapping("/{id}/email")
    Mono<Void> changeEmail(@PathVariable String id, @RequestBody EmailChange change) {
      // BUG: Diagnostic contains: BlockingCallInEventLoop
      // `RestTemplate.put()` waits for the HTTP response
      crm.put("/api/customers/{id}/email", change, id);
      return Mono.empty();
    }
  }

  /** Reads with WebClient; the update that must keep RestTemplate runs on boundedElastic. */
  @RestController
  @RequestMapping("/customers")
  static final class Fix {
    private final WebClient crm;
    private final RestTemplate legacyCrm;

    Fix(WebClient crm, RestTemplate legacyCrm) {
      this.crm = crm;
      this.legacyCrm = legacyCrm;
    }

    @GetMapping("/{id}")
    Mono<CustomerProfile> profile(@PathVariable String id) {
      return crm.get().uri("/api/customers/{id}", id).retrieve().bodyToMono(CustomerProfile.class);
    }

    @PutMapping("/{id}/email")
    Mono<Void> changeEmail(@PathVariable String id, @RequestBody EmailChange change) {
      return Mono.fromRunnable(() -> legacyCrm.put("/api/customers/{id}/email", change, id))
          .subscribeOn(Schedulers.boundedElastic())
          .then();
    }
  }
}
