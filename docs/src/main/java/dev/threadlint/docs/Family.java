package dev.threadlint.docs;

/**
 * A family of pitfalls, as docs/README.md introduces it: a {@code ## Title} heading followed by
 * a {@code <!-- family: id -->} marker and the family's introduction. The id is the package of
 * its checks under {@code dev.threadlint} and the folder of its samples.
 */
record Family(String id, String title, String introMarkdown) {}
