package dev.threadlint;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath the end-to-end tests give javac, as processor path and classpath: the test
 * classpath minus the test classes (Error Prone, the plugin's classes and its service
 * registration, the frameworks the sources use).
 */
final class PluginClasspath {
  private PluginClasspath() {}

  static List<File> files() {
    List<File> files = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.endsWith("test-classes")) {
        files.add(new File(entry));
      }
    }
    return files;
  }

  static String joined() {
    List<String> paths = new ArrayList<>();
    for (File file : files()) {
      paths.add(file.getPath());
    }
    return String.join(File.pathSeparator, paths);
  }
}
