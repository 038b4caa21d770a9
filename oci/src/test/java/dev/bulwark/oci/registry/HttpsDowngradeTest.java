package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.RegistryException;
import dev.bulwark.oci.layout.OciLayout;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https registry must not be able to send the client, or its credentials, to plain http. */
class HttpsDowngradeTest {
  @TempDir Path tmp;
  private HttpsServer tls;
  private HttpServer plain;
  private SSLContext trustingClient;
  private final List<String> plainRequests = new CopyOnWriteArrayList<>();
  private volatile String mode;

  @BeforeEach
  void setUp() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(256);
    KeyPair kp = kpg.generateKeyPair();
    X500Name name = new X500Name("CN=127.0.0.1");
    Instant now = Instant.now();
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.TWO,
                        Date.from(now.minusSeconds(60)),
                        Date.from(now.plusSeconds(3600)),
                        name,
                        kp.getPublic())
                    .addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("k", kp.getPrivate(), new char[0], new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext serverCtx = SSLContext.getInstance("TLS");
    serverCtx.init(kmf.getKeyManagers(), null, null);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", cert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    trustingClient = SSLContext.getInstance("TLS");
    trustingClient.init(null, tmf.getTrustManagers(), null);

    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    plain = HttpServer.create(any, 0);
    plain.createContext(
        "/",
        ex -> {
          plainRequests.add(
              ex.getRequestURI() + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
          reply(ex, 200);
        });
    plain.start();
    tls = HttpsServer.create(any, 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(serverCtx));
    tls.createContext("/", this::handleTls);
    tls.start();
  }

  private void handleTls(HttpExchange ex) throws IOException {
    String plainBase = "http://127.0.0.1:" + plain.getAddress().getPort();
    if (mode.equals("redirect")) {
      ex.getResponseHeaders().add("Location", plainBase + "/stolen");
      reply(ex, 307);
    } else {
      ex.getResponseHeaders()
          .add("WWW-Authenticate", "Bearer realm=\"" + plainBase + "/token\",service=\"s\"");
      reply(ex, 401);
    }
  }

  private static void reply(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  @AfterEach
  void tearDown() {
    tls.stop(0);
    plain.stop(0);
  }

  private RegistryClient client() {
    return RegistryClient.builder()
        .plainHttp(host -> false)
        .credentials(r -> java.util.Optional.of(new BasicCredentials("alice", "secret")))
        .httpClient(
            HttpClient.newBuilder()
                .sslContext(trustingClient)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build())
        .build();
  }

  private PinnedRef ref() throws Exception {
    return new PinnedRef(
        ImageReference.parse("127.0.0.1:" + tls.getAddress().getPort() + "/x/y:1"),
        Digest.sha256(new byte[] {7}));
  }

  @Test
  void redirectFromHttpsToPlainHttp_isRefused() throws Exception {
    mode = "redirect";
    assertThatThrownBy(() -> client().pull(ref(), Platform.LINUX_AMD64, OciLayout.open(tmp)))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("https to plain http refused");
    assertThat(plainRequests).isEmpty();
  }

  @Test
  void plainHttpTokenRealmForAnHttpsRegistry_isRefused_andGetsNoCredentials() throws Exception {
    mode = "challenge";
    assertThatThrownBy(() -> client().pull(ref(), Platform.LINUX_AMD64, OciLayout.open(tmp)))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("must use https");
    assertThat(plainRequests).isEmpty();
  }
}
