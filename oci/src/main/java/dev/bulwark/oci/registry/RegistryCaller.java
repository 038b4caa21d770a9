package dev.bulwark.oci.registry;

import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls endpoints of one repository on one registry, for one scope ({@code pull} or {@code
 * pull,push}). Handles, for every endpoint alike: the 401 → token → retry dance, manual redirects
 * (the Authorization header is sent only to the registry's own origin, so a redirect to blob
 * storage or any other host never carries credentials, and https → http is refused), and mapping
 * failures to {@link RegistryException} / {@link ImageNotFoundException}.
 */
final class RegistryCaller {
  static final int MAX_REDIRECTS = 5;
  private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient http;
  private final URI origin;
  private final String repository;
  private final String actions;
  private final Optional<BasicCredentials> credentials;
  private final TokenFetcher tokens;
  private volatile String authorization;

  RegistryCaller(
      HttpClient http,
      URI origin,
      String repository,
      String actions,
      Optional<BasicCredentials> credentials) {
    this.http = http;
    this.origin = origin;
    this.repository = repository;
    this.actions = actions;
    this.credentials = credentials;
    this.tokens = new TokenFetcher(http, origin);
  }

  String repository() {
    return repository;
  }

  <T> T call(RegistryEndpoint<T> ep) throws IOException, OciException {
    boolean authenticated = false;
    while (true) {
      HttpResponse<InputStream> resp = sendFollowingRedirects(ep);
      try (InputStream body = resp.body()) {
        int s = resp.statusCode();
        if (s == 401 && !authenticated) {
          authenticate(resp.headers().firstValue("WWW-Authenticate").orElse(null), ep);
          authenticated = true;
          continue;
        }
        if (ep.success().contains(s) || (s == 404 && ep.notFoundIsAnswer())) {
          return ep.handle(resp);
        }
        throw RegistryErrors.toException(ep.action(), origin, resp, body);
      }
    }
  }

  private HttpResponse<InputStream> sendFollowingRedirects(RegistryEndpoint<?> ep)
      throws RegistryException {
    URI current = origin.resolve(ep.target());
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(current)
              .timeout(HEADERS_TIMEOUT)
              .method(ep.method(), hop == 0 ? ep.body() : HttpRequest.BodyPublishers.noBody());
      if (!ep.accept().isEmpty()) {
        b.header("Accept", String.join(", ", ep.accept()));
      }
      if (ep.contentType() != null && hop == 0) {
        b.header("Content-Type", ep.contentType());
      }
      // Credentials go to the registry's origin only; redirect targets never see them.
      if (authorization != null && sameOrigin(current)) {
        b.header("Authorization", authorization);
      }
      HttpResponse<InputStream> resp = send(b.build(), ep);
      if (!isRedirect(resp.statusCode())) {
        return resp;
      }
      current = nextHop(ep, current, resp);
    }
    throw new RegistryException(
        ep.action() + ": more than " + MAX_REDIRECTS + " redirects", 0, List.of());
  }

  private URI nextHop(RegistryEndpoint<?> ep, URI current, HttpResponse<InputStream> resp)
      throws RegistryException {
    closeQuietly(resp.body());
    String location = resp.headers().firstValue("Location").orElse(null);
    if (location == null || !(ep.method().equals("GET") || ep.method().equals("HEAD"))) {
      throw new RegistryException(
          ep.action() + ": unexpected redirect (HTTP " + resp.statusCode() + ")",
          resp.statusCode(),
          List.of());
    }
    URI next = current.resolve(location);
    if (!"https".equals(next.getScheme()) && !"http".equals(next.getScheme())) {
      throw new RegistryException(ep.action() + ": redirect to non-HTTP URL refused", 0, List.of());
    }
    if ("https".equals(current.getScheme()) && "http".equals(next.getScheme())) {
      throw new RegistryException(
          ep.action() + ": redirect from https to plain http refused (" + next.getHost() + ")",
          resp.statusCode(),
          List.of());
    }
    return next;
  }

  private HttpResponse<InputStream> send(HttpRequest request, RegistryEndpoint<?> ep)
      throws RegistryException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new RegistryException(
          ep.action() + ": cannot reach " + request.uri().getHost() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(ep.action() + ": interrupted", e);
    }
  }

  private void authenticate(String header, RegistryEndpoint<?> ep) throws RegistryException {
    BearerChallenge challenge =
        BearerChallenge.parse(header)
            .orElseThrow(
                () ->
                    new RegistryException(
                        ep.action() + ": HTTP 401 without a WWW-Authenticate challenge",
                        401,
                        List.of()));
    switch (challenge.scheme()) {
      case "bearer" -> {
        String scope = "repository:" + repository + ":" + actions;
        authorization = "Bearer " + tokens.fetch(challenge, scope, credentials, ep.action());
      }
      case "basic" ->
          authorization =
              credentials
                  .map(BasicCredentials::header)
                  .orElseThrow(
                      () ->
                          new RegistryException(
                              ep.action()
                                  + ": "
                                  + origin.getAuthority()
                                  + " requires a user name and password; none configured",
                              401,
                              List.of()));
      default ->
          throw new RegistryException(
              ep.action() + ": unsupported authentication scheme '" + challenge.scheme() + "'",
              401,
              List.of());
    }
  }

  boolean sameOrigin(URI uri) {
    return Objects.equals(uri.getScheme(), origin.getScheme())
        && Objects.equals(uri.getHost(), origin.getHost())
        && effectivePort(uri) == effectivePort(origin);
  }

  private static int effectivePort(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the body of a redirect carries nothing we need
    }
  }
}
