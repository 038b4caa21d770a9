package dev.bulwark.trust.server.auth;

/** A refused request, with the {@code WWW-Authenticate} challenge to send back. */
public final class AuthException extends Exception {
  private final String challenge;
  private final String resourceType;
  private final String resourceName;
  private final String action;

  public AuthException(
      String message, String challenge, String resourceType, String resourceName, String action) {
    super(message);
    this.challenge = challenge;
    this.resourceType = resourceType;
    this.resourceName = resourceName;
    this.action = action;
  }

  public String challenge() {
    return challenge;
  }

  public String resourceType() {
    return resourceType;
  }

  public String resourceName() {
    return resourceName;
  }

  public String action() {
    return action;
  }
}
