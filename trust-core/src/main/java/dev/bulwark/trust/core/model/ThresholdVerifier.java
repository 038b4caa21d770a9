package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.BadSignatureException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Threshold counting (TUF 5.3.4, 5.4.2, 5.5.3, 5.6.3): each distinct key ID of the role counts at
 * most once; signatures by unknown keys, keys outside the role, keys whose computed ID differs from
 * the listed one, unsupported keys and invalid signatures are not counted (and do not fail the
 * document on their own). One public key listed under several key IDs (possible in TUF, where extra
 * key fields change the ID, and in Notary, with two certificates for one key) also counts once.
 */
final class ThresholdVerifier {
  private static final HexFormat HEX = HexFormat.of();

  private ThresholdVerifier() {}

  static Set<String> verify(
      String roleName,
      byte[] canonical,
      List<Signature> signatures,
      Role role,
      Map<String, Key> keys)
      throws ThresholdNotMetException {
    Set<String> valid = new LinkedHashSet<>();
    Set<String> countedKeys = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (Signature sig : signatures) {
      String id = sig.keyId();
      if (valid.contains(id)) {
        continue;
      }
      if (!role.keyIds().contains(id)) {
        problems.add(id + ": not a key of this role");
        continue;
      }
      Key key = keys.get(id);
      if (key == null) {
        problems.add(id + ": key not listed");
        continue;
      }
      if (!key.id().equals(id)) {
        problems.add(id + ": listed key computes to key ID " + key.id());
        continue;
      }
      try {
        key.verify(canonical, sig);
        // TUF 5.4.2 etc.: a threshold of distinct keys, not of key IDs (tuf-conformance
        // test_duplicate_keys_root: one key under ten IDs must not meet a threshold of six).
        if (!countedKeys.add(HEX.formatHex(key.publicKey().orElseThrow().getEncoded()))) {
          problems.add(id + ": same public key as a key ID already counted");
          continue;
        }
        valid.add(id);
      } catch (BadSignatureException | UnsupportedKeyException e) {
        problems.add(id + ": " + e.getMessage());
      }
    }
    if (valid.size() < role.threshold()) {
      throw new ThresholdNotMetException(
          roleName
              + ": expected valid signatures from at least "
              + role.threshold()
              + " distinct key(s) of "
              + role.keyIds()
              + ", found "
              + valid.size()
              + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"));
    }
    return Set.copyOf(valid);
  }
}
