package dev.bulwark.trust.server.update;

/** The upload is unusable before any TUF check: no file name, bad role name or bad JSON. */
public final class MalformedUpdateException extends Exception {
  /** Which Notary error code applies. */
  public enum Kind {
    NO_FILENAME,
    INVALID_ROLE,
    MALFORMED_JSON,
    MALFORMED_UPLOAD
  }

  private final Kind kind;
  private final String detail;

  public MalformedUpdateException(Kind kind, String detail) {
    super(kind + ": " + detail);
    this.kind = kind;
    this.detail = detail;
  }

  public Kind kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }
}
