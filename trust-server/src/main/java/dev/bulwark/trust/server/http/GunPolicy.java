package dev.bulwark.trust.server.http;

import java.util.List;

/**
 * Which collection names (GUNs) the server accepts: Notary's {@code [^*]+} plus a sanity check (no
 * control characters, no empty or dot path segments, at most 255 bytes) and the optional {@code
 * repositories.gun_prefixes} allow-list.
 */
public record GunPolicy(List<String> prefixes) {
  public GunPolicy {
    prefixes = List.copyOf(prefixes);
  }

  public void check(String gun) throws ApiException {
    if (!wellFormed(gun)) {
      throw ApiException.of(ErrorCode.INVALID_GUN, gun);
    }
    if (!prefixes.isEmpty() && prefixes.stream().noneMatch(gun::startsWith)) {
      throw ApiException.of(ErrorCode.INVALID_GUN, "GUN not allowed by gun_prefixes: " + gun);
    }
  }

  private static boolean wellFormed(String gun) {
    if (gun.isEmpty() || gun.length() > 255 || gun.startsWith("/") || gun.endsWith("/")) {
      return false;
    }
    if (gun.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '*')) {
      return false;
    }
    for (String seg : gun.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
