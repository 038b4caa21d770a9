package dev.bulwark.trust.server;

/** The server could not start (storage, TLS material, port). */
public final class ServerStartException extends Exception {
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
