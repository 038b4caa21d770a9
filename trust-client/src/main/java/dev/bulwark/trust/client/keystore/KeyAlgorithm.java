package dev.bulwark.trust.client.keystore;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms the keystore can generate; ECDSA P-256 is Notary's only choice. */
public enum KeyAlgorithm {
  ECDSA("ecdsa"),
  ED25519("ed25519"),
  RSA("rsa");

  private final String keyType;

  KeyAlgorithm(String keyType) {
    this.keyType = keyType;
  }

  /** The Notary/TUF {@code keytype} of a bare public key of this algorithm. */
  public String keyType() {
    return keyType;
  }

  /** Generates a fresh key pair (P-256, Ed25519 or RSA-3072). */
  public KeyPair generate(SecureRandom random) {
    try {
      return switch (this) {
        case ECDSA -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
          g.initialize(new ECGenParameterSpec("secp256r1"), random);
          yield g.generateKeyPair();
        }
        case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        case RSA -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(3072, random);
          yield g.generateKeyPair();
        }
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks " + this + " key generation", e);
    }
  }

  /** The algorithm of a JCA public key. */
  public static KeyAlgorithm of(PublicKey key) throws KeystoreException {
    return switch (key.getAlgorithm()) {
      case "EC" -> ECDSA;
      case "Ed25519", "EdDSA" -> ED25519;
      case "RSA" -> RSA;
      default -> throw new KeystoreException("unsupported key algorithm " + key.getAlgorithm());
    };
  }

  /** Parses a name as typed on the command line ({@code ecdsa}, {@code ed25519}, {@code rsa}). */
  public static KeyAlgorithm parse(String name) {
    for (KeyAlgorithm a : values()) {
      if (a.keyType.equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown key algorithm '" + name + "', expected ecdsa, ed25519 or rsa");
  }
}
