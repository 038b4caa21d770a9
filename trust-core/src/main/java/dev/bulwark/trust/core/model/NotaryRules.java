package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.PublicKeys;
import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonNull;
import dev.bulwark.trust.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Notary v1 (0.7.0) rules; see research/notary.md §3. */
final class NotaryRules implements DialectRules {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  @Override
  public String typeName(RoleType type) {
    String n = type.roleName();
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  @Override
  public String metaKey(String roleName) {
    return roleName;
  }

  @Override
  public String roleNameOfMetaKey(String metaKey) {
    return metaKey;
  }

  @Override
  public String encodeBinary(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public byte[] decodeBinary(String text) {
    return Base64.getDecoder().decode(text);
  }

  // Notary tuf/data/keys.go TUFKey.ID: sha256 of canonical {"keytype","keyval":{"private":null,
  // "public"}}; other fields of the key object are not hashed.
  @Override
  public String keyId(Key key) {
    return idOf(key.keyType(), key.publicValue());
  }

  static String idOf(String keyType, String publicValue) {
    JsonObject keyval =
        JsonObject.builder().put("private", JsonNull.INSTANCE).put("public", publicValue).build();
    JsonObject k = JsonObject.builder().put("keytype", keyType).put("keyval", keyval).build();
    return Digests.sha256Hex(CanonicalJson.encode(k));
  }

  @Override
  public KeyMaterial decodePublic(String keyType, String scheme, String publicValue)
      throws UnsupportedKeyException {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(publicValue);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedKeyException("expected base64 public key: " + e.getMessage(), e);
    }
    return switch (keyType) {
      case "ed25519" -> new KeyMaterial(PublicKeys.ed25519FromRaw(raw), List.of());
      case "ecdsa", "rsa" -> new KeyMaterial(PublicKeys.fromSpki(raw), List.of());
      case "ecdsa-x509", "rsa-x509" -> {
        List<X509Certificate> certs =
            PublicKeys.certificatesFromPem(new String(raw, StandardCharsets.UTF_8));
        yield new KeyMaterial(certs.getFirst().getPublicKey(), certs);
      }
      default ->
          throw new UnsupportedKeyException("unsupported Notary keytype \"" + keyType + "\"");
    };
  }

  // Notary tuf/signed/verifiers.go: the signature's method selects the verifier.
  @Override
  public SignatureAlgorithm algorithmFor(Key key, Signature signature)
      throws UnsupportedKeyException {
    String method = signature.method().orElse("");
    Optional<SignatureAlgorithm> alg =
        switch (method) {
          case "ecdsa" -> Optional.of(SignatureAlgorithm.ECDSA_P256_SHA256_RAW);
          case "eddsa" -> Optional.of(SignatureAlgorithm.ED25519);
          case "rsapss", "pycrypto-pkcs#1 pss" -> Optional.of(SignatureAlgorithm.RSASSA_PSS_SHA256);
          case "rsapkcs1v15" -> Optional.of(SignatureAlgorithm.RSA_PKCS1V15_SHA256);
          default -> Optional.empty();
        };
    if (alg.isEmpty() || !alg.get().accepts(key.publicKey().orElseThrow())) {
      throw new UnsupportedKeyException(
          "key " + key.id() + " (" + key.keyType() + "): unsupported method \"" + method + "\"");
    }
    return alg.get();
  }

  @Override
  public Key keyFor(PublicKey key) {
    return switch (KeyAlgorithm.of(key)) {
      case ED25519 -> build("ed25519", PublicKeys.ed25519Raw(key));
      case ECDSA_P256 -> build("ecdsa", key.getEncoded());
      case RSA -> build("rsa", key.getEncoded());
    };
  }

  @Override
  public Key keyForCertificates(List<X509Certificate> chain) throws UnsupportedKeyException {
    StringBuilder pem = new StringBuilder();
    chain.forEach(c -> pem.append(PublicKeys.toPem(c)));
    String type =
        switch (KeyAlgorithm.of(chain.getFirst().getPublicKey())) {
          case ECDSA_P256 -> "ecdsa-x509";
          case RSA -> "rsa-x509";
          case ED25519 -> throw new UnsupportedKeyException("Notary has no ed25519-x509 keys");
        };
    return build(type, pem.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Key build(String keyType, byte[] publicBytes) {
    JsonObject keyval =
        JsonObject.builder()
            .put("private", JsonNull.INSTANCE)
            .put("public", Base64.getEncoder().encodeToString(publicBytes))
            .build();
    return Key.fromJson(
        Dialect.NOTARY, JsonObject.builder().put("keytype", keyType).put("keyval", keyval).build());
  }

  @Override
  public Signature signature(String keyId, SignatureAlgorithm algorithm, byte[] sig) {
    String method =
        switch (algorithm) {
          case ED25519 -> "eddsa";
          case ECDSA_P256_SHA256_RAW, ECDSA_P256_SHA256_DER -> "ecdsa";
          case RSASSA_PSS_SHA256 -> "rsapss";
          case RSA_PKCS1V15_SHA256 -> "rsapkcs1v15";
        };
    return new Signature(keyId, encodeBinary(sig), Optional.of(method));
  }

  // Go time.RFC3339Nano: fractional seconds with trailing zeros trimmed, "Z" for UTC.
  @Override
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the fraction is what gets printed
  public String formatExpires(Instant expires) {
    String base = SECONDS.format(expires);
    int nanos = expires.getNano();
    if (nanos == 0) {
      return base + "Z";
    }
    String frac = String.format("%09d", nanos).replaceFirst("0+$", "");
    return base + "." + frac + "Z";
  }

  // Notary delegations: paths are plain string prefixes; "" delegates everything.
  @Override
  public boolean pathMatches(String pattern, String targetPath) {
    return targetPath.startsWith(pattern);
  }
}
