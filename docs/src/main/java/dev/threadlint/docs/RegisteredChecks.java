package dev.threadlint.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.BugPattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks the plugin registers, found the way Error Prone finds them: the class names listed in
 * {@code META-INF/services/com.google.errorprone.bugpatterns.BugChecker}, with their metadata read
 * from the {@code @BugPattern} annotation. A check added to the checker shows up here without any
 * change to the catalogue's code.
 */
final class RegisteredChecks {
  static final String SERVICES = "META-INF/services/com.google.errorprone.bugpatterns.BugChecker";
  static final String BASE_PACKAGE = "dev.threadlint.";
  private static final String OPTIONS_CLASS = "dev.threadlint.config.ThreadlintOptions";
  private static final String CATALOGUE_CLASS = "dev.threadlint.Catalogue";

  private RegisteredChecks() {}

  static List<CheckInfo> discover(ClassLoader loader) {
    List<String> sharedFlags = flags(loader);
    List<CheckInfo> checks = new ArrayList<>();
    for (String className : serviceEntries(loader)) {
      if (!className.startsWith(BASE_PACKAGE)) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(SERVICES + " names " + className + ", which is not on the classpath", e);
      }
      BugPattern pattern = type.getAnnotation(BugPattern.class);
      if (pattern == null) {
        throw new IllegalStateException(className + " is registered as a check but has no @BugPattern");
      }
      String name = pattern.name().isEmpty() ? type.getSimpleName() : pattern.name();
      String pkg = type.getPackageName().substring(BASE_PACKAGE.length());
      String family = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
      List<String> flags = new ArrayList<>();
      for (String flag : sharedFlags) {
        if (flag.startsWith("Threadlint:") || flag.startsWith(name + ":")) {
          flags.add("-XepOpt:" + flag);
        }
      }
      checks.add(
          new CheckInfo(
              name,
              className,
              family,
              pattern.severity().name(),
              pattern.summary(),
              pattern.linkType().name(),
              pattern.link(),
              List.copyOf(flags)));
    }
    checks.sort(Comparator.comparing(CheckInfo::name));
    return checks;
  }

  /** The catalogue's base URL: every check's link must be this plus {@code <Name>.md}. */
  static String catalogueBaseUrl(ClassLoader loader) {
    try {
      return (String) Class.forName(CATALOGUE_CLASS, true, loader).getField("BASE_URL").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(CATALOGUE_CLASS + ".BASE_URL not found", e);
    }
  }

  private static Set<String> serviceEntries(ClassLoader loader) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Enumeration<URL> files = loader.getResources(SERVICES);
      while (files.hasMoreElements()) {
        try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(files.nextElement().openStream(), UTF_8))) {
          reader
              .lines()
              .map(line -> line.replaceFirst("#.*", "").strip())
              .filter(line -> !line.isEmpty())
              .forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /**
   * The flag names the plugin's options class declares (its {@code public static final String}
   * constants, e.g. {@code Threadlint:ModelFiles}); none when there is no such class.
   */
  private static List<String> flags(ClassLoader loader) {
    Class<?> options;
    try {
      options = Class.forName(OPTIONS_CLASS, true, loader);
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    List<String> flags = new ArrayList<>();
    Arrays.stream(options.getFields())
        .filter(f -> f.getType() == String.class && Modifier.isStatic(f.getModifiers()))
        .sorted(Comparator.comparing(Field::getName))
        .forEach(
            f -> {
              try {
                String value = (String) f.get(null);
                if (value != null && value.matches("[A-Za-z]+:[A-Za-z]+")) {
                  flags.add(value);
                }
              } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
              }
            });
    return flags;
  }
}
