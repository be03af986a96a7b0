package dev.threadlint.config;

import dev.threadlint.model.ModelFormatException;
import dev.threadlint.model.ThreadModel;
import dev.threadlint.model.ThreadModelParser;
import dev.threadlint.model.ThreadModelSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@link ThreadModel} from, in order: the built-in model files (listed in {@code
 * dev/threadlint/model/default.models}), the model files that libraries on the processor path
 * register as {@link ThreadModelSource} services, and the files named by {@code
 * -XepOpt:Threadlint:ModelFiles}. Parsed models are cached per set of files and their
 * modification times, so a build daemon parses them once.
 */
public final class ModelLoader {
  private static final String INDEX = "dev/threadlint/model/default.models";
  private static final Map<String, ThreadModel> CACHE = new ConcurrentHashMap<>();

  private ModelLoader() {}

  public static ThreadModel load(ThreadlintOptions options) {
    List<ThreadModelSource> services = new ArrayList<>();
    ServiceLoader.load(ThreadModelSource.class, ModelLoader.class.getClassLoader())
        .forEach(services::add);
    StringBuilder key = new StringBuilder();
    services.forEach(s -> key.append(s.getClass().getName()).append(':').append(s.name()).append(';'));
    for (Path file : options.modelFiles()) {
      try {
        key.append(file.toAbsolutePath()).append('@').append(Files.getLastModifiedTime(file)).append(';');
      } catch (IOException e) {
        throw new ConfigurationException(ThreadlintOptions.MODEL_FILES, "cannot read '" + file + "': " + e.getMessage());
      }
    }
    return CACHE.computeIfAbsent(key.toString(), k -> parse(options, services));
  }

  private static ThreadModel parse(ThreadlintOptions options, List<ThreadModelSource> services) {
    ThreadModelParser parser = new ThreadModelParser();
    for (String resource : builtInModels()) {
      try (Reader reader = resource(resource)) {
        parser.parse(resource, reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Threadlint: cannot read built-in model " + resource, e);
      }
    }
    for (ThreadModelSource source : services) {
      try (Reader reader = source.open()) {
        parser.parse(source.name(), reader);
      } catch (IOException e) {
        throw new ModelFormatException(source.name(), 0, "cannot be read: " + e.getMessage());
      }
    }
    for (Path file : options.modelFiles()) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        parser.parse(file.toString(), reader);
      } catch (IOException e) {
        throw new ConfigurationException(ThreadlintOptions.MODEL_FILES, "cannot read '" + file + "': " + e.getMessage());
      } catch (ModelFormatException e) {
        throw new ConfigurationException(ThreadlintOptions.MODEL_FILES, e.getMessage());
      }
    }
    return parser.build();
  }

  /** The resource names of the built-in model files. */
  public static List<String> builtInModels() {
    List<String> names = new ArrayList<>();
    try (BufferedReader index = new BufferedReader(resource(INDEX))) {
      String line;
      while ((line = index.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          names.add("dev/threadlint/model/" + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Threadlint: cannot read " + INDEX, e);
    }
    return names;
  }

  private static Reader resource(String name) throws IOException {
    InputStream in = ModelLoader.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name + " (is the plugin jar complete?)");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
