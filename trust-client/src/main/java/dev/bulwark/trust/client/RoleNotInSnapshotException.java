package dev.bulwark.trust.client;

import dev.bulwark.trust.core.error.TrustException;

/** TUF 5.6.4 / §4.4: a targets role that the trusted snapshot does not list must not be used. */
public final class RoleNotInSnapshotException extends TrustException {
  public RoleNotInSnapshotException(String role, long snapshotVersion) {
    super(
        "role "
            + role
            + ": expected an entry in snapshot version "
            + snapshotVersion
            + ", found none");
  }
}
