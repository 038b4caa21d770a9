package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.core.crypto.Pem;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import dev.bulwark.trust.server.config.TlsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code client_ca_file} set, the TLS handshake refuses clients without a certificate. */
class ClientCertAuthTest {
  @TempDir Path dir;

  @Test
  void clientWithoutCertificate_isRefused_clientWithOne_isServed() throws Exception {
    TlsMaterial tls = TestServers.tls(dir);
    String mem = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig cfg =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withStorage(new StorageConfig(mem, dir, 2))
            .withTls(new TlsConfig(tls.leafCert(), tls.leafKey(), tls.caCert()));
    try (TrustServer server = TrustServer.start(cfg)) {
      URI ping = URI.create("https://127.0.0.1:" + server.port() + "/v2/");
      HttpClient anonymous = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
      assertThatThrownBy(
              () ->
                  anonymous.send(
                      HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      HttpClient withCert = HttpClient.newBuilder().sslContext(mutual(tls)).build();
      HttpResponse<String> r =
          withCert.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{}");
    }
  }

  private static SSLContext mutual(TlsMaterial tls) throws Exception {
    byte[] der = Pem.decode(Files.readString(tls.leafKey()), "PRIVATE KEY");
    var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    Certificate cert = Tls.certificates(Files.readString(tls.leafCert())).getFirst();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("client", key, new char[0], new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("ca", tls.ca());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }
}
