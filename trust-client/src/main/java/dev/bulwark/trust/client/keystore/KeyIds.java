package dev.bulwark.trust.client.keystore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Notary's canonical key ID of a bare public key: hex SHA-256 of the canonical JSON {@code
 * {"keytype":T,"keyval":{"private":null,"public":B64}}} (research/notary.md §3.3). Names the
 * private key file; for an {@code ecdsa-x509} root key it differs from the certificate key ID.
 */
public final class KeyIds {
  private KeyIds() {}

  /** The canonical key ID of {@code key}. */
  public static String canonicalId(PublicKey key) throws KeystoreException {
    KeyAlgorithm alg = KeyAlgorithm.of(key);
    return idOf(alg.keyType(), publicBytes(key));
  }

  /** The bytes Notary base64-encodes as {@code public}: raw 32 bytes for Ed25519, else DER SPKI. */
  public static byte[] publicBytes(PublicKey key) throws KeystoreException {
    byte[] der = key.getEncoded();
    if (KeyAlgorithm.of(key) == KeyAlgorithm.ED25519) {
      return Arrays.copyOfRange(der, der.length - 32, der.length);
    }
    return der;
  }

  /** Key ID for a key type and its public bytes (canonical JSON: keys sorted, no whitespace). */
  public static String idOf(String keyType, byte[] publicBytes) {
    String json =
        "{\"keytype\":\""
            + keyType
            + "\",\"keyval\":{\"private\":null,\"public\":\""
            + Base64.getEncoder().encodeToString(publicBytes)
            + "\"}}";
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }
}
