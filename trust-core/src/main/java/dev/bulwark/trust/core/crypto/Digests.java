package dev.bulwark.trust.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** SHA-2 digests by their TUF/Notary names ({@code sha256}, {@code sha512}). */
public final class Digests {
  private Digests() {}

  public static byte[] sha256(byte[] data) {
    return digest("SHA-256", data);
  }

  public static byte[] sha512(byte[] data) {
    return digest("SHA-512", data);
  }

  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  /** The JDK algorithm name for a metadata hash name, or empty if unsupported. */
  public static Optional<String> jdkName(String metadataName) {
    return switch (metadataName) {
      case "sha256" -> Optional.of("SHA-256");
      case "sha512" -> Optional.of("SHA-512");
      default -> Optional.empty();
    };
  }

  /** Digest of {@code data} with a JDK algorithm name such as {@code SHA-256}. */
  public static byte[] digest(String jdkAlgorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(jdkAlgorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + jdkAlgorithm, e);
    }
  }
}
