package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TAP 15 succinct hashed-bin delegation: 2^bitLength bins named {@code namePrefix-<hex>}, all with
 * the same keys and threshold, non-terminating. A target belongs to the bin given by the first
 * {@code bitLength} bits of the sha256 of its path.
 */
public record SuccinctRoles(List<String> keyIds, int threshold, int bitLength, String namePrefix) {

  public SuccinctRoles {
    new Role(keyIds, threshold);
    keyIds = List.copyOf(keyIds);
    Objects.requireNonNull(namePrefix, "namePrefix");
    if (bitLength < 1 || bitLength > 32) {
      throw new IllegalArgumentException("bit_length must be 1..32, found " + bitLength);
    }
  }

  public Role role() {
    return new Role(keyIds, threshold);
  }

  public long numberOfBins() {
    return 1L << bitLength;
  }

  /** Hex digits in a bin suffix: the width of {@code 2^bitLength - 1} in hex. */
  private int suffixWidth() {
    return Long.toHexString(numberOfBins() - 1).length();
  }

  /** The name of bin {@code index}, e.g. {@code prefix-03f}. */
  public String binName(long index) {
    if (index < 0 || index >= numberOfBins()) {
      throw new IllegalArgumentException("bin index out of range: " + index);
    }
    String hex = Long.toHexString(index);
    return namePrefix + "-" + "0".repeat(suffixWidth() - hex.length()) + hex;
  }

  /** TAP 15: the bin responsible for {@code targetPath}. */
  public String roleNameFor(String targetPath) {
    byte[] h = Digests.sha256(targetPath.getBytes(StandardCharsets.UTF_8));
    long first32 =
        ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
    return binName(first32 >>> (32 - bitLength));
  }

  /** All bin names in index order. */
  public List<String> roleNames() {
    List<String> names = new ArrayList<>();
    for (long i = 0; i < numberOfBins(); i++) {
      names.add(binName(i));
    }
    return names;
  }

  /** Whether {@code roleName} is one of the bins. */
  public boolean isDelegatedRole(String roleName) {
    String p = namePrefix + "-";
    if (!roleName.startsWith(p) || roleName.length() != p.length() + suffixWidth()) {
      return false;
    }
    String suffix = roleName.substring(p.length());
    if (!suffix.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
    return Long.parseLong(suffix, 16) < numberOfBins();
  }

  /** This bin set as an ordinary delegated role named {@code roleName} (for uniform handling). */
  public Optional<DelegatedRole> asDelegatedRole(String roleName) {
    if (!isDelegatedRole(roleName)) {
      return Optional.empty();
    }
    return Optional.of(
        new DelegatedRole(roleName, keyIds, threshold, false, Optional.empty(), Optional.empty()));
  }

  static SuccinctRoles parse(JsonFields f) throws MalformedMetadataException {
    Role role = Role.parse(f);
    long bits = f.integer("bit_length", 1);
    if (bits > 32) {
      throw new MalformedMetadataException(
          f.where("bit_length") + ": expected 1..32, found " + bits);
    }
    return new SuccinctRoles(role.keyIds(), role.threshold(), (int) bits, f.string("name_prefix"));
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("bit_length", bitLength)
        .put("keyids", JsonArray.ofStrings(keyIds))
        .put("name_prefix", namePrefix)
        .put("threshold", threshold)
        .build();
  }
}
