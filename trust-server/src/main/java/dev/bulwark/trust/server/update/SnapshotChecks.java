package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.VerificationException;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.server.store.StoredFile;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Checks a client-signed snapshot (Notary {@code validateSnapshot}). */
final class SnapshotChecks {
  private static final String BAD = "ErrBadSnapshot";

  private SnapshotChecks() {}

  /**
   * Signed by the root's snapshot keys, not expired, and listing root, targets and every uploaded
   * role with the exact bytes that will be current after the update.
   */
  static void check(
      Metadata<Snapshot> md,
      Map<String, StoredFile> current,
      Map<String, byte[]> accepted,
      Metadata<Root> root,
      Instant now)
      throws InvalidUpdateException {
    try {
      root.signed().verify(RoleType.SNAPSHOT, md);
      md.checkNotExpired("snapshot", now);
    } catch (VerificationException | ExpiredMetadataException e) {
      throw new InvalidUpdateException(BAD, e.getMessage());
    }
    for (String role : accepted.keySet()) {
      if (!role.equals("snapshot")) {
        requireListed(md, role, accepted.get(role));
      }
    }
    for (String role : new String[] {"root", "targets"}) {
      if (!accepted.containsKey(role)) {
        byte[] bytes = current.containsKey(role) ? current.get(role).data() : null;
        if (bytes == null) {
          throw new InvalidUpdateException(BAD, "snapshot requires " + role + " but none exists");
        }
        requireListed(md, role, bytes);
      }
    }
  }

  private static void requireListed(Metadata<Snapshot> md, String role, byte[] bytes)
      throws InvalidUpdateException {
    Optional<MetaFile> entry = md.signed().metaFor(role);
    if (entry.isEmpty()) {
      throw new InvalidUpdateException(BAD, "snapshot does not list " + role);
    }
    try {
      entry.get().verify(bytes, role);
    } catch (TrustException e) {
      throw new InvalidUpdateException(
          BAD, "snapshot entry for " + role + " does not match its bytes: " + e.getMessage());
    }
  }
}
