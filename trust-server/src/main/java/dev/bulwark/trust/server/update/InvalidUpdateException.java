package dev.bulwark.trust.server.update;

/**
 * The update fails TUF validation; {@link #errorName()} is Notary's validation error type ({@code
 * ErrValidation}, {@code ErrBadRoot}, {@code ErrBadTargets}, {@code ErrBadSnapshot}, {@code
 * ErrBadHierarchy}) and becomes the {@code detail.Name} of the 400 INVALID_UPDATE answer.
 */
public final class InvalidUpdateException extends Exception {
  private final String errorName;
  private final String missing;

  public InvalidUpdateException(String errorName, String message) {
    this(errorName, message, null);
  }

  /**
   * @param missing for {@code ErrBadHierarchy}: the role that is missing
   */
  public InvalidUpdateException(String errorName, String message, String missing) {
    super(message);
    this.errorName = errorName;
    this.missing = missing;
  }

  public String errorName() {
    return errorName;
  }

  /** {@code null} unless this is an {@code ErrBadHierarchy}. */
  public String missing() {
    return missing;
  }
}
