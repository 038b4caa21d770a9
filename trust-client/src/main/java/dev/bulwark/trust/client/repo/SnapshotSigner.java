package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signs the next snapshot when this trust dir holds the snapshot key; otherwise the server makes it
 * (server-managed snapshot, research/notary.md fact 9).
 */
final class SnapshotSigner {
  private SnapshotSigner() {}

  /** Signing keys for the snapshot role of {@code root} held here (empty: server-managed). */
  static List<SigningKey> keys(Metadata<Root> root, SigningKeys keys) throws RepoException {
    Role role = root.signed().role(RoleType.SNAPSHOT);
    List<Key> authorised = new ArrayList<>();
    role.keyIds()
        .forEach(
            id -> Optional.ofNullable(root.signed().keys().get(id)).ifPresent(authorised::add));
    try {
      return keys.forKeys(authorised);
    } catch (KeystoreException e) {
      throw new RepoException("cannot sign snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * The next snapshot: the previous entries, replaced by the new files, without removed roles.
   *
   * @param previous the current snapshot, or empty at init
   * @param files role name → new raw bytes (root included when it changed)
   */
  static Metadata<Snapshot> next(
      Optional<Metadata<Snapshot>> previous,
      Map<String, byte[]> files,
      Set<String> removed,
      Instant expires,
      List<SigningKey> signers) {
    Map<String, MetaFile> meta = new LinkedHashMap<>();
    previous.ifPresent(p -> meta.putAll(p.signed().meta()));
    files.forEach((role, raw) -> meta.put(role, MetaFile.ofBytes(raw)));
    meta.keySet().removeAll(removed);
    long version = previous.map(p -> p.signed().version()).orElse(0L) + 1;
    Snapshot s = new Snapshot(version, expires, Optional.empty(), meta, JsonObject.EMPTY);
    return NotaryFiles.normalize(Metadata.sign(Dialect.NOTARY, s, signers));
  }
}
