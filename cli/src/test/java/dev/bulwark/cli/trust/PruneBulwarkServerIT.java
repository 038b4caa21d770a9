package dev.bulwark.cli.trust;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.server.TrustServer;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.TlsConfig;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@code log} and {@code prune} against Bulwark's own server (H2 storage, TLS on loopback). */
class PruneBulwarkServerIT extends PruneScenario {
  @TempDir static Path tmp;
  static TlsMaterial tls;
  static TrustServer server;

  @BeforeAll
  static void start() throws Exception {
    tls = Certs.generate(tmp.resolve("tls"));
    server =
        TrustServer.start(
            ServerConfig.defaults(tmp.resolve("data"))
                .withPort(0)
                .withTls(new TlsConfig(tls.leafCert(), tls.leafKey(), null)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  URI serverUrl() {
    return URI.create("https://localhost:" + server.port());
  }

  @Override
  Path caCert() {
    return tls.caCert();
  }

  @Override
  Path tmp() {
    return tmp;
  }
}
