package dev.bulwark.trust.client;

import dev.bulwark.trust.core.error.TrustException;

/** TUF 5.7.2: no trusted targets role (reachable by the delegation search) lists the target. */
public final class TargetNotFoundException extends TrustException {
  public TargetNotFoundException(String targetPath, String detail) {
    super("target " + targetPath + ": not found in trusted metadata (" + detail + ")");
  }
}
