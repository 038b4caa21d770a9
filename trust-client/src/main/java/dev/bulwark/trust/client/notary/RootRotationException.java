package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.error.VerificationException;

/** A new root is not signed by a threshold of the previously trusted root's root certificates. */
public final class RootRotationException extends VerificationException {
  public RootRotationException(String message) {
    super(message);
  }
}
