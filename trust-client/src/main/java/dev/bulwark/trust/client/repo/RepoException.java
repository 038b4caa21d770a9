package dev.bulwark.trust.client.repo;

/**
 * A change could not be staged, signed or published. Nothing was stored remotely and the local
 * changelist is unchanged.
 */
public class RepoException extends Exception {
  public RepoException(String message) {
    super(message);
  }

  public RepoException(String message, Throwable cause) {
    super(message, cause);
  }
}
