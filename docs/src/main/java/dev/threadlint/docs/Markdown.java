package dev.threadlint.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The hand-written Markdown of docs/ turned into page HTML: links to other catalogue pages point
 * to their generated pages, links to other files of the repository to the repository's web view,
 * headings get ids, tables scroll on narrow screens, code blocks are highlighted.
 */
final class Markdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  /** Markdown files of docs/ (relative to the repository root) → their pages (relative to the site root). */
  private final Map<String, String> pages;

  /** The repository's web view of files, e.g. {@code https://github.com/o/r/blob/main/}; may be empty. */
  private final String repositoryUrl;

  Markdown(Map<String, String> pages, String repositoryUrl) {
    this.pages = Map.copyOf(pages);
    this.repositoryUrl = repositoryUrl;
  }

  static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /**
   * Rewrites the links of a parsed file so they work from its page.
   *
   * @param source the Markdown file, relative to the repository root (e.g. docs/pitfalls/X.md)
   * @param page the page it becomes, relative to the site root (e.g. pitfalls/X.html)
   */
  void relink(Node document, String source, String page) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            link.setDestination(resolve(link.getDestination(), source, page));
            visitChildren(link);
          }
        });
  }

  String resolve(String destination, String source, String page) {
    if (destination.isEmpty() || destination.startsWith("#") || destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return destination;
    }
    int hash = destination.indexOf('#');
    String fragment = hash < 0 ? "" : destination.substring(hash);
    String pathPart = hash < 0 ? destination : destination.substring(0, hash);
    Path sourceDir = Path.of(source).getParent();
    String target = (sourceDir == null ? Path.of(pathPart) : sourceDir.resolve(pathPart)).normalize().toString();
    target = target.replace('\\', '/');
    String targetPage = pages.get(target);
    if (targetPage != null) {
      return relative(page, targetPage) + fragment;
    }
    if (!repositoryUrl.isEmpty() && !target.startsWith("..")) {
      return repositoryUrl + target + fragment;
    }
    return destination;
  }

  /** The path from one page of the site to another. */
  static String relative(String fromPage, String toPage) {
    Path from = Path.of(fromPage).getParent();
    Path rel = from == null ? Path.of(toPage) : from.relativize(Path.of(toPage));
    return rel.toString().replace('\\', '/');
  }

  /** Markdown text from a file as HTML for its page: parsed, relinked, rendered. */
  String render(String markdown, String source, String page) {
    Node document = parse(markdown);
    relink(document, source, page);
    return render(document);
  }

  /** HTML of the nodes, in order. */
  String render(List<Node> nodes) {
    HtmlRenderer renderer =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .attributeProviderFactory(
                context ->
                    (node, tag, attributes) -> {
                      if (node instanceof Heading) {
                        attributes.put("id", Html.slug(plainText(node)));
                      }
                    })
            .nodeRendererFactory(CodeBlockRenderer::new)
            .build();
    StringBuilder html = new StringBuilder();
    for (Node node : nodes) {
      html.append(renderer.render(node));
    }
    return html.toString()
        .replace("<table>", "<div class=\"table-wrap\"><table>")
        .replace("</table>", "</table></div>");
  }

  String render(Node node) {
    return render(List.of(node));
  }

  /** The text of a node and its children, without markup. */
  static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(Code code) {
            text.append(code.getLiteral());
          }
        });
    return text.toString().strip();
  }

  /** The top-level nodes of a document. */
  static List<Node> children(Node document) {
    List<Node> children = new java.util.ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      children.add(n);
    }
    return children;
  }

  /** Fenced code: Java highlighted like the samples, anything else as plain preformatted text. */
  private static final class CodeBlockRenderer implements NodeRenderer {
    private final HtmlWriter html;

    CodeBlockRenderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
      FencedCodeBlock block = (FencedCodeBlock) node;
      String info = block.getInfo() == null ? "" : block.getInfo().strip();
      String code = block.getLiteral();
      StringBuilder out = new StringBuilder("<pre class=\"block lang-").append(Html.escape(info.isEmpty() ? "text" : info)).append("\"><code>");
      if (info.equals("java")) {
        out.append(String.join("\n", JavaHighlighter.highlightLines(code)));
      } else {
        out.append(Html.escape(code.endsWith("\n") ? code.substring(0, code.length() - 1) : code));
      }
      out.append("</code></pre>");
      html.line();
      html.raw(out.toString());
      html.line();
    }
  }
}
