package dev.threadlint;

/** Where the pitfall catalogue lives: every warning links to its page there. */
public final class Catalogue {
  /** The one base URL of the catalogue; a check's page is {@code BASE_URL + CheckName + ".md"}. */
  public static final String BASE_URL =
      "https://github.com/threadlint/threadlint/blob/main/docs/pitfalls/";

  private Catalogue() {}
}
