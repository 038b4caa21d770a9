package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** What differs between the dialects; {@link Dialect} delegates here. */
sealed interface DialectRules permits TufRules, NotaryRules {
  String typeName(RoleType type);

  String metaKey(String roleName);

  String roleNameOfMetaKey(String metaKey);

  String encodeBinary(byte[] bytes);

  byte[] decodeBinary(String text);

  String keyId(Key key);

  /** Decoded key material; throws for key types or encodings this dialect cannot use. */
  KeyMaterial decodePublic(String keyType, String scheme, String publicValue)
      throws UnsupportedKeyException;

  SignatureAlgorithm algorithmFor(Key key, Signature signature) throws UnsupportedKeyException;

  Key keyFor(PublicKey key);

  Key keyForCertificates(List<X509Certificate> chain) throws UnsupportedKeyException;

  Signature signature(String keyId, SignatureAlgorithm algorithm, byte[] sig);

  String formatExpires(Instant expires);

  boolean pathMatches(String pattern, String targetPath);

  /** Decoded public key plus, for x509 key types, the certificate chain (leaf first). */
  record KeyMaterial(PublicKey publicKey, List<X509Certificate> certificates) {}
}
