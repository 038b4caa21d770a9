package dev.bulwark.trust.client.repo;

/**
 * A role to publish carries fewer signatures than its threshold; co-signers must add theirs ({@code
 * bulwark trust sign}) before it can be published.
 */
public final class ThresholdNotReachedException extends RepoException {
  public ThresholdNotReachedException(String message) {
    super(message);
  }
}
