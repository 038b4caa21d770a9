package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.error.VerificationException;

/**
 * A root does not satisfy the trust pinning configuration (or TOFU is off and nothing is pinned).
 */
public final class TrustPinningException extends VerificationException {
  public TrustPinningException(String message) {
    super(message);
  }
}
