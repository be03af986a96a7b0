package dev.threadlint.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What javac printed in one run, read from its output: the findings of the plugin's checks, the
 * errors, and crashes (an Error Prone check that threw, or javac itself).
 */
record Diagnostics(List<Finding> findings, List<String> errors, List<Crash> crashes, int warnings) {

  /** One warning of a plugin check: where, which check, the first line of its message. */
  record Finding(String check, String file, int line, String message) {
    String location() {
      return file + ":" + line;
    }
  }

  /**
   * An exception thrown inside the compiler.
   *
   * @param file the source file javac was on, or null when the report names none
   * @param check the check that threw ("(see stack trace)" when Error Prone could not tell), or
   *     null for a crash of javac itself
   * @param exception the first line of the stack trace
   */
  record Crash(String file, String check, String exception) {}

  static final String ERROR_PRONE_CRASH = "An unhandled exception was thrown by the Error Prone";
  static final String JAVAC_CRASH = "An exception has occurred in the compiler";

  /**
   * The note the plugin prints instead of crashing when not in strict mode: "Threadlint:
   * BlockingCallInEventLoop skipped part of /path/Foo.java after an internal error (...)".
   */
  private static final Pattern SKIPPED =
      Pattern.compile("^(?:Note: )?Threadlint: (\\S+) skipped part of (\\S+) after an internal error \\((.*)\\).*$");

  private static final Pattern DIAGNOSTIC = Pattern.compile("^(.+?\\.java):(\\d+): (warning|error): (.*)$");
  private static final Pattern CHECK = Pattern.compile("^\\[([A-Za-z0-9_]+)\\] (.*)$");
  private static final Pattern BUG_PATTERN = Pattern.compile("^\\s*BugPattern: (.*)$");
  private static final Pattern STACK_TRACE = Pattern.compile("^\\s*Stack Trace:\\s*$");

  /**
   * Reads javac's output. Paths of findings are made relative to {@code sources} when under it.
   */
  static Diagnostics parse(String output, Path sources, Set<String> pluginChecks) {
    List<Finding> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Crash> crashes = new ArrayList<>();
    int warnings = 0;
    String[] lines = output.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher skipped = SKIPPED.matcher(line);
      if (skipped.matches()) {
        crashes.add(new Crash(relative(skipped.group(2), sources), skipped.group(1), skipped.group(3)));
        errors.add(line);
        continue;
      }
      Matcher diagnostic = DIAGNOSTIC.matcher(line);
      String file = null;
      String kind = null;
      String text = line;
      if (diagnostic.matches()) {
        file = relative(diagnostic.group(1), sources);
        kind = diagnostic.group(3);
        text = diagnostic.group(4);
      } else if (line.startsWith("error: ")) {
        kind = "error";
        text = line.substring("error: ".length());
      }
      if (text.contains(ERROR_PRONE_CRASH) || text.contains(JAVAC_CRASH)) {
        crashes.add(crashAt(lines, i, file, text.contains(ERROR_PRONE_CRASH)));
        errors.add((file == null ? "" : file + ":" + diagnostic.group(2) + ": ") + text);
        continue;
      }
      if (kind == null) {
        continue;
      }
      if (kind.equals("error")) {
        errors.add((file == null ? "" : file + ":" + diagnostic.group(2) + ": ") + text);
        continue;
      }
      if (file == null) {
        continue;
      }
      warnings++;
      Matcher check = CHECK.matcher(text);
      if (check.matches() && pluginChecks.contains(check.group(1))) {
        findings.add(new Finding(check.group(1), file, Integer.parseInt(diagnostic.group(2)), check.group(2)));
      }
    }
    return new Diagnostics(findings, errors, crashes, warnings);
  }

  private static Crash crashAt(String[] lines, int at, String file, boolean errorProne) {
    String check = null;
    String exception = "";
    for (int j = at + 1; j < Math.min(lines.length, at + 15); j++) {
      Matcher bugPattern = BUG_PATTERN.matcher(lines[j]);
      if (bugPattern.matches()) {
        check = bugPattern.group(1).trim();
      } else if (STACK_TRACE.matcher(lines[j]).matches() && j + 1 < lines.length) {
        exception = lines[j + 1].trim();
        break;
      } else if (!errorProne && lines[j].trim().matches("[\\w.$]+(Exception|Error)(:.*)?")) {
        exception = lines[j].trim();
        break;
      }
    }
    return new Crash(file, errorProne ? (check == null ? "(unknown)" : check) : null, exception);
  }

  private static String relative(String file, Path sources) {
    Path path = Path.of(file);
    return sources != null && path.isAbsolute() && path.startsWith(sources)
        ? sources.relativize(path).toString()
        : file;
  }
}
