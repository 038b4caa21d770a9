package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Signed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces the exact file bytes Notary stores and hashes (research/notary.md fact 2): {@code
 * {"signed":<canonical signed>,"signatures":[{"keyid","method","sig"}]}}. notary-server re-marshals
 * every uploaded role this way before it hashes it into snapshot/timestamp; a file with any other
 * byte layout is accepted but then referenced by a hash that matches nothing (404 on {@code
 * timestamp.json}).
 */
final class NotaryFiles {
  private NotaryFiles() {}

  @SuppressWarnings("unchecked")
  static <T extends Signed> Metadata<T> normalize(Metadata<T> md) {
    List<JsonValue> sigs = new ArrayList<>();
    md.signatures().forEach(s -> sigs.add(s.toJson()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"signed\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(md.canonicalSigned());
    out.writeBytes(",\"signatures\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(CanonicalJson.encode(new JsonArray(sigs)));
    out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
    try {
      Class<T> type = (Class<T>) md.signed().getClass();
      return Metadata.parse(Dialect.NOTARY, out.toByteArray(), type);
    } catch (MalformedMetadataException e) {
      throw new IllegalStateException("re-encoded metadata does not parse: " + e.getMessage(), e);
    }
  }
}
