package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.client.keystore.StoredKey;
import dev.bulwark.trust.client.keystore.TrustDirKeyStore;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.SigningKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the private keys this trust dir holds for a role's authorised public keys and unlocks them
 * (once per process). An {@code ecdsa-x509} key is matched by its canonical ID (the bare public
 * key), as Notary names key files.
 */
public final class SigningKeys {
  private final TrustDirKeyStore store;
  private final Map<String, UnlockedKey> unlocked = new HashMap<>();

  public SigningKeys(TrustDirKeyStore store) {
    this.store = store;
  }

  /** Signing keys for every authorised key whose private half is here. */
  public List<SigningKey> forKeys(List<Key> authorised) throws KeystoreException {
    Set<String> held = store.list().stream().map(StoredKey::keyId).collect(Collectors.toSet());
    List<SigningKey> out = new ArrayList<>();
    for (Key k : authorised) {
      String canonical = k.canonicalId();
      if (!held.contains(canonical)) {
        continue;
      }
      UnlockedKey u = unlocked.get(canonical);
      if (u == null) {
        u = store.unlock(canonical);
        unlocked.put(canonical, u);
      }
      out.add(SigningKey.of(Dialect.NOTARY, u.privateKey(), k));
    }
    return out;
  }

  /** The underlying store. */
  public TrustDirKeyStore store() {
    return store;
  }
}
