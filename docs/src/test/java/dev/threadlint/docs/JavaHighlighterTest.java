package dev.threadlint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {

  /** The text a browser shows for the HTML. */
  private static String shown(List<String> html) {
    return String.join("\n", html)
        .replaceAll("<[^>]+>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @Test
  void keepsTheTextExactlyAndOneHtmlLinePerLine() {
    String code =
        "Map<String, List<Integer>> m = new HashMap<>();\n"
            + "if (a < b && c > d) { s = \"<b>\" + 'x'; }\n"
            + "\n"
            + "  int n = 0x1F + 1_000L; // done\n";
    List<String> html = JavaHighlighter.highlightLines(code);
    assertEquals(4, html.size());
    assertEquals(code.stripTrailing(), shown(html));
  }

  @Test
  void classifiesTokens() {
    String html =
        String.join(
            "\n",
            JavaHighlighter.highlightLines(
                "@Override public void start() { Thread.sleep(MAX_WAIT); String s = \"hi\"; } // why"));
    assertTrue(html.contains("<span class=\"tok-a\">@Override</span>"), html);
    assertTrue(html.contains("<span class=\"tok-k\">public</span>"), html);
    assertTrue(html.contains("<span class=\"tok-f\">start</span>"), html);
    assertTrue(html.contains("<span class=\"tok-t\">Thread</span>"), html);
    assertTrue(html.contains("<span class=\"tok-f\">sleep</span>"), html);
    assertTrue(html.contains("<span class=\"tok-cn\">MAX_WAIT</span>"), html);
    assertTrue(html.contains("<span class=\"tok-s\">&quot;hi&quot;</span>"), html);
    assertTrue(html.contains("<span class=\"tok-c\">// why</span>"), html);
  }

  @Test
  void spansOfMultiLineCommentsAndTextBlocksCloseOnEveryLine() {
    List<String> html =
        JavaHighlighter.highlightLines("/* one\n   two */\nString q = \"\"\"\n    SELECT 1\n    \"\"\";\n");
    assertEquals(5, html.size());
    for (String line : html) {
      assertEquals(count(line, "<span"), count(line, "</span>"), line);
    }
    assertTrue(html.get(1).startsWith("<span class=\"tok-c\">"), html.get(1));
    assertTrue(html.get(3).startsWith("<span class=\"tok-s\">"), html.get(3));
  }

  @Test
  void upperCaseNamesAreTypesWhereTheyDeclareAndConstantsElsewhere() {
    String html = String.join("", JavaHighlighter.highlightLines("URI uri = new URL(BASE); LOG.info(MAX_WAIT);"));
    assertTrue(html.contains("<span class=\"tok-t\">URI</span>"), html);
    assertTrue(html.contains("<span class=\"tok-t\">URL</span>"), html);
    assertTrue(html.contains("<span class=\"tok-cn\">BASE</span>"), html);
    assertTrue(html.contains("<span class=\"tok-cn\">LOG</span>"), html);
  }

  @Test
  void keywordsInsideStringsAndCommentsStayStringsAndComments() {
    String html = String.join("", JavaHighlighter.highlightLines("log(\"return new\"); // if while\n"));
    assertTrue(!html.contains("tok-k"), html);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
