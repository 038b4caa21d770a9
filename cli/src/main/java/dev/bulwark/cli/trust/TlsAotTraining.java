package dev.bulwark.cli.trust;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Part of the AOT training: serves bytes over HTTPS from an in-process server on an ephemeral
 * loopback port with a throw-away in-memory certificate, so the TLS and HTTP client classes a real
 * {@code trust list} needs are in the cache. Nothing is written; the server stops before returning.
 */
final class TlsAotTraining {
  private static final char[] TRAINING_STORE_PASSWORD = "aot-training".toCharArray();

  private TlsAotTraining() {}

  /**
   * Runs {@code work} with the server's base URI, its certificate and a fetcher whose requests
   * reach {@code files} over loopback HTTPS.
   */
  static void withLoopbackHttps(Function<String, byte[]> files, HttpsWork work) throws Exception {
    // A throw-away self-signed loopback certificate bundled with the CLI (not a secret: it only
    // ever serves the training run). Generating one would pull BouncyCastle, a signed jar that the
    // AOT cache cannot hold, into every start-up.
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = TlsAotTraining.class.getResourceAsStream("aot/loopback-tls.p12")) {
      if (in == null) {
        throw new IllegalStateException("aot/loopback-tls.p12 missing from the CLI jar");
      }
      ks.load(in, TRAINING_STORE_PASSWORD);
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate("k");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, TRAINING_STORE_PASSWORD);
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
      work.run(base, cert, new NotaryHttpFetcher(client, Duration.ofSeconds(10)));
    } finally {
      https.stop(0);
    }
  }

  /** Something to do against the loopback server. */
  @FunctionalInterface
  interface HttpsWork {
    void run(URI base, X509Certificate cert, Fetcher fetcher) throws Exception;
  }
}
