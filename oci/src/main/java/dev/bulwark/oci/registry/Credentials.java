package dev.bulwark.oci.registry;

import dev.bulwark.oci.ImageFormatException;
import dev.bulwark.oci.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Where the registry client finds Basic credentials for a registry host (e.g. {@code ghcr.io}). */
@FunctionalInterface
public interface Credentials {
  Optional<BasicCredentials> forRegistry(String registry);

  /** No credentials: anonymous access (tokens are still fetched when a registry asks). */
  static Credentials anonymous() {
    return registry -> Optional.empty();
  }

  /** One fixed set of credentials for exactly one registry. */
  static Credentials of(String registry, BasicCredentials credentials) {
    return r -> r.equals(registry) ? Optional.of(credentials) : Optional.empty();
  }

  /**
   * The {@code auths} of {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json};
   * anonymous when neither exists. Credential helpers ({@code credsStore}) are not supported.
   */
  static Credentials fromEnvironment() throws IOException, ImageFormatException {
    String dir = System.getenv("DOCKER_CONFIG");
    Path file =
        dir != null
            ? Path.of(dir, "config.json")
            : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return Files.exists(file) ? fromDockerConfig(file) : anonymous();
  }

  /** Reads the {@code auths} map of a Docker {@code config.json}. */
  static Credentials fromDockerConfig(Path file) throws IOException, ImageFormatException {
    JsonNode root = Json.object(Files.readAllBytes(file), file.toString());
    Map<String, BasicCredentials> byHost = new HashMap<>();
    JsonNode auths = root.path("auths");
    if (auths.isObject()) {
      for (Map.Entry<String, JsonNode> e : auths.properties()) {
        decode(e.getValue(), file + " auths['" + e.getKey() + "']")
            .ifPresent(c -> byHost.put(hostOf(e.getKey()), c));
      }
    }
    return registry -> Optional.ofNullable(byHost.get(registry));
  }

  private static Optional<BasicCredentials> decode(JsonNode entry, String where)
      throws ImageFormatException {
    String auth = Json.optionalString(entry, "auth", where);
    if (auth != null && !auth.isEmpty()) {
      String plain;
      try {
        plain = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new ImageFormatException(where + ": 'auth' is not base64");
      }
      int colon = plain.indexOf(':');
      if (colon <= 0) {
        throw new ImageFormatException(where + ": 'auth' must encode user:password");
      }
      return Optional.of(
          new BasicCredentials(plain.substring(0, colon), plain.substring(colon + 1)));
    }
    String user = Json.optionalString(entry, "username", where);
    String pass = Json.optionalString(entry, "password", where);
    return user != null && pass != null
        ? Optional.of(new BasicCredentials(user, pass))
        : Optional.empty();
  }

  /** {@code https://index.docker.io/v1/} → {@code docker.io}; {@code host:port} kept. */
  private static String hostOf(String key) {
    String k = key.replaceFirst("^https?://", "");
    int slash = k.indexOf('/');
    k = slash < 0 ? k : k.substring(0, slash);
    return k.equals("index.docker.io") || k.equals("registry-1.docker.io") ? "docker.io" : k;
  }
}
