package dev.bulwark.trust.client.notary;

import java.net.URI;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a Notary v1 server serves a collection's metadata (research/notary.md §2): {@code
 * <server>/v2/<gun>/_trust/tuf/<role>.json}, by checksum {@code <role>.<sha256 hex>.json} and by
 * version {@code <n>.<role>.json}. The GUN and role go into the path unescaped, as the real client
 * sends them ({@code /} and {@code :} included); both are validated so that nothing else can.
 */
public final class NotaryLayout {
  /** Notary's role regex: {@code root|targets(?:/[^/\s]+)*|snapshot|timestamp}, tightened. */
  private static final Pattern ROLE =
      Pattern.compile("root|snapshot|timestamp|targets(/[-a-z0-9_]+)*");

  private final URI base;

  /** A layout for {@code server} ({@code https://host:port}, a trailing {@code /} is ignored). */
  public NotaryLayout(URI server) {
    Objects.requireNonNull(server, "server");
    String s = server.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (server.getScheme() == null || server.getHost() == null) {
      throw new IllegalArgumentException(
          "expected an absolute URL like https://host:4443, got " + server);
    }
    this.base = URI.create(s);
  }

  /** The server URL without trailing slash. */
  public URI server() {
    return base;
  }

  /** {@code /v2/<gun>/_trust/tuf/<role>.json}: the current version. */
  public URI current(Gun gun, String role) {
    return uri(gun, checkedRole(role) + ".json");
  }

  /** {@code /v2/<gun>/_trust/tuf/<role>.<sha256>.json}: a version by the hash of its bytes. */
  public URI byChecksum(Gun gun, String role, byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("expected a 32-byte sha256, got " + sha256.length);
    }
    return uri(gun, checkedRole(role) + "." + HexFormat.of().formatHex(sha256) + ".json");
  }

  /** {@code /v2/<gun>/_trust/tuf/<n>.<role>.json}: a version by number (n >= 1). */
  public URI byVersion(Gun gun, String role, long version) {
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1, got " + version);
    }
    return uri(gun, version + "." + checkedRole(role) + ".json");
  }

  /** {@code /v2/}: the ping the real client sends first. */
  public URI ping() {
    return URI.create(base + "/v2/");
  }

  /** Whether {@code role} is a role name Notary serves (and a safe path component). */
  public static boolean isValidRole(String role) {
    return role != null && role.length() < 256 && ROLE.matcher(role).matches();
  }

  static String checkedRole(String role) {
    if (!isValidRole(role)) {
      throw new IllegalArgumentException(
          "invalid role name \""
              + role
              + "\" (expected root, snapshot, timestamp, targets or targets/<name>)");
    }
    return role;
  }

  private URI uri(Gun gun, String file) {
    return URI.create(base + "/v2/" + gun.name() + "/_trust/tuf/" + file);
  }
}
