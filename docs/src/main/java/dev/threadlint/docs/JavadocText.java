package dev.threadlint.docs;

/** Javadoc description text (with {@code {@code ...}} and {@code {@link ...}} tags) as HTML or plain text. */
final class JavadocText {
  private JavadocText() {}

  static String toHtml(String javadoc) {
    return convert(javadoc, true);
  }

  static String toPlainText(String javadoc) {
    return convert(javadoc, false);
  }

  private static String convert(String javadoc, boolean html) {
    String text = javadoc.replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int tag = text.indexOf("{@", i);
      if (tag < 0) {
        out.append(html ? Html.escape(text.substring(i)) : text.substring(i));
        break;
      }
      out.append(html ? Html.escape(text.substring(i, tag)) : text.substring(i, tag));
      int end = closingBrace(text, tag);
      String body = text.substring(tag + 2, end);
      int space = body.indexOf(' ');
      String name = space < 0 ? body : body.substring(0, space);
      String content = space < 0 ? "" : body.substring(space + 1).strip();
      if (name.equals("link") || name.equals("linkplain")) {
        content = content.replace('#', '.');
      }
      if (html && (name.equals("code") || name.equals("link"))) {
        out.append("<code>").append(Html.escape(content)).append("</code>");
      } else {
        out.append(html ? Html.escape(content) : content);
      }
      i = Math.min(end + 1, text.length());
    }
    return out.toString();
  }

  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '{') {
        depth++;
      } else if (text.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return text.length();
  }
}
