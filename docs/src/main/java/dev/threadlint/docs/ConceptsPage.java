package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/** concepts.html: docs/concepts.md, with the catalogue's navigation and a table of contents. */
final class ConceptsPage {
  private ConceptsPage() {}

  static String render(CheckedCatalogue catalogue, Node document, Markdown markdown) {
    String title = "Concepts";
    List<Node> nodes = new ArrayList<>();
    StringBuilder toc = new StringBuilder("<ul>");
    for (Node node : Markdown.children(document)) {
      if (node instanceof Heading h && h.getLevel() == 1) {
        title = Markdown.plainText(h);
        continue;
      }
      if (node instanceof Heading h && h.getLevel() == 2) {
        String text = Markdown.plainText(h);
        toc.append("<li><a href=\"#").append(Html.slug(text)).append("\">").append(Html.escape(text)).append("</a></li>");
      }
      nodes.add(node);
    }
    toc.append("</ul>");
    String main =
        "<div class=\"doc-layout\">"
            + PitfallPage.sidebar(catalogue, null, toc.toString(), "")
            + "<article class=\"doc prose-page\">"
            + "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"index.html\">Catalogue</a><span aria-hidden=\"true\">/</span>"
            + "<span>Concepts</span></nav>"
            + "<header class=\"doc-head\"><h1>" + Html.escape(title) + "</h1></header>"
            + markdown.render(nodes)
            + "<nav class=\"pager\" aria-label=\"More\"><a class=\"prev\" href=\"index.html\"><small>Back to</small>The catalogue</a></nav>"
            + "</article></div>";
    return Layout.page("", title + " · Threadlint", "Event loops, threads and async in Java: the ideas behind Threadlint's checks.", "concepts", "page-concepts", main);
  }
}
