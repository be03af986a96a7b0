package dev.threadlint.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pitfalls/&lt;Check&gt;.html: the check's metadata from its {@code @BugPattern}, the sections of
 * its hand-written Markdown, and in place of the Markdown's Examples section every sample that
 * shows the check: story, pitfall and fix side by side, and the warnings the plugin printed.
 */
final class PitfallPage {
  private PitfallPage() {}

  static String render(CheckedCatalogue catalogue, CheckInfo check, Markdown markdown, String repositoryUrl) {
    PitfallDoc doc = catalogue.docOf(check);
    Family family = catalogue.familyOf(check);
    List<Sample> samples = catalogue.samplesOf(check);

    StringBuilder toc = new StringBuilder("<ul>");
    StringBuilder body = new StringBuilder();
    for (PitfallDoc.Section section : doc.sections()) {
      boolean examples = section.title().toLowerCase(java.util.Locale.ROOT).startsWith("examples");
      toc.append("<li><a href=\"#").append(section.id()).append("\">").append(Html.escape(section.title())).append("</a>");
      body.append("<section class=\"doc-section").append(examples ? " examples-section" : "").append("\" id=\"")
          .append(section.id()).append("\"><h2><a class=\"anchor\" href=\"#").append(section.id()).append("\">")
          .append(Html.escape(section.title())).append("</a></h2>");
      if (examples) {
        toc.append("<ul>");
        body.append("<p class=\"examples-intro\">Each example is a file of <code>samples/</code> that the build compiles with")
            .append(" the plugin: the code is the file's own text, and the warnings are what the compiler printed for it.</p>");
        for (Sample sample : samples) {
          toc.append("<li><a href=\"#").append(Html.escape(sample.id())).append("\">").append(Html.escape(sample.title())).append("</a></li>");
          body.append(example(catalogue, check, sample, repositoryUrl));
        }
        toc.append("</ul>");
      } else {
        body.append(markdown.render(section.nodes()));
      }
      body.append("</section>");
      toc.append("</li>");
    }
    toc.append("</ul>");

    StringBuilder main = new StringBuilder("<div class=\"doc-layout\">")
        .append(sidebar(catalogue, check, toc.toString(), "../"))
        .append("<article class=\"doc\">")
        .append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"../index.html\">Catalogue</a><span aria-hidden=\"true\">/</span>")
        .append("<a href=\"../index.html#family-").append(Html.escape(family.id())).append("\">").append(Html.escape(family.title()))
        .append("</a></nav>")
        .append("<header class=\"doc-head\"><h1>").append(Html.breakable(check.name())).append("</h1>")
        .append("<p class=\"lead\">").append(Html.escape(check.summary())).append("</p>")
        .append(facts(catalogue, check, family))
        .append("</header>")
        .append(body)
        .append(pager(catalogue, check))
        .append("</article></div>");
    return Layout.page(
        "../",
        check.name() + " · Threadlint pitfall catalogue",
        check.summary(),
        "catalogue",
        "page-pitfall",
        main.toString());
  }

  private static String facts(CheckedCatalogue catalogue, CheckInfo check, Family family) {
    String name = Html.escape(check.name());
    StringBuilder html = new StringBuilder("<dl class=\"facts\">")
        .append("<div><dt>Severity</dt><dd>").append(Layout.severity(check)).append(" by default</dd></div>")
        .append("<div><dt>Family</dt><dd><a href=\"../index.html#family-").append(Html.escape(family.id())).append("\">")
        .append(Html.escape(family.title())).append("</a></dd></div>")
        .append("<div><dt>Frameworks</dt><dd>").append(Layout.chips(catalogue.frameworksOf(check), "fw")).append("</dd></div>")
        .append("<div><dt>Change severity</dt><dd><code>-Xep:").append(name).append(":OFF</code> <code>-Xep:").append(name)
        .append(":ERROR</code></dd></div>")
        .append("<div><dt>Suppress</dt><dd><code>@SuppressWarnings(\"").append(name).append("\")</code></dd></div>");
    if (!check.flags().isEmpty()) {
      html.append("<div><dt>Options</dt><dd>");
      for (String flag : check.flags()) {
        html.append("<code>").append(Html.escape(flag)).append("=…</code> ");
      }
      html.append("</dd></div>");
    }
    return html.append("</dl>").toString();
  }

  private static String example(CheckedCatalogue catalogue, CheckInfo check, Sample sample, String repositoryUrl) {
    String id = Html.escape(sample.id());
    List<Finding> findings = catalogue.findings(sample, check);
    Map<Long, Integer> flags = new LinkedHashMap<>();
    for (Finding finding : findings) {
      flags.putIfAbsent(finding.line(), flags.size() + 1);
    }
    String path = sample.path().toString().replace('\\', '/');
    StringBuilder html = new StringBuilder("<section class=\"example\" id=\"").append(id).append("\">")
        .append("<h3><a class=\"anchor\" href=\"#").append(id).append("\">").append(Html.escape(sample.title())).append("</a></h3>")
        .append("<div class=\"example-meta\">").append(Layout.chips(sample.frameworks(), "fw"))
        .append("<a class=\"source-link\" href=\"").append(Html.escape(repositoryUrl + path)).append("\"><code>")
        .append(Html.escape(sample.path().getFileName().toString())).append("</code></a></div>");
    if (!sample.storyUnderTitle().isEmpty()) {
      html.append("<p class=\"story\">").append(JavadocText.toHtml(sample.storyUnderTitle())).append("</p>");
    }
    html.append("<div class=\"compare\">")
        .append(panel("bug", "Pitfall", sample.pitfall(), flags, sample.id() + "-w"))
        .append(panel("fix", "Fix", sample.fix(), Map.of(), sample.id() + "-w"))
        .append("</div>");
    html.append("<div class=\"warnings\"><p class=\"warnings-title\"><span class=\"term-dot\"></span>")
        .append("What <code>javac -Xplugin:ErrorProne</code> prints for the pitfall</p><ol>");
    for (Finding finding : findings) {
      html.append("<li id=\"").append(id).append("-w").append(flags.get(finding.line())).append("\">")
          .append("<span class=\"w-num\">").append(flags.get(finding.line())).append("</span>")
          .append(CodeBlocks.terminal(finding)).append("</li>");
    }
    html.append("</ol></div>");
    if (!sample.shared().isEmpty()) {
      html.append("<details class=\"shared\"><summary>Code the pitfall and the fix share</summary>")
          .append(CodeBlocks.render(sample.shared(), Map.of(), sample.id() + "-w", "Shared code of " + sample.id()))
          .append("</details>");
    }
    return html.append("</section>").toString();
  }

  private static String panel(String kind, String label, Sample.Part part, Map<Long, Integer> flags, String anchor) {
    return new StringBuilder("<figure class=\"panel panel-").append(kind).append("\"><figcaption>")
        .append("<span class=\"panel-tag\">").append(kind.equals("bug") ? "✗ " : "✓ ").append(label).append("</span>")
        .append("<span class=\"panel-caption\">").append(JavadocText.toHtml(part.caption())).append("</span></figcaption>")
        .append(CodeBlocks.render(part.code(), flags, anchor, label + " code"))
        .append("</figure>")
        .toString();
  }

  static String sidebar(CheckedCatalogue catalogue, CheckInfo current, String toc, String root) {
    StringBuilder html = new StringBuilder("<aside class=\"sidebar\"><div class=\"sidebar-inner\">")
        .append("<nav aria-label=\"Catalogue\"><p class=\"side-title\"><a href=\"").append(root).append("index.html\">Catalogue</a></p>");
    for (Family family : catalogue.families()) {
      List<CheckInfo> checks = catalogue.checksOf(family);
      html.append("<p class=\"side-family\">").append(Html.escape(family.title()));
      if (checks.isEmpty()) {
        html.append(" <span class=\"soon\">soon</span></p>");
        continue;
      }
      html.append("</p><ul>");
      for (CheckInfo check : checks) {
        html.append("<li><a href=\"").append(root).append("pitfalls/").append(Html.escape(check.name())).append(".html\"")
            .append(current != null && check.name().equals(current.name()) ? " aria-current=\"page\"" : "")
            .append(">").append(Html.breakable(check.name())).append("</a></li>");
      }
      html.append("</ul>");
    }
    html.append("<p class=\"side-family\"><a href=\"").append(root).append("concepts.html\"")
        .append(current == null ? " aria-current=\"page\"" : "").append(">Concepts</a></p></nav>");
    if (!toc.isEmpty()) {
      html.append("<nav class=\"toc\" aria-label=\"On this page\"><p class=\"side-title\">On this page</p>").append(toc).append("</nav>");
    }
    return html.append("</div></aside>").toString();
  }

  private static String pager(CheckedCatalogue catalogue, CheckInfo check) {
    List<CheckInfo> ordered = catalogue.checksInOrder();
    int at = ordered.indexOf(check);
    StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"Other pitfalls\">");
    if (at > 0) {
      String prev = ordered.get(at - 1).name();
      html.append("<a class=\"prev\" href=\"").append(Html.escape(prev)).append(".html\"><small>Previous</small>")
          .append(Html.breakable(prev)).append("</a>");
    } else {
      html.append("<a class=\"prev\" href=\"../index.html\"><small>Back to</small>The catalogue</a>");
    }
    if (at + 1 < ordered.size()) {
      String next = ordered.get(at + 1).name();
      html.append("<a class=\"next\" href=\"").append(Html.escape(next)).append(".html\"><small>Next</small>")
          .append(Html.breakable(next)).append("</a>");
    } else {
      html.append("<a class=\"next\" href=\"../concepts.html\"><small>Read next</small>Concepts</a>");
    }
    return html.append("</nav>").toString();
  }
}
