package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.core.crypto.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS settings of the connection to a Notary server, as the real client's {@code --tlscacert},
 * {@code --tlscert} and {@code --tlskey}: with a CA file only that CA is trusted (not the system
 * roots), otherwise the JDK's default trust store; the client certificate is optional.
 *
 * @param caCert PEM bundle of trusted CAs, or empty for the system roots
 * @param clientCert PEM client certificate chain (requires {@code clientKey})
 * @param clientKey PEM PKCS#8 private key of the client certificate
 */
public record NotaryTls(
    Optional<Path> caCert, Optional<Path> clientCert, Optional<Path> clientKey) {
  public NotaryTls {
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw new IllegalArgumentException(
          "a client certificate needs both --tlscert and --tlskey, got only "
              + (clientCert.isPresent() ? "--tlscert" : "--tlskey"));
    }
  }

  /** System roots, no client certificate. */
  public static NotaryTls systemDefault() {
    return new NotaryTls(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Trust exactly the CAs in {@code caCert}. */
  public static NotaryTls withCa(Path caCert) {
    return new NotaryTls(Optional.of(caCert), Optional.empty(), Optional.empty());
  }

  /** Builds the TLS context; fails with a message naming the bad file. */
  public SSLContext sslContext() {
    if (caCert.isEmpty() && clientCert.isEmpty()) {
      try {
        return SSLContext.getDefault();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
      }
    }
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(
          clientCert.isPresent() ? keyManagers(clientCert.get(), clientKey.orElseThrow()) : null,
          caCert.isPresent() ? trustManagers(caCert.get()) : null,
          null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static javax.net.ssl.TrustManager[] trustManagers(Path ca)
      throws GeneralSecurityException {
    List<Certificate> certs = certificates(ca);
    KeyStore ks = emptyKeyStore();
    for (int i = 0; i < certs.size(); i++) {
      ks.setCertificateEntry("ca-" + i, certs.get(i));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return tmf.getTrustManagers();
  }

  private static javax.net.ssl.KeyManager[] keyManagers(Path cert, Path key)
      throws GeneralSecurityException {
    List<Certificate> chain = certificates(cert);
    KeyStore ks = emptyKeyStore();
    char[] pw = new char[0];
    ks.setKeyEntry("client", privateKey(key), pw, chain.toArray(Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pw);
    return kmf.getKeyManagers();
  }

  static List<Certificate> certificates(Path file) throws GeneralSecurityException {
    List<Certificate> out = new ArrayList<>();
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (Pem.Block b : Pem.decodeAll(read(file))) {
      if (b.label().equals("CERTIFICATE")) {
        out.add(cf.generateCertificate(new java.io.ByteArrayInputStream(b.der())));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": expected PEM CERTIFICATE blocks, found none");
    }
    return out;
  }

  private static PrivateKey privateKey(Path file) throws GeneralSecurityException {
    for (Pem.Block b : Pem.decodeAll(read(file))) {
      if (b.label().equals("PRIVATE KEY")) {
        for (String alg : List.of("EC", "RSA", "Ed25519")) {
          try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
          } catch (GeneralSecurityException e) {
            // try the next algorithm
          }
        }
      }
    }
    throw new IllegalArgumentException(
        file + ": expected an unencrypted PKCS#8 PEM \"PRIVATE KEY\" (EC, RSA or Ed25519)");
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try {
      ks.load(null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ks;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
