package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.KeyAlgorithm;
import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.client.keystore.RootCertificates;
import dev.bulwark.trust.client.keystore.TrustDirKeyStore;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Key rotation for the top-level roles (research/notary.md §3.6): a new root (version + 1) lists
 * the new key; it is signed by a threshold of the previous root keys (so clients holding the old
 * root accept it, TUF 5.3.4) and, when the root key itself rotates, by the new root key too.
 * Previous root certificates stay listed, as Notary does. Targets are re-signed with a new targets
 * key; {@code -r} hands snapshot or timestamp to the server.
 */
public final class Rotator {
  private final Gun gun;
  private final NotaryReader reader;
  private final NotaryWriter writer;
  private final TrustDirKeyStore store;
  private final Publisher publisher;
  private final SigningKeys keys;
  private final Clock clock;
  private final SecureRandom random;
  private final ExpiryPolicy expiry;

  Rotator(
      Gun gun,
      NotaryReader reader,
      NotaryWriter writer,
      TrustDirKeyStore store,
      Publisher publisher,
      SigningKeys keys,
      Clock clock,
      SecureRandom random,
      ExpiryPolicy expiry) {
    this.gun = gun;
    this.reader = reader;
    this.writer = writer;
    this.store = store;
    this.publisher = publisher;
    this.keys = keys;
    this.clock = clock;
    this.random = random;
    this.expiry = expiry;
  }

  /** Rotates {@code role}'s key, publishes, and returns the new key ID. */
  public String rotate(String role, boolean serverManaged) throws RepoException {
    RoleType type = roleType(role, serverManaged);
    NotaryCollection current = RemoteState.require(reader, gun);
    List<String> created = new ArrayList<>();
    try {
      Instant now = clock.instant();
      NewKey nk = newKey(type, serverManaged, now, created);
      Metadata<Root> newRoot = newRoot(current.root(), type, nk, now);
      Map<String, byte[]> files = new LinkedHashMap<>();
      if (type == RoleType.TARGETS) {
        Editor ed = RemoteState.editor(newRoot, current);
        ed.witness("targets");
        for (SignedRole r : ed.sign(now, expiry, keys)) {
          files.put(r.name(), r.metadata().rawBytes());
        }
      }
      publisher.upload(current, files, Set.of(), Optional.of(newRoot));
      return nk.key().id();
    } catch (RepoException | KeystoreException | UnsupportedKeyException | RuntimeException e) {
      for (String id : created) {
        try {
          store.remove(id);
        } catch (KeystoreException ignored) {
          // best effort rollback
        }
      }
      if (e instanceof RepoException re) {
        throw re;
      }
      throw new RepoException(
          "cannot rotate the " + role + " key of " + gun + ": " + e.getMessage(), e);
    }
  }

  private record NewKey(Key key, Optional<SigningKey> signer) {}

  private static RoleType roleType(String role, boolean serverManaged) throws RepoException {
    RoleType t =
        switch (role) {
          case "root" -> RoleType.ROOT;
          case "targets" -> RoleType.TARGETS;
          case "snapshot" -> RoleType.SNAPSHOT;
          case "timestamp" -> RoleType.TIMESTAMP;
          default ->
              throw new RepoException(
                  "can rotate root, targets, snapshot or timestamp keys, not "
                      + role
                      + " (delegation keys: delegation add/remove)");
        };
    if (t == RoleType.TIMESTAMP && !serverManaged) {
      throw new RepoException("the timestamp key is always held by the server: use -r");
    }
    if ((t == RoleType.ROOT || t == RoleType.TARGETS) && serverManaged) {
      throw new RepoException("the " + role + " key cannot be held by the server");
    }
    return t;
  }

  private NewKey newKey(RoleType type, boolean serverManaged, Instant now, List<String> created)
      throws RepoException, KeystoreException, UnsupportedKeyException {
    if (serverManaged) {
      return new NewKey(writer.rotateServerKey(gun, type.roleName()), Optional.empty());
    }
    String gunHeader = type == RoleType.ROOT ? "" : gun.name();
    UnlockedKey k = store.generate(type.roleName(), gunHeader, KeyAlgorithm.ECDSA);
    created.add(k.keyId());
    Key pub =
        type == RoleType.ROOT
            ? Key.ofCertificates(
                Dialect.NOTARY, List.of(RootCertificates.selfSigned(k, gun.name(), now, random)))
            : Key.of(Dialect.NOTARY, k.publicKey());
    return new NewKey(pub, Optional.of(SigningKey.of(Dialect.NOTARY, k.privateKey(), pub)));
  }

  private Metadata<Root> newRoot(Metadata<Root> old, RoleType type, NewKey nk, Instant now)
      throws RepoException, KeystoreException {
    Root r = old.signed();
    Map<String, Role> roles = new LinkedHashMap<>(r.roles());
    roles.put(type.roleName(), new Role(List.of(nk.key().id()), 1));
    Set<String> keep = new LinkedHashSet<>(r.role(RoleType.ROOT).keyIds());
    roles.values().forEach(role -> keep.addAll(role.keyIds()));
    Map<String, Key> keyMap = new LinkedHashMap<>();
    r.keys()
        .forEach(
            (id, k) -> {
              if (keep.contains(id)) keyMap.put(id, k);
            });
    keyMap.put(nk.key().id(), nk.key());
    Root next =
        new Root(
            r.version() + 1,
            now.plus(expiry.forRole("root")),
            r.specVersion(),
            r.consistentSnapshot(),
            keyMap,
            roles,
            r.unrecognized());
    List<Key> oldRootKeys = new ArrayList<>();
    r.role(RoleType.ROOT)
        .keyIds()
        .forEach(id -> Optional.ofNullable(r.keys().get(id)).ifPresent(oldRootKeys::add));
    List<SigningKey> signers = new ArrayList<>(keys.forKeys(oldRootKeys));
    if (signers.size() < r.role(RoleType.ROOT).threshold()) {
      throw new RepoException(
          "rotating needs "
              + r.role(RoleType.ROOT).threshold()
              + " of the current root keys; this trust dir holds "
              + signers.size());
    }
    if (type == RoleType.ROOT) {
      signers.add(nk.signer().orElseThrow());
    }
    return NotaryFiles.normalize(Metadata.sign(Dialect.NOTARY, next, signers));
  }
}
