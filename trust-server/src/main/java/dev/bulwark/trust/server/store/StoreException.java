package dev.bulwark.trust.server.store;

/** The database failed or is unreachable (maps to 500). */
public class StoreException extends Exception {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
