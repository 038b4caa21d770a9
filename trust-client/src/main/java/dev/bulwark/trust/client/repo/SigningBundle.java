package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.keystore.KeystoreException;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed-but-unpublished targets roles that travel between signers for thresholds above 1 (what
 * Notary issue #841 never provided): one signer stages and exports, every other signer adds a
 * signature offline with {@link #cosign}, anyone publishes once every role meets its threshold. The
 * file is JSON: {@code {"gun":..,"roles":[{"name","threshold","keyids","keys","metadata"(base64 of
 * the exact bytes)}]}}. Nothing in it is trusted: publishing re-verifies every role against the
 * collection's current root and delegations.
 */
public record SigningBundle(Gun gun, List<Entry> roles) {
  public SigningBundle {
    roles = List.copyOf(roles);
  }

  /**
   * One role: its signed metadata and who may sign it (informational, for co-signers).
   *
   * @param metadata the role document with the signatures collected so far
   * @param threshold signatures needed
   * @param keys the authorised keys by key ID
   */
  public record Entry(
      Metadata<Targets> metadata, String name, int threshold, Map<String, Key> keys) {
    public Entry {
      keys = Map.copyOf(keys);
    }

    /** Distinct signing key IDs that are authorised. */
    public long signatures() {
      return metadata.signatures().stream()
          .map(s -> s.keyId())
          .filter(keys::containsKey)
          .distinct()
          .count();
    }
  }

  /** Whether every role has at least its threshold of authorised signatures. */
  public boolean complete() {
    return roles.stream().allMatch(e -> e.signatures() >= e.threshold());
  }

  /** Adds a signature by every authorised key this trust dir holds; returns how many were added. */
  public SigningBundle cosign(SigningKeys keys, List<String> added) throws RepoException {
    List<Entry> out = new ArrayList<>();
    for (Entry e : roles) {
      Metadata<Targets> md = e.metadata();
      List<SigningKey> signers;
      try {
        signers = keys.forKeys(List.copyOf(e.keys().values()));
      } catch (KeystoreException ex) {
        throw new RepoException("cannot co-sign " + e.name() + ": " + ex.getMessage(), ex);
      }
      for (SigningKey k : signers) {
        md = NotaryFiles.normalize(md.withSignature(k));
        added.add(e.name() + " by " + k.keyId());
      }
      out.add(new Entry(md, e.name(), e.threshold(), e.keys()));
    }
    return new SigningBundle(gun, out);
  }

  /** Writes the bundle (temporary file, then rename). */
  public void write(Path file) throws RepoException {
    List<JsonValue> list = new ArrayList<>();
    for (Entry e : roles) {
      JsonObject.Builder keys = JsonObject.builder();
      e.keys().forEach((id, k) -> keys.put(id, k.json()));
      list.add(
          JsonObject.builder()
              .put("name", e.name())
              .put("threshold", e.threshold())
              .put("keys", keys.build())
              .put("metadata", Base64.getEncoder().encodeToString(e.metadata().rawBytes()))
              .build());
    }
    byte[] json =
        CanonicalJson.encode(
            JsonObject.builder().put("gun", gun.name()).put("roles", new JsonArray(list)).build());
    try {
      Path abs = file.toAbsolutePath();
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), ".bundle-", ".tmp");
      Files.write(tmp, json);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ex) {
      throw new RepoException("cannot write signing bundle " + file + ": " + ex.getMessage(), ex);
    }
  }

  /** Reads a bundle file. */
  public static SigningBundle read(Path file) throws RepoException {
    try {
      JsonFields f =
          JsonFields.of(JsonReader.parseObject(Files.readAllBytes(file)), file.toString());
      List<Entry> entries = new ArrayList<>();
      JsonArray arr = f.array("roles");
      for (int i = 0; i < arr.size(); i++) {
        JsonFields r =
            JsonFields.of(
                JsonFields.asObject(arr.get(i), "roles[" + i + "]"), file + " roles[" + i + "]");
        Map<String, Key> keys = new LinkedHashMap<>();
        for (String id : r.object("keys").object().members().keySet()) {
          keys.put(
              id, Key.parse(Dialect.NOTARY, r.object("keys").object(id).object(), r.where("keys")));
        }
        byte[] raw = Base64.getDecoder().decode(r.string("metadata"));
        entries.add(
            new Entry(
                Metadata.parseTargets(Dialect.NOTARY, raw),
                r.string("name"),
                (int) r.integer("threshold", 1),
                keys));
      }
      return new SigningBundle(new Gun(f.string("gun")), entries);
    } catch (IOException e) {
      throw new RepoException("cannot read signing bundle " + file + ": " + e.getMessage(), e);
    } catch (MalformedMetadataException | IllegalArgumentException e) {
      throw new RepoException(file + " is not a valid signing bundle: " + e.getMessage(), e);
    }
  }
}
