package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.error.TrustException;

/** The server has no trust data for the GUN (HTTP 404 for its root or timestamp). */
public final class NoTrustDataException extends TrustException {
  public NoTrustDataException(Gun gun) {
    super(gun + " does not have trust data");
  }
}
