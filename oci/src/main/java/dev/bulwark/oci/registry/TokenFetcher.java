package dev.bulwark.oci.registry;

import dev.bulwark.oci.RegistryException;
import dev.bulwark.oci.internal.Json;
import dev.bulwark.oci.internal.VerifyingCopy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The distribution token flow: {@code GET realm?service=..&scope=..}, anonymous or with Basic
 * credentials, answer {@code {"token": ...}} or {@code {"access_token": ...}}.
 */
final class TokenFetcher {
  private static final int MAX_TOKEN_RESPONSE = 1024 * 1024;
  private final HttpClient http;
  private final URI registryOrigin;

  TokenFetcher(HttpClient http, URI registryOrigin) {
    this.http = http;
    this.registryOrigin = registryOrigin;
  }

  String fetch(
      BearerChallenge challenge, String scope, Optional<BasicCredentials> basic, String action)
      throws RegistryException {
    URI uri = tokenUri(challenge, scope, action);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    basic.ifPresent(c -> b.header("Authorization", c.header()));
    try {
      HttpResponse<InputStream> resp =
          http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = resp.body()) {
        if (resp.statusCode() != 200) {
          throw new RegistryException(
              action
                  + ": token service "
                  + uri.getAuthority()
                  + " answered HTTP "
                  + resp.statusCode(),
              resp.statusCode(),
              List.of());
        }
        return token(VerifyingCopy.readLimited(body, MAX_TOKEN_RESPONSE, "token response"), action);
      }
    } catch (IOException | dev.bulwark.oci.BlobVerificationException e) {
      throw new RegistryException(action + ": token service " + uri.getAuthority() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(action + ": interrupted", e);
    }
  }

  private URI tokenUri(BearerChallenge challenge, String scope, String action)
      throws RegistryException {
    String realm = challenge.param("realm");
    URI uri;
    try {
      uri = realm == null ? null : URI.create(realm);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null) {
      throw new RegistryException(
          action + ": Bearer challenge has no usable realm", 401, List.of());
    }
    boolean downgrade =
        "https".equals(registryOrigin.getScheme()) && !"https".equals(uri.getScheme());
    if (downgrade || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
      throw new RegistryException(
          action + ": token realm " + realm + " must use https like the registry", 401, List.of());
    }
    StringBuilder q = new StringBuilder();
    if (challenge.param("service") != null) {
      q.append("service=").append(enc(challenge.param("service"))).append('&');
    }
    q.append("scope=").append(enc(scope));
    return URI.create(realm + (realm.contains("?") ? "&" : "?") + q);
  }

  private static String token(byte[] bytes, String action) throws RegistryException {
    try {
      JsonNode root = Json.MAPPER.readTree(bytes);
      String t = root.path("token").asString("");
      if (t.isEmpty()) {
        t = root.path("access_token").asString("");
      }
      if (t.isEmpty()) {
        throw new RegistryException(action + ": token response has no token", 401, List.of());
      }
      // RFC 6750 b64token: visible ASCII only. Anything else (CR LF, NUL, spaces) would be
      // refused by the HTTP client with an unchecked exception, or split the header.
      if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new RegistryException(
            action + ": token response holds a token with characters a header cannot carry",
            401,
            List.of());
      }
      return t;
    } catch (tools.jackson.core.JacksonException e) {
      throw new RegistryException(action + ": token response is not JSON", 401, List.of());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
