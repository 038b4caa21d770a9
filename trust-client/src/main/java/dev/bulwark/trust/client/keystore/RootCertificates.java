package dev.bulwark.trust.client.keystore;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed root certificates as the real Notary client makes them (research/notary.md §3.3):
 * ECDSA P-256 with ecdsa-with-SHA256, {@code CN=<GUN>}, valid from now for 10 years, KeyUsage
 * digitalSignature+keyEncipherment (critical), EKU codeSigning, CA:FALSE, random 128-bit serial.
 * Notary checks the CN against the GUN on every root load, so the CN must be exactly the GUN.
 */
public final class RootCertificates {
  /** Root certificate validity, as Notary: 10 years of 365 days. */
  public static final long VALIDITY_DAYS = 10L * 365;

  private RootCertificates() {}

  /** A self-signed certificate for an ECDSA root key, CN = GUN. */
  public static X509Certificate selfSigned(
      UnlockedKey rootKey, String gun, Instant now, SecureRandom random) throws KeystoreException {
    if (rootKey.algorithm() != KeyAlgorithm.ECDSA) {
      throw new KeystoreException(
          "root certificates need an ECDSA P-256 key, got " + rootKey.algorithm().keyType());
    }
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, gun).build();
    Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(128, random),
              Date.from(notBefore),
              Date.from(notBefore.plus(VALIDITY_DAYS, ChronoUnit.DAYS)),
              subject,
              rootKey.publicKey());
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey.privateKey());
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new KeystoreException(
          "cannot create root certificate for " + gun + ": " + e.getMessage(), e);
    }
  }

  /** PEM text of a certificate (what Notary base64-encodes as an {@code ecdsa-x509} key). */
  public static String pem(X509Certificate cert) throws KeystoreException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(cert);
    } catch (IOException e) {
      throw new KeystoreException("cannot encode certificate: " + e.getMessage(), e);
    }
    return out.toString();
  }
}
