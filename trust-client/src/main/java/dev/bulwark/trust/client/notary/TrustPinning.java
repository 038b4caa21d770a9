package dev.bulwark.trust.client.notary;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code trust_pinning} section of a Notary client config (research/notary.md §5): how the
 * first root of a GUN is trusted, and which root certificates any later root must contain.
 *
 * @param certs GUN, or GUN prefix ending in {@code *}, to the root certificate key IDs (the key IDs
 *     listed in root.json, not the "canonical" IDs) of which one must be present
 * @param ca GUN prefix to a PEM bundle of CAs one of the root leaf certificates must chain to
 * @param disableTofu refuse a GUN without a cert or CA pin on first use
 */
public record TrustPinning(
    Map<String, List<String>> certs, Map<String, Path> ca, boolean disableTofu) {
  public TrustPinning {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    certs.forEach((gun, ids) -> copy.put(gun, List.copyOf(ids)));
    certs = Collections.unmodifiableMap(copy);
    ca = Map.copyOf(ca);
  }

  /**
   * These pins with {@code certs} and {@code ca} entries added, each replacing an entry for the
   * same GUN or prefix, and TOFU switched when {@code disableTofu} is given (command-line flags
   * over the config file).
   */
  public TrustPinning overriddenBy(
      Map<String, List<String>> moreCerts,
      Map<String, Path> moreCa,
      Optional<Boolean> disableTofu) {
    Map<String, List<String>> c = new LinkedHashMap<>(certs);
    c.putAll(moreCerts);
    Map<String, Path> a = new LinkedHashMap<>(ca);
    a.putAll(moreCa);
    return new TrustPinning(c, a, disableTofu.orElse(this.disableTofu));
  }

  /** No pins: trust on first use over HTTPS. */
  public static TrustPinning tofu() {
    return new TrustPinning(Map.of(), Map.of(), false);
  }

  /**
   * Cert key IDs pinned for {@code gun}: an exact entry, else the longest {@code prefix*} entry
   * whose prefix starts the GUN.
   */
  public Optional<List<String>> pinnedCertIds(Gun gun) {
    List<String> exact = certs.get(gun.name());
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String pattern : certs.keySet()) {
      if (pattern.endsWith("*")) {
        String prefix = pattern.substring(0, pattern.length() - 1);
        if (gun.name().startsWith(prefix)
            && (best == null || prefix.length() > best.length() - 1)) {
          best = pattern;
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(List.copyOf(certs.get(best)));
  }

  /** The CA bundle of the longest {@code ca} prefix that starts the GUN. */
  public Optional<Path> pinnedCa(Gun gun) {
    String best = null;
    for (String prefix : ca.keySet()) {
      if (gun.name().startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return Optional.ofNullable(best).map(ca::get);
  }
}
