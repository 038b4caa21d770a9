package dev.bulwark.sandbox;

/** A sandbox could not be set up as asked; nothing was confined by the failing call. */
public class SandboxException extends Exception {
  private final int errno;

  public SandboxException(String message) {
    this(message, 0);
  }

  public SandboxException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
    this.errno = 0;
  }

  /** The Linux errno behind the failure, or 0. */
  public int errno() {
    return errno;
  }
}
