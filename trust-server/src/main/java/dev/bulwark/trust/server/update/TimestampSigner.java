package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds and signs a Notary timestamp naming a snapshot by length and sha256/sha512. */
final class TimestampSigner {
  private TimestampSigner() {}

  static Metadata<Timestamp> sign(SigningKey key, long version, Instant expires, byte[] snapshot) {
    Timestamp t =
        new Timestamp(
            version, expires, Optional.empty(), MetaFile.ofBytes(snapshot), JsonObject.EMPTY);
    return Metadata.sign(Dialect.NOTARY, t, List.of(key));
  }
}
