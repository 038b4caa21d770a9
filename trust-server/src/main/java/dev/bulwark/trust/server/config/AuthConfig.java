package dev.bulwark.trust.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Docker registry token auth ({@code auth.type: token}); {@code null} config = no auth.
 *
 * @param realm token endpoint URL announced in {@code WWW-Authenticate}
 * @param service audience the tokens must name
 * @param issuer issuer the tokens must name
 * @param rootCertBundle PEM bundle the token-signing certificate must chain to
 */
public record AuthConfig(String realm, String service, String issuer, Path rootCertBundle) {
  public AuthConfig {
    Objects.requireNonNull(realm, "auth.options.realm");
    Objects.requireNonNull(service, "auth.options.service");
    Objects.requireNonNull(issuer, "auth.options.issuer");
    Objects.requireNonNull(rootCertBundle, "auth.options.rootcertbundle");
  }
}
