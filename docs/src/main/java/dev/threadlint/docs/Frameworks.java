package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The frameworks the catalogue filters by, recognized from a sample's imports. */
final class Frameworks {
  /** Display name → import prefixes, in the order the filters list them. */
  private static final Map<String, List<String>> BY_IMPORT = new LinkedHashMap<>();

  static {
    BY_IMPORT.put("Vert.x", List.of("io.vertx."));
    BY_IMPORT.put("Netty", List.of("io.netty."));
    BY_IMPORT.put("Reactor", List.of("reactor."));
    BY_IMPORT.put("RxJava", List.of("io.reactivex."));
    BY_IMPORT.put("WebFlux", List.of("org.springframework.web.reactive."));
    BY_IMPORT.put("CompletableFuture", List.of("java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage"));
    BY_IMPORT.put("Swing", List.of("javax.swing.", "java.awt."));
    BY_IMPORT.put("JavaFX", List.of("javafx."));
    BY_IMPORT.put("Spring", List.of("org.springframework."));
    BY_IMPORT.put("Android", List.of("android.", "androidx."));
  }

  private Frameworks() {}

  /** All framework names, in filter order. */
  static List<String> all() {
    return List.copyOf(BY_IMPORT.keySet());
  }

  static List<String> fromImports(List<String> imports) {
    List<String> found = new ArrayList<>();
    BY_IMPORT.forEach(
        (name, prefixes) -> {
          if (imports.stream().anyMatch(i -> prefixes.stream().anyMatch(i::startsWith))) {
            found.add(name);
          }
        });
    return found;
  }

  /** The frameworks in filter order. */
  static List<String> ordered(java.util.Collection<String> names) {
    return all().stream().filter(names::contains).toList();
  }
}
