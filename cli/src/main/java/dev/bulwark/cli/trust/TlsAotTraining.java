package dev.bulwark.cli.trust;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
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

/**
 * Part of the AOT training: serves bytes over HTTPS from an in-process server on an ephemeral
 * loopback port with a throw-away in-memory certificate, so the TLS and HTTP client classes a real
 * {@code trust list} needs are in the cache. Nothing is written; the server stops before returning.
 */
final class TlsAotTraining {
  private TlsAotTraining() {}

  /** Runs {@code work} with a fetcher whose requests reach {@code files} over loopback HTTPS. */
  static void withLoopbackHttps(Function<String, byte[]> files, HttpsWork work) throws Exception {
    KeyPair kp = ecKeyPair();
    X509Certificate cert = selfSigned(kp);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("k", kp.getPrivate(), new char[0], new X509Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    KeyStore ts = KeyStore.getInstance("PKCS12");
    ts.load(null, null);
    ts.setCertificateEntry("ca", cert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);

    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(server));
    https.createContext(
        "/",
        ex -> {
          byte[] body = files.apply(ex.getRequestURI().getPath());
          ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            ex.getResponseBody().write(body);
          }
          ex.close();
        });
    https.start();
    try {
      URI base = URI.create("https://127.0.0.1:" + https.getAddress().getPort());
      work.run(base, new NotaryHttpFetcher(client, Duration.ofSeconds(10)));
    } finally {
      https.stop(0);
    }
  }

  /** Something to do against the loopback server. */
  @FunctionalInterface
  interface HttpsWork {
    void run(URI base, Fetcher fetcher) throws Exception;
  }

  private static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate selfSigned(KeyPair kp) throws Exception {
    Instant now = Instant.now();
    var b =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=localhost"),
            BigInteger.ONE,
            Date.from(now.minusSeconds(60)),
            Date.from(now.plusSeconds(3600)),
            new X500Name("CN=localhost"),
            kp.getPublic());
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }
}
