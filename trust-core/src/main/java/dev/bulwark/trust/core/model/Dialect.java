package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The two metadata dialects, TUF 1.0 and Notary v1, and everything that differs between them, so
 * that parsing, verification and the client workflow are written once. See research/tuf.md §1-3 and
 * research/notary.md §3.7.
 *
 * <table>
 *   <caption>Differences</caption>
 *   <tr><th></th><th>TUF</th><th>NOTARY</th></tr>
 *   <tr><td>{@code _type}</td><td>{@code root}</td><td>{@code Root}</td></tr>
 *   <tr><td>meta keys</td><td>{@code targets.json}</td><td>{@code targets}</td></tr>
 *   <tr><td>signature, hash encoding</td><td>hex</td><td>base64</td></tr>
 *   <tr><td>ECDSA signature</td><td>DER</td><td>raw r‖s</td></tr>
 *   <tr><td>key ID</td><td>sha256(canonical key JSON)</td><td>sha256(canonical
 *       {keytype, keyval:{private:null, public}})</td></tr>
 *   <tr><td>algorithm chosen by</td><td>key {@code scheme}</td><td>signature {@code method}</td></tr>
 *   <tr><td>delegation paths</td><td>glob per path component</td><td>string prefix</td></tr>
 *   <tr><td>{@code spec_version}, meta {@code version}</td><td>required</td><td>absent</td></tr>
 *   <tr><td>repeated signature keyid</td><td>refused</td><td>counted once</td></tr>
 * </table>
 */
public enum Dialect {
  TUF(new TufRules()),
  NOTARY(new NotaryRules());

  /** The {@code spec_version} written into new TUF metadata. */
  public static final String TUF_SPEC_VERSION = "1.0.31";

  @SuppressWarnings("ImmutableEnumChecker") // the rules objects are stateless
  private final DialectRules rules;

  Dialect(DialectRules rules) {
    this.rules = rules;
  }

  DialectRules rules() {
    return rules;
  }

  /** The {@code _type} string of a role: TUF {@code "targets"}, Notary {@code "Targets"}. */
  public String typeName(RoleType type) {
    return rules.typeName(type);
  }

  /**
   * The snapshot/timestamp {@code meta} key of a role: TUF {@code "a.json"}, Notary {@code "a"}.
   */
  public String metaKey(String roleName) {
    return rules.metaKey(roleName);
  }

  /** Inverse of {@link #metaKey}. */
  public String roleNameOfMetaKey(String metaKey) {
    return rules.roleNameOfMetaKey(metaKey);
  }

  /** Encodes signature and hash bytes: TUF hex, Notary base64. */
  public String encodeBinary(byte[] bytes) {
    return rules.encodeBinary(bytes);
  }

  /** Decodes signature and hash text; throws {@link IllegalArgumentException} if malformed. */
  public byte[] decodeBinary(String text) {
    return rules.decodeBinary(text);
  }

  /** The signature algorithm this dialect signs with for a key family. */
  public SignatureAlgorithm signingAlgorithm(KeyAlgorithm family) {
    return switch (family) {
      case ED25519 -> SignatureAlgorithm.ED25519;
      case ECDSA_P256 ->
          this == TUF
              ? SignatureAlgorithm.ECDSA_P256_SHA256_DER
              : SignatureAlgorithm.ECDSA_P256_SHA256_RAW;
      case RSA -> SignatureAlgorithm.RSASSA_PSS_SHA256;
    };
  }

  /** Formats an expiry: TUF whole seconds, Notary RFC 3339 with trimmed nanoseconds. */
  public String formatExpires(Instant expires) {
    return rules.formatExpires(expires);
  }

  /** Parses an {@code expires} value, which must be UTC ("Z"). */
  public Instant parseExpires(String text, String where) throws MalformedMetadataException {
    if (!text.endsWith("Z")) {
      throw new MalformedMetadataException(
          where + ": expected a UTC time ending in 'Z', found \"" + text + "\"");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new MalformedMetadataException(
          where + ": expected a time like 2030-01-01T00:00:00Z, found \"" + text + "\"", e);
    }
  }

  /** True when a delegation path pattern covers a target path (TUF glob, Notary prefix). */
  public boolean pathMatches(String pattern, String targetPath) {
    return rules.pathMatches(pattern, targetPath);
  }

  /** TUF §4.2.1 refuses a keyid repeated in {@code signatures}; Notary counts it once. */
  public boolean refusesRepeatedSignatureKeyIds() {
    return this == TUF;
  }
}
