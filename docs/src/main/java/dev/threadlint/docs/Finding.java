package dev.threadlint.docs;

import java.nio.file.Path;

/**
 * A warning the plugin printed while compiling a sample.
 *
 * @param file the sample file
 * @param line the line, 1-based
 * @param column the column, 1-based
 * @param kind "warning" or "error", as javac prints it
 * @param check the check's name, from the message's {@code [Name]} prefix
 * @param message the whole message, as Error Prone formats it
 * @param sourceLine the text of the reported line
 */
record Finding(Path file, long line, long column, String kind, String check, String message, String sourceLine) {

  /** The finding as javac prints it: location, message, the source line and a caret under the column. */
  String asPrinted() {
    String caret = " ".repeat((int) Math.max(0, column - 1)) + "^";
    return file.getFileName() + ":" + line + ": " + kind + ": " + message + "\n" + sourceLine + "\n" + caret;
  }
}
