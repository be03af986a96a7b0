package dev.threadlint.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site the build generated (target/site): complete, self-contained, and every link leads somewhere. */
class GeneratedSiteTest {
  private static final Pattern LINK = Pattern.compile("(href|src)=\"([^\"]*)\"");
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

  private static Path site;
  private static List<Path> pages;

  @BeforeAll
  static void findSite() throws IOException {
    site = Path.of(System.getProperty("threadlint.site", "target/site")).toAbsolutePath();
    assertTrue(Files.isRegularFile(site.resolve("index.html")), "the build did not generate " + site);
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path repository() {
    return site.getParent().getParent().getParent();
  }

  @Test
  void everyRegisteredCheckHasAPageAndACardOnTheIndex() {
    List<CheckInfo> checks = RegisteredChecks.discover(getClass().getClassLoader());
    assertFalse(checks.isEmpty());
    String index = read(site.resolve("index.html"));
    for (CheckInfo check : checks) {
      assertTrue(Files.isRegularFile(site.resolve("pitfalls/" + check.name() + ".html")), "no page for " + check.name());
      assertTrue(index.contains("href=\"pitfalls/" + check.name() + ".html\""), "the index does not list " + check.name());
    }
  }

  @Test
  void familiesWithoutChecksShowAsComingWithoutPages() throws IOException {
    Set<String> withChecks =
        RegisteredChecks.discover(getClass().getClassLoader()).stream().map(CheckInfo::family).collect(Collectors.toSet());
    String index = read(site.resolve("index.html"));
    for (Family family : Families.parse(Files.readString(repository().resolve("docs/README.md"), UTF_8))) {
      String section = "id=\"family-" + family.id() + "\" data-family=\"" + family.id() + "\"";
      assertTrue(index.contains(section), "the index has no section for the family " + family.id());
      boolean coming = index.contains(section + " data-coming");
      assertTrue(coming != withChecks.contains(family.id()), family.id() + ": coming iff it has no check");
    }
  }

  @Test
  void everyLocalLinkLeadsToAFileAndAnAnchorThatExist() {
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher link = LINK.matcher(read(page));
      while (link.find()) {
        String target = link.group(2).replace("&amp;", "&");
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(URI.create(file).getPath()).normalize();
        if (!Files.isRegularFile(resolved)) {
          broken.add(site.relativize(page) + " → " + target);
        } else if (hash >= 0 && resolved.toString().endsWith(".html")) {
          String fragment = target.substring(hash + 1);
          Set<String> ids = ID.matcher(read(resolved)).results().map(m -> m.group(1)).collect(Collectors.toSet());
          if (!ids.contains(fragment)) {
            broken.add(site.relativize(page) + " → " + target + " (no such id)");
          }
        }
      }
    }
    assertTrue(broken.isEmpty(), "broken links: " + broken);
  }

  @Test
  void nothingIsLoadedFromTheNetwork() throws IOException {
    for (Path page : pages) {
      String html = read(page);
      Matcher resource = Pattern.compile("<(script|link|img|iframe|source)\\b[^>]*>").matcher(html);
      while (resource.find()) {
        assertFalse(resource.group().matches("(?s).*(src|href)=\"(https?:)?//.*"), page + " loads " + resource.group());
      }
      assertFalse(html.contains("@import"), page + " imports a stylesheet");
    }
    String css = Files.readString(site.resolve("assets/style.css"), UTF_8);
    assertFalse(css.contains("@import") || css.contains("@font-face") || css.contains("url("), "the stylesheet loads nothing");
    String js = Files.readString(site.resolve("assets/site.js"), UTF_8);
    assertFalse(js.contains("fetch(") || js.contains("XMLHttpRequest") || js.contains("http"), "the script requests nothing");
  }

  @Test
  void everyPageIsReadableOnAPhone() {
    for (Path page : pages) {
      assertTrue(
          read(page).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
          page + " has no viewport meta");
    }
  }

  /** The expected message parts under each marker of the samples appear in the warnings the pages show. */
  @Test
  void theWarningsShownAreTheOnesTheMarkersExpect() throws IOException {
    String allPages = pages.stream().map(GeneratedSiteTest::read).collect(Collectors.joining("\n"));
    Path samples = repository().resolve("samples/src/main/java");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(samples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file, UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).contains(Snippet.MARKER)) {
            continue;
          }
          for (int j = i + 1; j < lines.size() && lines.get(j).strip().startsWith("//"); j++) {
            String part = lines.get(j).strip().substring(2).strip();
            if (!part.isEmpty() && !allPages.contains(Html.escape(part))) {
              missing.add(file.getFileName() + ":" + (j + 1) + ": " + part);
            }
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "warnings the samples expect but no page shows: " + missing);
  }
}
