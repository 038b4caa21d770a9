package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import dev.bulwark.trust.core.error.BadSignatureException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key as listed in root or delegations: its JSON (kept whole, unknown fields included,
 * because TUF key IDs hash it), the key ID computed by the dialect's rule, and the decoded key. A
 * key whose type or material is unsupported still parses (TUF clients must tolerate it) but can
 * never verify a signature.
 */
public final class Key {
  private final Dialect dialect;
  private final JsonObject json;
  private final String keyType;
  private final Optional<String> scheme;
  private final String publicValue;
  private final String id;
  private final DialectRules.KeyMaterial material;
  private final String unusableReason;

  private Key(
      Dialect dialect,
      JsonObject json,
      String keyType,
      Optional<String> scheme,
      String publicValue) {
    this.dialect = dialect;
    this.json = json;
    this.keyType = keyType;
    this.scheme = scheme;
    this.publicValue = publicValue;
    DialectRules.KeyMaterial m = null;
    String reason = null;
    try {
      m = dialect.rules().decodePublic(keyType, scheme.orElse(""), publicValue);
    } catch (UnsupportedKeyException e) {
      reason = e.getMessage();
    }
    this.material = m;
    this.unusableReason = reason;
    this.id = dialect.rules().keyId(this);
  }

  /** Parses a key object; {@code where} names it in errors. */
  public static Key parse(Dialect dialect, JsonObject json, String where)
      throws MalformedMetadataException {
    JsonFields f = JsonFields.of(json, where);
    String type = f.string("keytype");
    Optional<String> scheme =
        dialect == Dialect.TUF ? Optional.of(f.string("scheme")) : f.optString("scheme");
    String pub = f.object("keyval").string("public");
    return new Key(dialect, json, type, scheme, pub);
  }

  /** Wraps key JSON built by the dialect (used when creating keys). */
  static Key fromJson(Dialect dialect, JsonObject json) {
    try {
      return parse(dialect, json, "key");
    } catch (MalformedMetadataException e) {
      throw new IllegalStateException("dialect built malformed key JSON", e);
    }
  }

  /** The key of {@code publicKey} in the dialect's encoding (Ed25519, EC P-256 or RSA). */
  public static Key of(Dialect dialect, PublicKey publicKey) {
    return dialect.rules().keyFor(publicKey);
  }

  /** A certificate key (Notary {@code ecdsa-x509} / {@code rsa-x509}), leaf first. */
  public static Key ofCertificates(Dialect dialect, List<X509Certificate> chain)
      throws UnsupportedKeyException {
    return dialect.rules().keyForCertificates(chain);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The key ID by this dialect's rule (TUF: sha256 of canonical key JSON; Notary: §3.3). */
  public String id() {
    return id;
  }

  public String keyType() {
    return keyType;
  }

  public Optional<String> scheme() {
    return scheme;
  }

  /** {@code keyval.public} exactly as listed. */
  public String publicValue() {
    return publicValue;
  }

  /** The key object as received (or built). */
  public JsonObject json() {
    return json;
  }

  /** The decoded public key, empty when the key type or material is unsupported. */
  public Optional<PublicKey> publicKey() {
    return material == null ? Optional.empty() : Optional.of(material.publicKey());
  }

  /** For x509 key types, the certificate chain, leaf first; otherwise empty. */
  public List<X509Certificate> certificates() {
    return material == null ? List.of() : material.certificates();
  }

  /** Why this key can not verify anything, or empty when it can. */
  public Optional<String> unusableReason() {
    return Optional.ofNullable(unusableReason);
  }

  /**
   * Notary's "canonical key ID": for x509 keys the ID of the bare public key inside the leaf
   * certificate (names private key files, printed by {@code notary key list}); for other keys, the
   * key ID itself.
   */
  public String canonicalId() {
    if (material == null || material.certificates().isEmpty()) {
      return id;
    }
    return Key.of(dialect, material.publicKey()).id();
  }

  /** Verifies one signature over {@code message}; throws if it is not valid for this key. */
  public void verify(byte[] message, Signature signature)
      throws BadSignatureException, UnsupportedKeyException {
    if (material == null) {
      throw new UnsupportedKeyException("key " + id + " is unusable: " + unusableReason);
    }
    SignatureAlgorithm alg = dialect.rules().algorithmFor(this, signature);
    byte[] sig;
    try {
      sig = dialect.rules().decodeBinary(signature.sig());
    } catch (IllegalArgumentException e) {
      throw new BadSignatureException(
          "signature by key "
              + id
              + " is not valid "
              + (dialect == Dialect.TUF ? "hex" : "base64")
              + ": "
              + e.getMessage());
    }
    if (!alg.verify(material.publicKey(), message, sig)) {
      throw new BadSignatureException(
          "signature by key " + id + " (" + alg + ") does not verify over the signed data");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key k && k.dialect == dialect && k.json.equals(json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dialect, json);
  }

  @Override
  public String toString() {
    return "Key[" + keyType + " " + id + "]";
  }
}
