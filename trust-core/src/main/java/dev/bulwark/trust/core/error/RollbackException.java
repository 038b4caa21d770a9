package dev.bulwark.trust.core.error;

/**
 * Metadata whose version is lower than the trusted one, or a role that disappeared (rollback
 * attack).
 */
public class RollbackException extends TrustException {
  public RollbackException(String message) {
    super(message);
  }

  public RollbackException(String message, Throwable cause) {
    super(message, cause);
  }
}
