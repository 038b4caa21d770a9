package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * A private key with its public {@link Key} in one dialect: signs canonical bytes into a {@link
 * Signature} in the dialect's encoding. {@code toString} never shows the secret; the raw private
 * key is reachable only through {@link #exportPrivateKey()}.
 */
public final class SigningKey {
  private final Dialect dialect;
  private final PrivateKey privateKey;
  private final Key key;
  private final SignatureAlgorithm algorithm;

  private SigningKey(Dialect dialect, PrivateKey privateKey, Key key) {
    this.dialect = Objects.requireNonNull(dialect);
    this.privateKey = Objects.requireNonNull(privateKey);
    this.key = Objects.requireNonNull(key);
    this.algorithm = dialect.signingAlgorithm(KeyAlgorithm.of(privateKey));
    if (key.publicKey().isEmpty() || !algorithm.accepts(key.publicKey().get())) {
      throw new IllegalArgumentException("public key " + key + " does not fit " + algorithm);
    }
  }

  /** A fresh key pair of {@code family}, with its public key in {@code dialect}'s form. */
  public static SigningKey generate(Dialect dialect, KeyAlgorithm family) {
    KeyPair pair = family.generate();
    return new SigningKey(dialect, pair.getPrivate(), Key.of(dialect, pair.getPublic()));
  }

  /**
   * Pairs a private key with its public {@link Key} (e.g. an {@code ecdsa-x509} certificate key).
   */
  public static SigningKey of(Dialect dialect, PrivateKey privateKey, Key publicKey) {
    return new SigningKey(dialect, privateKey, publicKey);
  }

  /** Signs {@code canonicalSigned} (the canonical bytes of a {@code signed} object). */
  public Signature sign(byte[] canonicalSigned) {
    return dialect
        .rules()
        .signature(key.id(), algorithm, algorithm.sign(privateKey, canonicalSigned));
  }

  public Dialect dialect() {
    return dialect;
  }

  public Key key() {
    return key;
  }

  public String keyId() {
    return key.id();
  }

  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** The private key itself. Explicit on purpose: keep callers of this method few and reviewed. */
  public PrivateKey exportPrivateKey() {
    return privateKey;
  }

  @Override
  public String toString() {
    return "SigningKey[" + dialect + " " + key.keyType() + " " + key.id() + "]";
  }
}
