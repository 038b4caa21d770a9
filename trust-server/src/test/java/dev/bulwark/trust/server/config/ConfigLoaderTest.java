package dev.bulwark.trust.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Path BASE = Path.of("/etc/bulwark");

  @Test
  void emptyFile_givesTheDocumentedDefaults() throws Exception {
    ServerConfig c = ConfigLoader.parse("", BASE);
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(4443);
    assertThat(c.tls()).isNull();
    assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:/etc/bulwark/bulwark-data/bulwark");
    assertThat(c.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(c.timestampExpiry()).isEqualTo(Duration.ofDays(14));
    assertThat(c.auth()).isNull();
  }

  @Test
  void fullFile_isRead_withPathsRelativeToTheConfig() throws Exception {
    ServerConfig c =
        ConfigLoader.parse(
            """
            server: {port: 0, tls_cert_file: s.crt, tls_key_file: s.key, max_body_bytes: 4096}
            storage: {backend: postgresql, db_url: "jdbc:postgresql://db/x?user=u"}
            auth:
              type: token
              options: {realm: "https://a/t", service: svc, issuer: iss, rootcertbundle: b.pem}
            repositories: {gun_prefixes: ["docker.io/org/"]}
            """,
            BASE);
    assertThat(c.tls().certFile()).isEqualTo(Path.of("/etc/bulwark/s.crt"));
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db/x?user=u");
    assertThat(c.auth().service()).isEqualTo("svc");
    assertThat(c.gunPrefixes()).containsExactly("docker.io/org/");
  }

  @Test
  void misspelledKey_isRefusedWithItsPath() {
    assertThatThrownBy(() -> ConfigLoader.parse("server:\n  prot: 1\n", BASE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.prot");
  }

  @Test
  void gunPrefixWithoutSlash_isRefused() {
    assertThatThrownBy(
            () -> ConfigLoader.parse("repositories: {gun_prefixes: [docker.io/org]}", BASE))
        .hasMessageContaining("must end in '/'");
  }

  @Test
  void postgresqlWithoutUrl_isRefused() {
    assertThatThrownBy(() -> ConfigLoader.parse("storage: {backend: postgresql}", BASE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("db_url");
  }
}
