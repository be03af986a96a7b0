package dev.threadlint.model;

import java.io.IOException;
import java.io.Reader;

/**
 * A model file shipped inside a library's jar, found with {@link java.util.ServiceLoader} on the
 * processor path: framework authors describe their blocking APIs and callback threads as data,
 * in the model file format, and register an implementation in {@code
 * META-INF/services/dev.threadlint.model.ThreadModelSource}.
 */
public interface ThreadModelSource {
  /** A name for error messages, e.g. the resource path. */
  String name();

  /** Opens the model text; called once per compilation. */
  Reader open() throws IOException;
}
