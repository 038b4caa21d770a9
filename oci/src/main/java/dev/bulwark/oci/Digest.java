package dev.bulwark.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest {@code algorithm:hex} as used by OCI descriptors. Only {@code sha256} and {@code
 * sha512} are accepted; the hex part must be lowercase and of the algorithm's length.
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

  public Digest {
    int expected =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          case null -> throw new IllegalArgumentException("digest algorithm is null");
          default ->
              throw new IllegalArgumentException(
                  "unsupported digest algorithm '"
                      + printable(algorithm)
                      + "', expected sha256 or sha512");
        };
    if (hex == null || hex.length() != expected || !LOWER_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "digest "
              + algorithm
              + " must be "
              + expected
              + " lowercase hex characters, found '"
              + printable(hex)
              + "'");
    }
  }

  /** Parses {@code sha256:<64 hex>} or {@code sha512:<128 hex>}. */
  public static Digest parse(String text) throws InvalidReferenceException {
    if (text == null) {
      throw new InvalidReferenceException("digest is missing");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new InvalidReferenceException(
          "digest '" + printable(text) + "' has no algorithm, expected 'sha256:<hex>'");
    }
    try {
      return new Digest(text.substring(0, colon), text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidReferenceException(e.getMessage());
    }
  }

  /** The SHA-256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    return new Digest("sha256", HexFormat.of().formatHex(messageDigest("sha256").digest(bytes)));
  }

  /** A fresh {@link MessageDigest} for this digest's algorithm. */
  public MessageDigest newMessageDigest() {
    return messageDigest(algorithm);
  }

  /** Whether {@code bytes} hash to this digest. */
  public boolean matches(byte[] bytes) {
    return MessageDigest.isEqual(HexFormat.of().parseHex(hex), newMessageDigest().digest(bytes));
  }

  /** The digest whose hash value is {@code raw}, in this digest's algorithm. */
  public Digest withValue(byte[] raw) {
    return new Digest(algorithm, HexFormat.of().formatHex(raw));
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }

  static String printable(String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    StringBuilder out = new StringBuilder();
    cut.codePoints()
        .forEach(
            c ->
                out.append(
                    c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
    return out.toString();
  }
}
