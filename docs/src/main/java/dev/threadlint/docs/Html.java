package dev.threadlint.docs;

/** Escaping for text and attribute values of the generated pages. */
final class Html {
  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A CamelCase name, escaped, that may wrap between its words on narrow screens: "Blocking<wbr>Call...". */
  static String breakable(String name) {
    return escape(name).replaceAll("([a-z0-9])(?=[A-Z])", "$1<wbr>");
  }

  /** A URL fragment made of the text's letters and digits, e.g. "How to fix" → "how-to-fix". */
  static String slug(String text) {
    String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
