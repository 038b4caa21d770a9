package dev.bulwark.trust.core.crypto;

import dev.bulwark.trust.core.error.UnsupportedKeyException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decoding and encoding of public keys (SPKI DER, PEM, raw Ed25519) and X.509 certificates. */
public final class PublicKeys {
  /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows. */
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** Smallest RSA modulus accepted (TUF §4.2.2, Notary). */
  public static final int MIN_RSA_BITS = 2048;

  private PublicKeys() {}

  /** A public key from DER SubjectPublicKeyInfo (EC P-256, RSA >= 2048 or Ed25519). */
  public static PublicKey fromSpki(byte[] der) throws UnsupportedKeyException {
    for (String alg : List.of("EC", "RSA", "Ed25519")) {
      try {
        return checked(KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der)));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new UnsupportedKeyException(
        "expected a SubjectPublicKeyInfo of an EC, RSA or Ed25519 key, found undecodable DER ("
            + der.length
            + " bytes)");
  }

  /** A public key from a PEM {@code PUBLIC KEY} block. */
  public static PublicKey fromPem(String pem) throws UnsupportedKeyException {
    try {
      return fromSpki(Pem.decode(pem, "PUBLIC KEY"));
    } catch (IllegalArgumentException e) {
      throw new UnsupportedKeyException("expected a PEM PUBLIC KEY: " + e.getMessage(), e);
    }
  }

  /** An Ed25519 public key from its 32 raw bytes (RFC 8032 encoding). */
  public static PublicKey ed25519FromRaw(byte[] raw) throws UnsupportedKeyException {
    if (raw.length != 32) {
      throw new UnsupportedKeyException(
          "expected a 32-byte Ed25519 public key, found " + raw.length + " bytes");
    }
    byte[] der = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new UnsupportedKeyException("invalid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  public static byte[] ed25519Raw(PublicKey key) {
    byte[] der = key.getEncoded();
    return Arrays.copyOfRange(der, der.length - 32, der.length);
  }

  /** PEM {@code PUBLIC KEY} of any public key. */
  public static String toPem(PublicKey key) {
    return Pem.encode("PUBLIC KEY", key.getEncoded());
  }

  /** The certificates of a PEM bundle, leaf first as given. */
  public static List<X509Certificate> certificatesFromPem(String pem)
      throws UnsupportedKeyException {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certs = new ArrayList<>();
      for (Pem.Block b : Pem.decodeAll(pem)) {
        if (b.label().equals("CERTIFICATE")) {
          certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
        }
      }
      if (certs.isEmpty()) {
        throw new UnsupportedKeyException("expected a PEM CERTIFICATE, found none");
      }
      checked(certs.getFirst().getPublicKey());
      return List.copyOf(certs);
    } catch (CertificateException | IllegalArgumentException e) {
      throw new UnsupportedKeyException("invalid X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** PEM {@code CERTIFICATE} of a certificate. */
  public static String toPem(X509Certificate cert) {
    try {
      return Pem.encode("CERTIFICATE", cert.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }

  /** Refuses EC keys not on P-256 and RSA keys below {@link #MIN_RSA_BITS}. */
  public static PublicKey checked(PublicKey key) throws UnsupportedKeyException {
    if (key instanceof ECPublicKey ec
        && ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new UnsupportedKeyException(
          "expected an EC key on P-256, found a "
              + ec.getParams().getCurve().getField().getFieldSize()
              + "-bit curve");
    }
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new UnsupportedKeyException(
          "expected an RSA key of at least "
              + MIN_RSA_BITS
              + " bits, found "
              + rsa.getModulus().bitLength());
    }
    return key;
  }
}
