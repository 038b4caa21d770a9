package dev.bulwark.trust.server.keys;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.PublicKeys;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.server.store.MetaStore;
import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.StoredKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-held timestamp and snapshot keys of every collection (Notary's signer, in process).
 * Private keys are decrypted once and kept in memory; on disk they are AES-GCM sealed.
 */
public final class ServerKeys {
  private final MetaStore store;
  private final KeyEncryptor encryptor;
  private final KeyAlgorithm algorithm;
  private final Clock clock;
  private final Map<String, SigningKey> unsealed = new ConcurrentHashMap<>();

  public ServerKeys(MetaStore store, KeyEncryptor encryptor, KeyAlgorithm algorithm, Clock clock) {
    this.store = store;
    this.encryptor = encryptor;
    this.algorithm = algorithm;
    this.clock = clock;
  }

  /** {@code ecdsa}, {@code ed25519} or {@code rsa} as in the config. */
  public static KeyAlgorithm algorithm(String configName) {
    return switch (configName) {
      case "ecdsa" -> KeyAlgorithm.ECDSA_P256;
      case "ed25519" -> KeyAlgorithm.ED25519;
      case "rsa" -> KeyAlgorithm.RSA;
      default -> throw new IllegalArgumentException("unknown key algorithm " + configName);
    };
  }

  /**
   * {@code GET <role>.key}: the key the current root lists for the role if the server holds it;
   * without such a key, the newest one not yet listed (created if there is none). Notary creates a
   * new key on every call without a root; we hand out the same pending key instead.
   */
  public Key getOrCreate(String gun, String role, Optional<Role> listed) throws StoreException {
    List<StoredKey> keys = store.keys(gun, role);
    if (listed.isPresent()) {
      for (StoredKey k : keys) {
        if (listed.get().keyIds().contains(k.keyId())) {
          return unseal(k).key();
        }
      }
    }
    if (!keys.isEmpty() && (listed.isEmpty() || isNewerThanListed(keys.getFirst(), listed))) {
      return unseal(keys.getFirst()).key();
    }
    return create(gun, role).key();
  }

  private static boolean isNewerThanListed(StoredKey newest, Optional<Role> listed) {
    return listed.isPresent() && !listed.get().keyIds().contains(newest.keyId());
  }

  /** {@code POST <role>.key}: a new key; it signs nothing until a root lists it. */
  public Key rotate(String gun, String role) throws StoreException {
    return create(gun, role).key();
  }

  /** The held key that {@code listed} (the role in the current root) names, if any. */
  public Optional<SigningKey> signingKey(String gun, String role, Role listed)
      throws StoreException {
    for (String id : listed.keyIds()) {
      SigningKey cached = unsealed.get(cacheKey(gun, role, id));
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    for (StoredKey k : store.keys(gun, role)) {
      if (listed.keyIds().contains(k.keyId())) {
        return Optional.of(unseal(k));
      }
    }
    return Optional.empty();
  }

  /** Forgets unsealed keys of a deleted collection. */
  public void forget(String gun) {
    unsealed.keySet().removeIf(k -> k.startsWith(gun + "\n"));
  }

  private SigningKey create(String gun, String role) throws StoreException {
    SigningKey k = SigningKey.generate(Dialect.NOTARY, algorithm);
    byte[] pkcs8 = k.exportPrivateKey().getEncoded();
    byte[] spki = k.key().publicKey().orElseThrow().getEncoded();
    String aad = cacheKey(gun, role, k.keyId());
    store.putKey(
        new StoredKey(
            gun,
            role,
            k.keyId(),
            algorithm.name(),
            spki,
            encryptor.encrypt(pkcs8, aad),
            clock.instant()));
    unsealed.put(aad, k);
    return k;
  }

  private SigningKey unseal(StoredKey stored) throws StoreException {
    String aad = cacheKey(stored.gun(), stored.role(), stored.keyId());
    SigningKey cached = unsealed.get(aad);
    if (cached != null) {
      return cached;
    }
    try {
      byte[] pkcs8 = encryptor.decrypt(stored.privateKeyEnc(), aad);
      PublicKey pub = PublicKeys.fromSpki(stored.publicKey());
      String jdkAlg = pub.getAlgorithm().equals("EdDSA") ? "Ed25519" : pub.getAlgorithm();
      PrivateKey priv =
          KeyFactory.getInstance(jdkAlg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      SigningKey k = SigningKey.of(Dialect.NOTARY, priv, Key.of(Dialect.NOTARY, pub));
      unsealed.put(aad, k);
      return k;
    } catch (GeneralSecurityException | UnsupportedKeyException e) {
      throw new StoreException(
          "cannot unseal the "
              + stored.role()
              + " key "
              + stored.keyId()
              + " of "
              + stored.gun()
              + " (wrong key-encryption secret?)",
          null);
    }
  }

  private static String cacheKey(String gun, String role, String keyId) {
    return gun + "\n" + role + "\n" + keyId;
  }
}
