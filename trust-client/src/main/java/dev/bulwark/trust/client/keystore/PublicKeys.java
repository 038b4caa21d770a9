package dev.bulwark.trust.client.keystore;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Derives the public half of a private key (PKCS#8 files carry only the private half). */
final class PublicKeys {
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private PublicKeys() {}

  static PublicKey derive(PrivateKey key) throws KeystoreException {
    try {
      return switch (key) {
        case ECPrivateKey ec -> ecPublic(ec);
        case RSAPrivateCrtKey rsa ->
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        default -> edPublic(key);
      };
    } catch (GeneralSecurityException e) {
      throw new KeystoreException("cannot derive public key: " + e.getMessage(), e);
    }
  }

  private static PublicKey ecPublic(ECPrivateKey ec)
      throws GeneralSecurityException, KeystoreException {
    if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new KeystoreException("unsupported EC curve: only P-256 keys are supported");
    }
    X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
    org.bouncycastle.math.ec.ECPoint q = p256.getG().multiply(ec.getS()).normalize();
    ECPoint w =
        new ECPoint(
            new BigInteger(1, q.getAffineXCoord().getEncoded()),
            new BigInteger(1, q.getAffineYCoord().getEncoded()));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
  }

  private static PublicKey edPublic(PrivateKey key)
      throws GeneralSecurityException, KeystoreException {
    if (!key.getAlgorithm().startsWith("Ed")) {
      throw new KeystoreException("unsupported private key algorithm " + key.getAlgorithm());
    }
    byte[] der = key.getEncoded();
    // PKCS#8 Ed25519: the seed is the last 32 bytes (an OCTET STRING inside the privateKey field).
    byte[] seed = Arrays.copyOfRange(der, 16, 48);
    byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
    System.arraycopy(pub, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }
}
