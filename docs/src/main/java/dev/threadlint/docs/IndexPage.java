package dev.threadlint.docs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * index.html: the families in the README's order, each with its introduction and the cards of its
 * checks (and their examples), or "coming" while it has none; a search box and filters by family,
 * framework and severity (site.js), working from file:// with everything in the page.
 */
final class IndexPage {
  private static final String SEARCH_ICON =
      "<svg class=\"search-icon\" viewBox=\"0 0 20 20\" aria-hidden=\"true\"><circle cx=\"8.5\" cy=\"8.5\" r=\"5.5\""
          + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M13 13l4.5 4.5\" stroke=\"currentColor\""
          + " stroke-width=\"2\" stroke-linecap=\"round\"/></svg>";

  private IndexPage() {}

  static String render(CheckedCatalogue catalogue, Markdown markdown) {
    int checks = catalogue.sources().checks().size();
    int examples = catalogue.checksInOrder().stream().mapToInt(c -> catalogue.samplesOf(c).size()).sum();
    long available = catalogue.families().stream().filter(f -> !catalogue.checksOf(f).isEmpty()).count();
    StringBuilder main = new StringBuilder();
    main.append("<section class=\"hero\"><div class=\"hero-inner\">")
        .append("<p class=\"eyebrow\">Compile-time concurrency checks for Java</p>")
        .append("<h1>Pitfall catalogue</h1>")
        .append("<p class=\"lead\">What each Threadlint check finds, why it hurts, and how to fix it: realistic code next to its fix,")
        .append(" with the exact warning the compiler prints. New to event loops and threads? Start with the ")
        .append("<a href=\"concepts.html\">concepts</a>.</p>")
        .append("<p class=\"stats\"><span><b>").append(checks).append("</b> ").append(checks == 1 ? "check" : "checks")
        .append("</span><span><b>").append(examples).append("</b> ").append(examples == 1 ? "example" : "examples")
        .append("</span><span><b>").append(available).append("</b> of ").append(catalogue.families().size())
        .append(" families available</span></p>")
        .append("<div class=\"search\">").append(SEARCH_ICON)
        .append("<input id=\"search\" type=\"search\" placeholder=\"Search checks, APIs, frameworks… (e.g. Thread.sleep, JDBC, Netty)\"")
        .append(" aria-label=\"Search the catalogue\" autocomplete=\"off\" spellcheck=\"false\"><kbd>/</kbd></div>")
        .append("<div class=\"filters\">");
    main.append(filterGroup("family", "Family", catalogue.families().stream().map(f -> new String[] {f.id(), f.title()}).toList()));
    main.append(filterGroup("framework", "Framework", catalogue.frameworks().stream().map(f -> new String[] {f, f}).toList()));
    Set<String> severities = new LinkedHashSet<>();
    catalogue.checksInOrder().forEach(c -> severities.add(c.severity()));
    main.append(
        filterGroup(
            "severity",
            "Severity",
            catalogue.checksInOrder().stream()
                .filter(c -> severities.remove(c.severity()))
                .map(c -> new String[] {c.severity().toLowerCase(Locale.ROOT), c.severityLabel()})
                .toList()));
    main.append("</div><p id=\"result-count\" class=\"result-count\" aria-live=\"polite\"></p></div></section>");

    main.append("<div class=\"index-body\">");
    int number = 0;
    for (Family family : catalogue.families()) {
      number++;
      List<CheckInfo> familyChecks = catalogue.checksOf(family);
      boolean coming = familyChecks.isEmpty();
      main.append("<section class=\"family").append(coming ? " coming" : "").append("\" id=\"family-").append(Html.escape(family.id()))
          .append("\" data-family=\"").append(Html.escape(family.id())).append("\"").append(coming ? " data-coming" : "").append(">")
          .append("<header class=\"family-head\"><span class=\"family-num\">").append(number).append("</span><div>")
          .append("<h2>").append(Html.escape(family.title()));
      if (coming) {
        main.append(" <span class=\"badge coming-badge\">Coming soon</span>");
      }
      main.append("</h2><div class=\"family-intro\">")
          .append(markdown.render(family.introMarkdown(), SiteGenerator.README, "index.html"))
          .append("</div></div></header>");
      if (coming) {
        main.append("<div class=\"coming-card\"><p><b>No checks in this family yet.</b> They are being built;")
            .append(" the catalogue lists them here as soon as they are registered in the plugin.")
            .append(" The <a href=\"concepts.html\">concepts page</a> explains the pitfalls they will catch.</p></div>");
      } else {
        main.append("<div class=\"cards\">");
        for (CheckInfo check : familyChecks) {
          main.append(card(catalogue, family, check));
        }
        main.append("</div>");
      }
      main.append("</section>");
    }
    main.append("<div id=\"no-results\" class=\"no-results\" hidden><p><b>No pitfall matches.</b> Try another word,")
        .append(" or <button type=\"button\" id=\"clear-filters\" class=\"linklike\">clear the search and filters</button>.</p></div>")
        .append("</div>");
    return Layout.page(
        "",
        "Threadlint pitfall catalogue",
        "Every Threadlint check: what goes wrong, why, and how to fix it, with real code and the real warning.",
        "catalogue",
        "page-index",
        main.toString());
  }

  private static String filterGroup(String name, String label, List<String[]> values) {
    StringBuilder html = new StringBuilder("<div class=\"filter-group\" role=\"group\" aria-label=\"")
        .append(label).append("\" data-filter=\"").append(name).append("\"><span class=\"filter-label\">")
        .append(label).append("</span><button type=\"button\" class=\"chip\" data-value=\"\" aria-pressed=\"true\">All</button>");
    for (String[] value : values) {
      html.append("<button type=\"button\" class=\"chip\" data-value=\"").append(Html.escape(value[0]))
          .append("\" aria-pressed=\"false\">").append(Html.escape(value[1])).append("</button>");
    }
    return html.append("</div>").toString();
  }

  private static String card(CheckedCatalogue catalogue, Family family, CheckInfo check) {
    List<String> frameworks = catalogue.frameworksOf(check);
    String page = "pitfalls/" + check.name() + ".html";
    String text = String.join(" ", check.name(), spaced(check.name()), check.summary(), family.title(), String.join(" ", frameworks));
    StringBuilder html = new StringBuilder("<article class=\"check-card\" data-family=\"").append(Html.escape(family.id()))
        .append("\" data-severity=\"").append(Html.escape(check.severity().toLowerCase(Locale.ROOT)))
        .append("\" data-frameworks=\"").append(Html.escape("|" + String.join("|", frameworks) + "|"))
        .append("\" data-text=\"").append(Html.escape(text.toLowerCase(Locale.ROOT))).append("\">")
        .append("<header class=\"card-head\"><h3><a class=\"check-link\" href=\"").append(page).append("\">")
        .append(Html.breakable(check.name())).append("</a></h3>").append(Layout.severity(check)).append("</header>")
        .append("<p class=\"summary\">").append(Html.escape(check.summary())).append("</p>")
        .append(Layout.chips(frameworks, "fw"))
        .append("<p class=\"examples-label\">Examples</p><ul class=\"examples\">");
    for (Sample sample : catalogue.samplesOf(check)) {
      StringBuilder sampleText = new StringBuilder(sample.id()).append(' ').append(JavadocText.toPlainText(sample.story()));
      sampleText.append(' ').append(String.join(" ", sample.frameworks()));
      for (Finding finding : catalogue.findings(sample, check)) {
        sampleText.append(' ').append(finding.message().lines().findFirst().orElse(""));
      }
      html.append("<li class=\"example-item\" data-frameworks=\"").append(Html.escape("|" + String.join("|", sample.frameworks()) + "|"))
          .append("\" data-text=\"").append(Html.escape(sampleText.toString().toLowerCase(Locale.ROOT))).append("\">")
          .append("<a href=\"").append(page).append('#').append(Html.escape(sample.id())).append("\">")
          .append("<span class=\"ex-title\">").append(Html.escape(sample.title())).append("</span>")
          .append("<span class=\"ex-fw\">").append(Html.escape(String.join(" · ", sample.frameworks()))).append("</span>")
          .append("</a></li>");
    }
    return html.append("</ul></article>").toString();
  }

  /** "BlockingCallInEventLoop" → "blocking call in event loop", so searching words finds names. */
  static String spaced(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }
}
