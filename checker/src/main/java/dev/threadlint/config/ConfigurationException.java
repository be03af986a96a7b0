package dev.threadlint.config;

/** A bad {@code -XepOpt:Threadlint:...} value: the message names the flag and the problem. */
public final class ConfigurationException extends IllegalArgumentException {
  public ConfigurationException(String flag, String problem) {
    super("Threadlint: bad -XepOpt:" + flag + ": " + problem);
  }
}
