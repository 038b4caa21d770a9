package dev.bulwark.trust.server;

import dev.bulwark.trust.core.crypto.Pem;
import dev.bulwark.trust.server.config.TlsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the server's {@link SSLContext} from PEM files (PKCS#8 key, certificate chain). */
final class Tls {
  private Tls() {}

  static SSLContext context(TlsConfig cfg) throws IOException, GeneralSecurityException {
    List<Certificate> chain = certificates(Files.readString(cfg.certFile()));
    if (chain.isEmpty()) {
      throw new GeneralSecurityException("no CERTIFICATE in " + cfg.certFile());
    }
    PrivateKey key = privateKey(Files.readString(cfg.keyFile()), cfg.keyFile().toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    char[] pw = new char[0];
    ks.setKeyEntry("server", key, pw, chain.toArray(new Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pw);
    TrustManagerFactory tmf = null;
    if (cfg.clientCaFile() != null) {
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      int i = 0;
      for (Certificate c : certificates(Files.readString(cfg.clientCaFile()))) {
        ts.setCertificateEntry("ca" + i++, c);
      }
      tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ts);
    }
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
    return ctx;
  }

  static List<Certificate> certificates(String pem) throws GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<Certificate> out = new ArrayList<>();
    for (Pem.Block b : Pem.decodeAll(pem)) {
      if (b.label().equals("CERTIFICATE")) {
        out.add(cf.generateCertificate(new ByteArrayInputStream(b.der())));
      }
    }
    return out;
  }

  private static PrivateKey privateKey(String pem, String where) throws GeneralSecurityException {
    for (Pem.Block b : Pem.decodeAll(pem)) {
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
    throw new GeneralSecurityException(
        "expected a PKCS#8 'PRIVATE KEY' PEM block (EC, RSA or Ed25519) in "
            + where
            + "; convert with: openssl pkcs8 -topk8 -nocrypt");
  }
}
