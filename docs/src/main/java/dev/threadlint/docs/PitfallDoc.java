package dev.threadlint.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * A check's hand-written catalogue entry, docs/pitfalls/&lt;Check&gt;.md: a {@code #} title, a
 * preamble (the summary as a block quote, then family, severity and frameworks for readers of the
 * Markdown), and {@code ##} sections.
 */
record PitfallDoc(String check, String title, List<Node> preamble, List<Section> sections) {

  record Section(String title, List<Node> nodes) {
    String id() {
      return Html.slug(title);
    }
  }

  static PitfallDoc parse(String check, Node document) {
    String title = "";
    List<Node> preamble = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    for (Node node : Markdown.children(document)) {
      if (node instanceof Heading h && h.getLevel() == 1 && title.isEmpty()) {
        title = Markdown.plainText(h);
      } else if (node instanceof Heading h && h.getLevel() == 2) {
        sections.add(new Section(Markdown.plainText(h), new ArrayList<>()));
      } else if (sections.isEmpty()) {
        preamble.add(node);
      } else {
        sections.get(sections.size() - 1).nodes().add(node);
      }
    }
    return new PitfallDoc(check, title, preamble, sections);
  }

  /** The section whose title starts with the given words, ignoring case. */
  Optional<Section> section(String titleStart) {
    String wanted = titleStart.toLowerCase(Locale.ROOT);
    return sections.stream().filter(s -> s.title().toLowerCase(Locale.ROOT).startsWith(wanted)).findFirst();
  }

  /** The summary: the text of the preamble's first block quote, or empty. */
  String summary() {
    return preamble.stream()
        .filter(BlockQuote.class::isInstance)
        .findFirst()
        .map(Markdown::plainText)
        .orElse("");
  }

  /** The info strings of fenced code blocks that show Java, anywhere in the file. */
  static List<String> javaBlocks(Node document) {
    List<String> found = new ArrayList<>();
    document.accept(
        new org.commonmark.node.AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            if (info.startsWith("java")) {
              found.add(block.getLiteral().lines().findFirst().orElse(""));
            }
          }
        });
    return found;
  }
}
