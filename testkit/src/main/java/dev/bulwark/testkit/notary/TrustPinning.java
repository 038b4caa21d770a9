package dev.bulwark.testkit.notary;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code trust_pinning} section of a notary client config.
 *
 * @param certs GUN (or {@code prefix*}) to root certificate key IDs
 * @param ca GUN prefix to CA bundle file
 * @param disableTofu {@code true} refuses GUNs without a cert or CA pin on first use
 */
public record TrustPinning(
    Map<String, List<String>> certs, Map<String, Path> ca, boolean disableTofu) {
  public TrustPinning {
    certs = Map.copyOf(certs);
    ca = Map.copyOf(ca);
  }

  /** No pinning: trust on first use. */
  public static TrustPinning tofu() {
    return new TrustPinning(Map.of(), Map.of(), false);
  }

  /** Pins {@code gun} to the given root certificate key IDs, TOFU disabled. */
  public static TrustPinning certs(String gun, List<String> certKeyIds) {
    return new TrustPinning(Map.of(gun, certKeyIds), Map.of(), true);
  }

  /** Pins GUNs starting with {@code prefix} to a CA bundle, TOFU disabled. */
  public static TrustPinning ca(String prefix, Path caBundle) {
    return new TrustPinning(Map.of(), Map.of(prefix, caBundle), true);
  }

  String toJson() {
    StringBuilder sb = new StringBuilder("{\"certs\":{");
    String sep = "";
    for (var e : new TreeMap<>(certs).entrySet()) {
      sb.append(sep).append(Json.str(e.getKey())).append(":[");
      sb.append(String.join(",", e.getValue().stream().map(Json::str).toList())).append(']');
      sep = ",";
    }
    sb.append("},\"ca\":{");
    sep = "";
    for (var e : new TreeMap<>(ca).entrySet()) {
      sb.append(sep)
          .append(Json.str(e.getKey()))
          .append(':')
          .append(Json.str(e.getValue().toString()));
      sep = ",";
    }
    return sb.append("},\"disable_tofu\":").append(disableTofu).append('}').toString();
  }
}
