package dev.bulwark.trust.client.repo;

/**
 * The server refused an update ({@code 400 INVALID_UPDATE}, {@code VERSION}, ...).
 *
 * @see NotaryWriter
 */
public final class ServerRefusedException extends RepoException {
  private final int status;
  private final String code;

  public ServerRefusedException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** HTTP status. */
  public int status() {
    return status;
  }

  /** Notary error code, e.g. {@code INVALID_UPDATE}, or empty. */
  public String code() {
    return code;
  }
}
