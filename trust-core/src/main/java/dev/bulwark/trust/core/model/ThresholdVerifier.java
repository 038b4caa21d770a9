package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.BadSignatureException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Threshold counting (TUF 5.3.4, 5.4.2, 5.5.3, 5.6.3): each distinct key ID of the role counts at
 * most once; signatures by unknown keys, keys outside the role, keys whose computed ID differs from
 * the listed one, unsupported keys and invalid signatures are not counted (and do not fail the
 * document on their own).
 */
final class ThresholdVerifier {
  private ThresholdVerifier() {}

  static Set<String> verify(
      String roleName,
      byte[] canonical,
      List<Signature> signatures,
      Role role,
      Map<String, Key> keys)
      throws ThresholdNotMetException {
    Set<String> valid = new LinkedHashSet<>();
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
