package dev.bulwark.testkit.notary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * PEM files of a throw-away CA and a leaf certificate it issued (SANs {@code DNS:localhost}, {@code
 * IP:127.0.0.1}, EKU serverAuth+clientAuth). Keys are unencrypted PKCS#8 PEM.
 *
 * @param caCert the CA certificate (give it to clients as {@code --tlscacert} / {@code root_ca})
 * @param caKey the CA private key (to issue more certificates with {@link Certs#issue})
 * @param leafCert the server (and client) certificate
 * @param leafKey its private key
 */
public record TlsMaterial(Path caCert, Path caKey, Path leafCert, Path leafKey) {
  public TlsMaterial {
    Objects.requireNonNull(caCert, "caCert");
    Objects.requireNonNull(caKey, "caKey");
    Objects.requireNonNull(leafCert, "leafCert");
    Objects.requireNonNull(leafKey, "leafKey");
  }

  /** The CA certificate, parsed. */
  public X509Certificate ca() {
    try (InputStream in = Files.newInputStream(caCert)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bad CA certificate " + caCert, e);
    }
  }

  /** A TLS context that trusts only this CA (for {@code java.net.http.HttpClient} in tests). */
  public SSLContext clientContext() {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("ca", ca());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build TLS context for " + caCert, e);
    }
  }
}
