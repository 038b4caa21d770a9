package dev.bulwark.trust.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key pair families that can be generated for signing. */
public enum KeyAlgorithm {
  ED25519,
  ECDSA_P256,
  /** RSA, generated with a 3072-bit modulus. */
  RSA;

  /** A fresh key pair from the JDK providers. */
  public KeyPair generate() {
    try {
      return switch (this) {
        case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        case ECDSA_P256 -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"));
          yield g.generateKeyPair();
        }
        case RSA -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(3072);
          yield g.generateKeyPair();
        }
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK cannot generate " + this, e);
    }
  }

  /** The family of an existing key, by its JDK algorithm name. */
  public static KeyAlgorithm of(java.security.Key key) {
    return switch (key.getAlgorithm()) {
      case "EC" -> ECDSA_P256;
      case "RSA" -> RSA;
      case "Ed25519", "EdDSA" -> ED25519;
      default ->
          throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
    };
  }
}
