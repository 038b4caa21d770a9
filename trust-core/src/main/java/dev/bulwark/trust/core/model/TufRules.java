package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.PublicKeys;
import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonObject;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** TUF 1.0 (spec 1.0.34) rules. */
final class TufRules implements DialectRules {
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public String typeName(RoleType type) {
    return type.roleName();
  }

  @Override
  public String metaKey(String roleName) {
    return roleName + ".json";
  }

  @Override
  public String roleNameOfMetaKey(String metaKey) {
    return metaKey.endsWith(".json") ? metaKey.substring(0, metaKey.length() - 5) : metaKey;
  }

  @Override
  public String encodeBinary(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  @Override
  public byte[] decodeBinary(String text) {
    return HEX.parseHex(text);
  }

  // TUF §4.2.1: KEYID = hex sha256 of the canonical JSON of the whole key object (extra fields
  // too).
  @Override
  public String keyId(Key key) {
    return Digests.sha256Hex(CanonicalJson.encode(key.json()));
  }

  @Override
  public KeyMaterial decodePublic(String keyType, String scheme, String publicValue)
      throws UnsupportedKeyException {
    PublicKey pk =
        switch (keyType) {
          case "ed25519" -> PublicKeys.ed25519FromRaw(hex(publicValue));
          case "ecdsa", "ecdsa-sha2-nistp256", "rsa" -> PublicKeys.fromPem(publicValue);
          default ->
              throw new UnsupportedKeyException("unsupported TUF keytype \"" + keyType + "\"");
        };
    return new KeyMaterial(pk, List.of());
  }

  private static byte[] hex(String s) throws UnsupportedKeyException {
    try {
      return HEX.parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedKeyException("expected hex ed25519 public key: " + e.getMessage(), e);
    }
  }

  // TUF §4.2.2 and TAP 9: the scheme, not the keytype, selects the algorithm.
  @Override
  public SignatureAlgorithm algorithmFor(Key key, Signature signature)
      throws UnsupportedKeyException {
    String scheme = key.scheme().orElse("");
    Optional<SignatureAlgorithm> alg =
        switch (scheme) {
          case "ed25519" -> Optional.of(SignatureAlgorithm.ED25519);
          case "ecdsa-sha2-nistp256" -> Optional.of(SignatureAlgorithm.ECDSA_P256_SHA256_DER);
          case "rsassa-pss-sha256" -> Optional.of(SignatureAlgorithm.RSASSA_PSS_SHA256);
          case "rsa-pkcs1v15-sha256" -> Optional.of(SignatureAlgorithm.RSA_PKCS1V15_SHA256);
          default -> Optional.empty();
        };
    if (alg.isEmpty() || !alg.get().accepts(key.publicKey().orElseThrow())) {
      throw new UnsupportedKeyException(
          "key " + key.id() + ": unsupported keytype/scheme " + key.keyType() + "/" + scheme);
    }
    return alg.get();
  }

  @Override
  public Key keyFor(PublicKey key) {
    JsonObject.Builder b = JsonObject.builder();
    switch (KeyAlgorithm.of(key)) {
      case ED25519 ->
          b.put("keytype", "ed25519")
              .put("scheme", "ed25519")
              .put("keyval", publicOnly(HEX.formatHex(PublicKeys.ed25519Raw(key))));
      case ECDSA_P256 ->
          b.put("keytype", "ecdsa")
              .put("scheme", "ecdsa-sha2-nistp256")
              .put("keyval", publicOnly(PublicKeys.toPem(key)));
      case RSA ->
          b.put("keytype", "rsa")
              .put("scheme", "rsassa-pss-sha256")
              .put("keyval", publicOnly(PublicKeys.toPem(key)));
    }
    return Key.fromJson(Dialect.TUF, b.build());
  }

  private static JsonObject publicOnly(String value) {
    return JsonObject.builder().put("public", value).build();
  }

  @Override
  public Key keyForCertificates(List<X509Certificate> chain) throws UnsupportedKeyException {
    throw new UnsupportedKeyException("TUF has no certificate key types");
  }

  @Override
  public Signature signature(String keyId, SignatureAlgorithm algorithm, byte[] sig) {
    return new Signature(keyId, HEX.formatHex(sig), Optional.empty());
  }

  // TUF §4.2.3: "YYYY-MM-DDTHH:MM:SSZ".
  @Override
  public String formatExpires(Instant expires) {
    return expires.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  @Override
  public boolean pathMatches(String pattern, String targetPath) {
    return PathPatterns.globMatches(pattern, targetPath);
  }
}
