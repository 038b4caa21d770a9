package dev.bulwark.trust.server.http;

/**
 * An error answered to the client as {@code {"errors":[{"code","message","detail"}]}}.
 *
 * @see ErrorCode
 */
public final class ApiException extends Exception {
  private final ErrorCode code;
  private final transient Object detail;
  private final boolean hasDetail;

  private ApiException(ErrorCode code, Object detail, boolean hasDetail) {
    super(code.name() + (hasDetail ? ": " + detail : ""));
    this.code = code;
    this.detail = detail;
    this.hasDetail = hasDetail;
  }

  /** An error whose JSON has no {@code detail} member. */
  public static ApiException of(ErrorCode code) {
    return new ApiException(code, null, false);
  }

  /**
   * @param detail a String, Map or List serialised as the {@code detail} member
   */
  public static ApiException of(ErrorCode code, Object detail) {
    return new ApiException(code, detail, true);
  }

  public ErrorCode code() {
    return code;
  }

  public Object detail() {
    return detail;
  }

  public boolean hasDetail() {
    return hasDetail;
  }
}
