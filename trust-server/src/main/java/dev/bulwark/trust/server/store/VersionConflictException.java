package dev.bulwark.trust.server.store;

/** A stored version is equal to or newer than one in the update (maps to 400 VERSION). */
public final class VersionConflictException extends StoreException {
  public VersionConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
