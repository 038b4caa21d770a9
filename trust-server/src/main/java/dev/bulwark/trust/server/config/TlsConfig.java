package dev.bulwark.trust.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS material (PEM files).
 *
 * @param clientCaFile when non-null, clients must present a certificate issued by this CA
 */
public record TlsConfig(Path certFile, Path keyFile, Path clientCaFile) {
  public TlsConfig {
    Objects.requireNonNull(certFile, "server.tls_cert_file");
    Objects.requireNonNull(keyFile, "server.tls_key_file");
  }
}
