package dev.threadlint.docs;

import java.util.List;
import java.util.Map;

/** Highlighted, numbered code panels and the compiler output shown under them. */
final class CodeBlocks {
  private CodeBlocks() {}

  /**
   * A snippet as a numbered, highlighted block.
   *
   * @param flags file line → the number of the warning reported on it
   * @param anchor the prefix of the warnings' ids, e.g. "VertxInventoryApi-w"
   */
  static String render(Snippet snippet, Map<Long, Integer> flags, String anchor, String label) {
    List<String> html = JavaHighlighter.highlightLines(snippet.text());
    StringBuilder out = new StringBuilder("<div class=\"code\" tabindex=\"0\" role=\"region\" aria-label=\"")
        .append(Html.escape(label)).append("\"><pre><code>");
    for (int i = 0; i < snippet.lines().size(); i++) {
      Snippet.Line line = snippet.lines().get(i);
      Integer flag = flags.get((long) line.fileLine());
      out.append("<span class=\"line").append(flag != null ? " flagged" : "").append("\">")
          .append("<span class=\"ln\" aria-hidden=\"true\">").append(line.fileLine() > 0 ? line.fileLine() : "").append("</span>")
          .append("<span class=\"mk\">");
      if (flag != null) {
        out.append("<a class=\"flag\" href=\"#").append(anchor).append(flag).append("\" title=\"Warning ").append(flag)
            .append(": see what the compiler prints\">").append(flag).append("</a>");
      }
      // The newline inside the block line: copied code keeps its lines, and no empty line shows.
      out.append("</span>").append(i < html.size() ? html.get(i) : "").append("\n</span>");
    }
    return out.append("</code></pre></div>").toString();
  }

  /** A finding as the terminal shows it, with its parts marked for color. */
  static String terminal(Finding finding) {
    String printed = finding.asPrinted();
    int firstBreak = printed.indexOf('\n');
    String head = firstBreak < 0 ? printed : printed.substring(0, firstBreak);
    String rest = firstBreak < 0 ? "" : printed.substring(firstBreak);
    String location = finding.file().getFileName() + ":" + finding.line() + ":";
    String kind = " " + finding.kind() + ":";
    String check = "[" + finding.check() + "]";
    StringBuilder html = new StringBuilder("<pre class=\"terminal\"><code>");
    if (head.startsWith(location + kind + " " + check)) {
      html.append("<span class=\"t-loc\">").append(Html.escape(location)).append("</span>")
          .append("<span class=\"t-").append(finding.kind()).append("\">").append(Html.escape(kind)).append("</span> ")
          .append("<span class=\"t-check\">").append(Html.escape(check)).append("</span>")
          .append(Html.escape(head.substring((location + kind + " " + check).length())));
    } else {
      html.append(Html.escape(head));
    }
    List<String> lines = rest.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String cls = i >= lines.size() - 2 ? (i == lines.size() - 1 ? "t-caret" : "t-src") : "t-more";
      if (!line.isEmpty() || i > 0) {
        html.append('\n');
      }
      html.append("<span class=\"").append(cls).append("\">").append(Html.escape(line)).append("</span>");
    }
    return html.append("</code></pre>").toString();
  }
}
