package dev.bulwark.cli.demo;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TUF 1.0 repository with consistent snapshots written to a directory: {@code metadata/} ( {@code
 * N.root.json}, {@code timestamp.json}, {@code N.snapshot.json}, {@code N.targets.json}) and {@code
 * targets/} ({@code <sha256>.<name>}). One ed25519 key per top-level role. The demo signs plain
 * files and, for the build part, image manifests under their references ({@code
 * registry/repository:tag}, the convention of the builder's TUF trust resolver).
 */
final class LocalTufRepository {
  private static final String SPEC_VERSION = "1.0.31";
  private final Path metadataDir;
  private final Path targetsDir;
  private final Map<String, SigningKey> keys = new LinkedHashMap<>();

  LocalTufRepository(Path dir) {
    this.metadataDir = dir.resolve("metadata");
    this.targetsDir = dir.resolve("targets");
    for (String role : List.of("root", "targets", "snapshot", "timestamp")) {
      keys.put(role, SigningKey.generate(Dialect.TUF, KeyAlgorithm.ED25519));
    }
  }

  Path metadataDir() {
    return metadataDir;
  }

  Path targetsDir() {
    return targetsDir;
  }

  /** Writes version 1 of every role, signing {@code files} as the targets. */
  byte[] publish(Map<String, byte[]> files, Instant now) throws IOException {
    Files.createDirectories(metadataDir);
    Files.createDirectories(targetsDir);
    Instant expires = now.plus(Duration.ofDays(30));
    Map<String, TargetFile> targets = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      TargetFile tf = TargetFile.of(f.getValue(), Optional.empty());
      targets.put(f.getKey(), tf);
      writeTarget(f.getKey(), tf.hashes().hex().get("sha256"), f.getValue());
    }
    byte[] root = sign("root", rootRole(expires));
    write("1.root.json", root);
    write(
        "1.targets.json",
        sign(
            "targets",
            new Targets(
                1,
                expires,
                Optional.of(SPEC_VERSION),
                targets,
                Optional.empty(),
                JsonObject.EMPTY)));
    write(
        "1.snapshot.json",
        sign(
            "snapshot",
            new Snapshot(
                1,
                expires,
                Optional.of(SPEC_VERSION),
                Map.of("targets", MetaFile.ofVersion(1)),
                JsonObject.EMPTY)));
    write(
        "timestamp.json",
        sign(
            "timestamp",
            new Timestamp(
                1, expires, Optional.of(SPEC_VERSION), MetaFile.ofVersion(1), JsonObject.EMPTY)));
    return root;
  }

  // TUF 5.7.3 with consistent snapshots: the hash prefixes the last path component
  // (a target named like an image reference, "registry/repo:tag", lands in subdirectories).
  private void writeTarget(String name, String sha256, byte[] content) throws IOException {
    int slash = name.lastIndexOf('/');
    Path p =
        targetsDir.resolve(name.substring(0, slash + 1) + sha256 + "." + name.substring(slash + 1));
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  private Root rootRole(Instant expires) {
    Map<String, Key> keyMap = new LinkedHashMap<>();
    Map<String, Role> roles = new LinkedHashMap<>();
    for (Map.Entry<String, SigningKey> e : keys.entrySet()) {
      keyMap.put(e.getValue().keyId(), e.getValue().key());
      roles.put(e.getKey(), new Role(List.of(e.getValue().keyId()), 1));
    }
    return new Root(1, expires, Optional.of(SPEC_VERSION), true, keyMap, roles, JsonObject.EMPTY);
  }

  private byte[] sign(String role, dev.bulwark.trust.core.model.Signed signed) {
    return Metadata.sign(Dialect.TUF, signed, List.of(keys.get(role))).rawBytes();
  }

  private void write(String name, byte[] bytes) throws IOException {
    Files.write(metadataDir.resolve(name), bytes);
  }
}
