package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Staged changes of one collection, in Notary's layout: {@code
 * <trustDir>/tuf/<gun>/changelist/<zero-padded unix nanos>_<uuid>.change}, applied in file-name
 * order by the next publish and cleared only after the server accepted it.
 */
public final class Changelist {
  private final Path dir;
  private final Clock clock;

  public Changelist(Path trustDir, Gun gun, Clock clock) {
    this.dir = trustDir.resolve("tuf").resolve(gun.name()).resolve("changelist");
    this.clock = clock;
  }

  /** The staged changes, oldest first. */
  public List<Change> list() throws RepoException {
    List<Change> out = new ArrayList<>();
    for (Path f : files()) {
      out.add(read(f));
    }
    return out;
  }

  /** Stages a change (written to a temporary file, then renamed into place). */
  public void add(Change change) throws RepoException {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    List<Path> existing = files();
    if (!existing.isEmpty()) {
      // File names order the changes: never go backwards, even with a coarse or fixed clock.
      String last = existing.getLast().getFileName().toString();
      nanos = Math.max(nanos, Long.parseLong(last.substring(0, last.indexOf('_'))) + 1);
    }
    String name = String.format("%020d_%s.change", nanos, UUID.randomUUID());
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".tmp-", ".change");
      try {
        Files.write(tmp, CanonicalJson.encode(toJson(change)));
        try {
          Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dir.resolve(name));
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new RepoException("cannot stage change in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Drops every staged change. */
  public void clear() throws RepoException {
    for (Path f : files()) {
      delete(f);
    }
  }

  /** Drops the changes at these 0-based positions of {@link #list()}. */
  public void remove(Set<Integer> positions) throws RepoException {
    List<Path> files = files();
    for (int p : positions) {
      if (p < 0 || p >= files.size()) {
        throw new RepoException(
            "no staged change number " + p + " (there are " + files.size() + ", numbered from 0)");
      }
    }
    for (int p : positions) {
      delete(files.get(p));
    }
  }

  private List<Path> files() throws RepoException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".change"))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new RepoException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path f) throws RepoException {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      throw new RepoException("cannot delete " + f + ": " + e.getMessage(), e);
    }
  }

  static JsonObject toJson(Change c) {
    return JsonObject.builder()
        .put("action", c.action())
        .put("role", c.role())
        .put("type", c.type())
        .put("path", c.path())
        .put("data", Base64.getEncoder().encodeToString(c.data()))
        .build();
  }

  private static Change read(Path f) throws RepoException {
    try {
      JsonFields j = JsonFields.of(JsonReader.parseObject(Files.readAllBytes(f)), f.toString());
      byte[] data = j.has("data") ? Base64.getDecoder().decode(j.string("data")) : new byte[0];
      return new Change(
          j.string("action"), j.string("role"), j.string("type"), j.string("path"), data);
    } catch (IOException e) {
      throw new RepoException("cannot read " + f + ": " + e.getMessage(), e);
    } catch (MalformedMetadataException | IllegalArgumentException e) {
      throw new RepoException(f + ": not a valid change file (" + e.getMessage() + ")", e);
    }
  }
}
