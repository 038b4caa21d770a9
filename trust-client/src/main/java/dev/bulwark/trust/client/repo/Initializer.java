package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.KeyAlgorithm;
import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.client.keystore.RootCertificates;
import dev.bulwark.trust.client.keystore.StoredKey;
import dev.bulwark.trust.client.keystore.TrustDirKeyStore;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a collection as {@code notary init -p} does: a root key wrapped in a self-signed
 * certificate (CN = GUN), local targets (and snapshot) keys, the server's timestamp key, root v1,
 * empty targets v1 and snapshot v1 — uploaded at once. The server is asked first, so a server that
 * is down or already holds the GUN changes nothing locally; keys generated here are removed again
 * if the upload fails.
 */
public final class Initializer {
  private final Gun gun;
  private final NotaryReader reader;
  private final NotaryWriter writer;
  private final TrustDirKeyStore store;
  private final Clock clock;
  private final SecureRandom random;
  private final ExpiryPolicy expiry;

  public Initializer(
      Gun gun,
      NotaryReader reader,
      NotaryWriter writer,
      TrustDirKeyStore store,
      Clock clock,
      SecureRandom random,
      ExpiryPolicy expiry) {
    this.gun = gun;
    this.reader = reader;
    this.writer = writer;
    this.store = store;
    this.clock = clock;
    this.random = random;
    this.expiry = expiry;
  }

  /**
   * @param rootKeyId a root key in the trust dir to use, or empty for the first one (or a new one)
   * @param serverSnapshot let the server hold the snapshot key (Docker Content Trust practice; lets
   *     any co-signer publish)
   * @return the root certificate's key ID (the ID to pin in {@code trust_pinning.certs})
   */
  public String init(Optional<String> rootKeyId, boolean serverSnapshot) throws RepoException {
    if (RemoteState.read(reader, gun).isPresent()) {
      throw new RepoException(gun + " already has trust data on the server; nothing changed");
    }
    Key timestampKey = writer.serverKey(gun, "timestamp");
    Optional<Key> serverSnap =
        serverSnapshot ? Optional.of(writer.serverKey(gun, "snapshot")) : Optional.empty();
    List<String> created = new ArrayList<>();
    try {
      return initWith(rootKeyId, timestampKey, serverSnap, created);
    } catch (RepoException | KeystoreException | UnsupportedKeyException | RuntimeException e) {
      rollback(created);
      if (e instanceof RepoException re) {
        throw re;
      }
      throw new RepoException("cannot initialise " + gun + ": " + e.getMessage(), e);
    }
  }

  private String initWith(
      Optional<String> rootKeyId, Key timestampKey, Optional<Key> serverSnap, List<String> created)
      throws RepoException, KeystoreException, UnsupportedKeyException {
    Instant now = clock.instant();
    UnlockedKey rootPriv = rootKey(rootKeyId, created);
    X509Certificate cert = RootCertificates.selfSigned(rootPriv, gun.name(), now, random);
    Key rootKey = Key.ofCertificates(Dialect.NOTARY, List.of(cert));
    UnlockedKey targetsPriv = generate("targets", created);
    Key targetsKey = Key.of(Dialect.NOTARY, targetsPriv.publicKey());
    Optional<UnlockedKey> snapPriv =
        serverSnap.isPresent() ? Optional.empty() : Optional.of(generate("snapshot", created));
    Key snapKey = serverSnap.orElseGet(() -> Key.of(Dialect.NOTARY, snapPriv.get().publicKey()));
    Map<String, Key> keys = new LinkedHashMap<>();
    for (Key k : List.of(rootKey, targetsKey, snapKey, timestampKey)) {
      keys.put(k.id(), k);
    }
    Map<String, Role> roles = new LinkedHashMap<>();
    roles.put("root", new Role(List.of(rootKey.id()), 1));
    roles.put("snapshot", new Role(List.of(snapKey.id()), 1));
    roles.put("targets", new Role(List.of(targetsKey.id()), 1));
    roles.put("timestamp", new Role(List.of(timestampKey.id()), 1));
    Root root =
        new Root(
            1,
            now.plus(expiry.forRole("root")),
            Optional.empty(),
            false,
            keys,
            roles,
            JsonObject.EMPTY);
    Metadata<Root> rootMd =
        NotaryFiles.normalize(
            Metadata.sign(
                Dialect.NOTARY,
                root,
                List.of(SigningKey.of(Dialect.NOTARY, rootPriv.privateKey(), rootKey))));
    Targets targets =
        new Targets(
            1,
            now.plus(expiry.forRole("targets")),
            Optional.empty(),
            Map.of(),
            Optional.of(Delegations.EMPTY),
            JsonObject.EMPTY);
    Metadata<Targets> targetsMd =
        NotaryFiles.normalize(
            Metadata.sign(
                Dialect.NOTARY,
                targets,
                List.of(SigningKey.of(Dialect.NOTARY, targetsPriv.privateKey(), targetsKey))));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("root", rootMd.rawBytes());
    files.put("targets", targetsMd.rawBytes());
    if (snapPriv.isPresent()) {
      Map<String, MetaFile> meta = new LinkedHashMap<>();
      files.forEach((r, raw) -> meta.put(r, MetaFile.ofBytes(raw)));
      Snapshot s =
          new Snapshot(
              1, now.plus(expiry.forRole("snapshot")), Optional.empty(), meta, JsonObject.EMPTY);
      files.put(
          "snapshot",
          NotaryFiles.normalize(
                  Metadata.sign(
                      Dialect.NOTARY,
                      s,
                      List.of(SigningKey.of(Dialect.NOTARY, snapPriv.get().privateKey(), snapKey))))
              .rawBytes());
    }
    writer.update(gun, files);
    return rootKey.id();
  }

  private UnlockedKey rootKey(Optional<String> rootKeyId, List<String> created)
      throws KeystoreException {
    if (rootKeyId.isPresent()) {
      return store.unlock(rootKeyId.get());
    }
    List<StoredKey> roots = store.forRole("root", gun.name());
    if (!roots.isEmpty()) {
      return store.unlock(roots.getFirst());
    }
    UnlockedKey k = store.generate("root", "", KeyAlgorithm.ECDSA);
    created.add(k.keyId());
    return k;
  }

  private UnlockedKey generate(String role, List<String> created) throws KeystoreException {
    UnlockedKey k = store.generate(role, gun.name(), KeyAlgorithm.ECDSA);
    created.add(k.keyId());
    return k;
  }

  private void rollback(List<String> created) {
    for (String id : created) {
      try {
        store.remove(id);
      } catch (KeystoreException ignored) {
        // Best effort: the key file may not have been written.
      }
    }
  }
}
