package dev.bulwark.trust.core.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * The signature algorithms of both dialects, independent of how the dialect names or encodes them.
 * Verification never throws for a bad signature: it answers {@code false}.
 */
public enum SignatureAlgorithm {
  /** Ed25519 (RFC 8032) over the message. TUF {@code ed25519}, Notary {@code eddsa}. */
  ED25519("Ed25519", KeyAlgorithm.ED25519),
  /** ECDSA P-256 with SHA-256, ASN.1 DER signature. TUF {@code ecdsa-sha2-nistp256}. */
  ECDSA_P256_SHA256_DER("SHA256withECDSA", KeyAlgorithm.ECDSA_P256),
  /** ECDSA P-256 with SHA-256, raw 64-byte r‖s signature. Notary {@code ecdsa}. */
  ECDSA_P256_SHA256_RAW("SHA256withECDSAinP1363Format", KeyAlgorithm.ECDSA_P256),
  /** RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32. TUF {@code rsassa-pss-sha256}, Notary rsapss. */
  RSASSA_PSS_SHA256("RSASSA-PSS", KeyAlgorithm.RSA),
  /** RSASSA-PKCS1-v1_5 with SHA-256. TUF {@code rsa-pkcs1v15-sha256}, Notary rsapkcs1v15. */
  RSA_PKCS1V15_SHA256("SHA256withRSA", KeyAlgorithm.RSA);

  private static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

  private final String jdkName;
  private final KeyAlgorithm keyAlgorithm;

  SignatureAlgorithm(String jdkName, KeyAlgorithm keyAlgorithm) {
    this.jdkName = jdkName;
    this.keyAlgorithm = keyAlgorithm;
  }

  /** The key family this algorithm signs with. */
  public KeyAlgorithm keyAlgorithm() {
    return keyAlgorithm;
  }

  /** True when {@code key} belongs to this algorithm's key family. */
  public boolean accepts(java.security.Key key) {
    try {
      return KeyAlgorithm.of(key) == keyAlgorithm;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True only if {@code signature} is a valid signature of {@code message} by {@code key}. */
  public boolean verify(PublicKey key, byte[] message, byte[] signature) {
    if (!accepts(key)) {
      return false;
    }
    if (this == RSASSA_PSS_SHA256) {
      return verifyPssAnySalt((java.security.interfaces.RSAPublicKey) key, message, signature);
    }
    try {
      Signature s = Signature.getInstance(jdkName);
      return verifyWith(s, key, message, signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean verifyWith(Signature s, PublicKey key, byte[] message, byte[] signature) {
    try {
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  // Signers differ in PSS salt length: securesystemslib and Notary use the digest length (32),
  // Go's PSSSaltLengthAuto uses the maximum; verifiers such as securesystemslib accept any. Try
  // 32 first, then the maximum and zero.
  private static boolean verifyPssAnySalt(
      java.security.interfaces.RSAPublicKey key, byte[] message, byte[] signature) {
    int emLen = (key.getModulus().bitLength() - 1 + 7) / 8;
    for (int salt : new int[] {32, emLen - 32 - 2, 0}) {
      try {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, salt, 1));
        if (verifyWith(s, key, message, signature)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
    return false;
  }

  /** Signs {@code message}; the result is in this algorithm's encoding (DER or raw). */
  public byte[] sign(PrivateKey key, byte[] message) {
    if (!accepts(key)) {
      throw new IllegalArgumentException(
          this + " cannot sign with a " + key.getAlgorithm() + " key");
    }
    try {
      Signature s = instance();
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(this + " signing failed", e);
    }
  }

  private Signature instance() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jdkName);
    if (this == RSASSA_PSS_SHA256) {
      s.setParameter(PSS);
    }
    return s;
  }
}
