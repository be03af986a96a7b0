package dev.threadlint.config;

import com.google.errorprone.ErrorProneFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's options, from {@code -XepOpt:Threadlint:...} flags. Built once per checker and
 * validated on construction, so a bad value stops the build with a message naming the flag.
 *
 * <ul>
 *   <li>{@code -XepOpt:Threadlint:ModelFiles=a.model,b.model} — extra model files, in the same
 *       format as the built-in ones, read after them.
 * </ul>
 */
public record ThreadlintOptions(List<Path> modelFiles) {
  public static final String MODEL_FILES = "Threadlint:ModelFiles";

  public ThreadlintOptions {
    modelFiles = List.copyOf(modelFiles);
  }

  public static ThreadlintOptions fromFlags(ErrorProneFlags flags) {
    List<Path> files = new ArrayList<>();
    for (String entry : flags.getListOrEmpty(MODEL_FILES)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path;
      try {
        path = Paths.get(entry.strip());
      } catch (RuntimeException e) {
        throw new ConfigurationException(MODEL_FILES, "'" + entry + "' is not a valid path");
      }
      if (!Files.isRegularFile(path)) {
        throw new ConfigurationException(MODEL_FILES, "model file '" + path + "' does not exist");
      }
      if (!Files.isReadable(path)) {
        throw new ConfigurationException(MODEL_FILES, "model file '" + path + "' cannot be read");
      }
      files.add(path);
    }
    return new ThreadlintOptions(files);
  }
}
