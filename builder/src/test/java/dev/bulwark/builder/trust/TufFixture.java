package dev.bulwark.builder.trust;

import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Hashes;
import dev.bulwark.trust.core.model.TargetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A TUF repository (the testkit simulator) written to disk, with image manifests signed under the
 * {@link TufTrustResolver} convention, and a resolver over it through file URLs.
 */
public final class TufFixture {
  public final RepositorySimulator sim;
  public final Path dir;

  public TufFixture(Path dir, Clock clock) {
    this.sim = new RepositorySimulator(clock);
    this.dir = dir;
  }

  /** Signs {@code reference} (normalised) as a manifest of {@code size} bytes with {@code hex}. */
  public TufFixture sign(String reference, String sha256Hex, long size) {
    TargetFile file =
        new TargetFile(
            size, new Hashes(Map.of("sha256", sha256Hex)), Optional.empty(), JsonObject.EMPTY);
    sim.addTarget("targets", reference, new byte[0], file);
    return this;
  }

  /** Publishes targets, snapshot and timestamp, and writes every file under {@link #dir}. */
  public TufFixture publish() throws IOException {
    sim.bumpTargets("targets");
    sim.updateSnapshot();
    for (String path : sim.paths()) {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.write(p, sim.peek(path).orElseThrow());
    }
    Files.write(rootFile(), sim.initialRoot());
    return this;
  }

  public Path rootFile() {
    return dir.resolve("root.json");
  }

  public Path metadataDir() {
    return dir.resolve("metadata");
  }

  public TufTrustResolver resolver(Path clientDir, Clock clock) throws TrustFailure {
    return TufTrustResolver.open(metadataDir().toUri(), rootFile(), clientDir, clock);
  }

  public static String hex(byte[] sha256) {
    return HexFormat.of().formatHex(sha256);
  }
}
