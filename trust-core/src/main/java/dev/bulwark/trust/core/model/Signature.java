package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a metadata envelope's {@code signatures}: the key ID, the signature as encoded in
 * the file (TUF hex, Notary base64) and, for Notary, the {@code method} (lower-cased on parse).
 */
public record Signature(String keyId, String sig, Optional<String> method) {
  public Signature {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(sig, "sig");
    method = method.map(m -> m.toLowerCase(java.util.Locale.ROOT));
  }

  static Signature parse(JsonObject json, String where) throws MalformedMetadataException {
    JsonFields f = JsonFields.of(json, where);
    return new Signature(f.string("keyid"), f.string("sig"), f.optString("method"));
  }

  /** The envelope entry: {@code keyid}, {@code method} (if any), {@code sig}. */
  public JsonObject toJson() {
    JsonObject.Builder b = JsonObject.builder().put("keyid", keyId);
    method.ifPresent(m -> b.put("method", m));
    return b.put("sig", sig).build();
  }
}
