package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.server.keys.ServerKeys;
import dev.bulwark.trust.server.metrics.Metrics;
import dev.bulwark.trust.server.store.MetaStore;
import dev.bulwark.trust.server.store.MetaUpdate;
import dev.bulwark.trust.server.store.StoreException;
import dev.bulwark.trust.server.store.StoredFile;
import dev.bulwark.trust.server.store.VersionConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The update POST and the collection DELETE: shape checks, validation, one atomic store. A lost
 * race with a concurrent update surfaces as {@link VersionConflictException} (400 VERSION).
 */
public final class UpdateService {
  private final MetaStore store;
  private final UpdateValidator validator;
  private final ServerKeys keys;
  private final MetadataService metadata;
  private final Metrics metrics;

  public UpdateService(
      MetaStore store,
      UpdateValidator validator,
      ServerKeys keys,
      MetadataService metadata,
      Metrics metrics) {
    this.store = store;
    this.validator = validator;
    this.keys = keys;
    this.metadata = metadata;
    this.metrics = metrics;
  }

  public void apply(String gun, List<Upload> uploads)
      throws MalformedUpdateException, InvalidUpdateException, StoreException {
    Map<String, byte[]> byRole = shapeChecked(uploads);
    Map<String, StoredFile> current = store.currentAll(gun);
    List<MetaUpdate> files =
        validator.validate(
            gun, current, byRole, (role, listed) -> keys.signingKey(gun, role, listed));
    try {
      store.update(gun, files);
      metrics.event("update_stored");
    } catch (VersionConflictException e) {
      metrics.event("update_version_conflict");
      throw e;
    } finally {
      metadata.invalidate(gun);
    }
  }

  public void delete(String gun) throws StoreException {
    try {
      store.delete(gun);
      keys.forget(gun);
      metrics.event("collection_deleted");
    } finally {
      metadata.invalidate(gun);
    }
  }

  /** Notary step 1: file names are valid roles, bodies decode as signed envelopes. */
  static Map<String, byte[]> shapeChecked(List<Upload> uploads) throws MalformedUpdateException {
    if (uploads.isEmpty()) {
      throw new MalformedUpdateException(
          MalformedUpdateException.Kind.MALFORMED_UPLOAD, "the update contains no files");
    }
    Map<String, byte[]> byRole = new LinkedHashMap<>();
    for (Upload u : uploads) {
      String role =
          u.role().endsWith(".json") ? u.role().substring(0, u.role().length() - 5) : u.role();
      if (role.isEmpty()) {
        throw new MalformedUpdateException(MalformedUpdateException.Kind.NO_FILENAME, "");
      }
      if (!RoleNames.isValid(role) || role.equals("timestamp")) {
        throw new MalformedUpdateException(MalformedUpdateException.Kind.INVALID_ROLE, role);
      }
      requireEnvelope(role, u.data());
      if (byRole.put(role, u.data()) != null) {
        throw new MalformedUpdateException(
            MalformedUpdateException.Kind.MALFORMED_UPLOAD, "role " + role + " uploaded twice");
      }
    }
    return byRole;
  }

  private static void requireEnvelope(String role, byte[] data) throws MalformedUpdateException {
    JsonObject env;
    try {
      env = JsonReader.parseObject(data);
    } catch (JsonSyntaxException e) {
      throw new MalformedUpdateException(
          MalformedUpdateException.Kind.MALFORMED_JSON, role + ": " + e.getMessage());
    }
    Optional<JsonValue> signed = env.get("signed");
    Optional<JsonValue> sigs = env.get("signatures");
    boolean ok =
        signed.isPresent()
            && signed.get() instanceof JsonObject s
            && s.has("_type")
            && s.has("version")
            && s.has("expires")
            && sigs.isPresent()
            && sigs.get() instanceof JsonArray;
    if (!ok) {
      throw new MalformedUpdateException(
          MalformedUpdateException.Kind.MALFORMED_JSON,
          role
              + ": expected {\"signed\":{\"_type\",\"version\",\"expires\",...},\"signatures\":[...]}");
    }
  }
}
