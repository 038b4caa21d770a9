package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Signed;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rollback protection against the cache: a role's new version must not be lower than the cached one
 * (Notary {@code ErrLowVersion}; equal is allowed). Unreadable cache entries give no floor.
 */
final class Versions {
  private final MetadataStore cache;

  Versions(MetadataStore cache) {
    this.cache = cache;
  }

  void checkNotOlder(String role, Metadata<? extends Signed> fresh) throws TrustException {
    OptionalLong floor = cachedVersion(role);
    long v = fresh.signed().version();
    if (floor.isPresent() && v < floor.getAsLong()) {
      throw new RollbackException(
          role
              + ": server offers version "
              + v
              + ", older than the cached version "
              + floor.getAsLong());
    }
  }

  private OptionalLong cachedVersion(String role) {
    try {
      Optional<byte[]> raw = cache.read(role);
      if (raw.isEmpty()) {
        return OptionalLong.empty();
      }
      JsonFields env = JsonFields.of(JsonReader.parseObject(raw.get()), role);
      return OptionalLong.of(env.object("signed").integer("version"));
    } catch (IOException | TrustException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
