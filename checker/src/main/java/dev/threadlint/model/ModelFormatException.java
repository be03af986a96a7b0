package dev.threadlint.model;

/** A thread-model file that cannot be read: names the file, the line and the problem. */
public final class ModelFormatException extends RuntimeException {
  public ModelFormatException(String source, int line, String problem) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem);
  }
}
