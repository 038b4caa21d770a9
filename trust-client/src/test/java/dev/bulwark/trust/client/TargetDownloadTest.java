package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Hashes;
import dev.bulwark.trust.core.model.TargetFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TUF 5.7: fetching target files. */
class TargetDownloadTest {
  @TempDir Path dir;

  private static ClientFixture withTarget(Path dir, String path, String content) {
    ClientFixture f = new ClientFixture(dir);
    f.repo.addTarget("targets", path, content.getBytes(StandardCharsets.UTF_8));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    return f;
  }

  @Test
  void consistentSnapshot_fetchesHashPrefixedLastComponent() throws Exception {
    ClientFixture f = withTarget(dir, "a/b/c.txt", "content");
    Updater u = f.updater();
    TargetInfo t = u.findTarget("a/b/c.txt");
    Path out = u.download(t, f.targetDir.resolve("c"));
    assertThat(out).hasContent("content");
    String sha256 = t.file().hashes().hex().get("sha256");
    assertThat(f.repo.requests()).contains("targets/a/b/" + sha256 + ".c.txt");
  }

  @Test
  void withoutConsistentSnapshot_fetchesPlainPath() throws Exception {
    ClientFixture f = withTarget(dir, "a/c.txt", "content");
    f.repo.setConsistentSnapshot(false);
    f.repo.bumpRoot();
    Updater u = f.updater();
    u.download(u.findTarget("a/c.txt"), f.targetDir.resolve("c"));
    assertThat(f.repo.requests()).contains("targets/a/c.txt");
  }

  @Test
  void substitutedTarget_isRefusedAndNothingIsWritten() throws Exception {
    ClientFixture f = withTarget(dir, "file.txt", "good!");
    f.repo.tamper("targets/file.txt", b -> "evil!".getBytes(StandardCharsets.UTF_8));
    f.config = f.config.withPrefixTargetsWithHash(false);
    Updater u = f.updater();
    TargetInfo t = u.findTarget("file.txt");
    assertThatThrownBy(() -> u.download(t, f.targetDir.resolve("file.txt")))
        .isInstanceOf(HashMismatchException.class);
    try (var files = Files.list(f.targetDir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void longerTarget_isCutOffAtItsLength() throws Exception {
    ClientFixture f = withTarget(dir, "file.txt", "good");
    f.config = f.config.withPrefixTargetsWithHash(false);
    f.repo.tamper("targets/file.txt", b -> new byte[1_000_000]);
    Updater u = f.updater();
    TargetInfo t = u.findTarget("file.txt");
    assertThatThrownBy(() -> u.download(t, f.targetDir.resolve("file.txt")))
        .isInstanceOf(LengthExceededException.class);
    assertThat(f.targetDir.resolve("file.txt")).doesNotExist();
  }

  @Test
  void onlyUnknownHashAlgorithms_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    byte[] data = "x".getBytes(StandardCharsets.UTF_8);
    TargetFile odd =
        new TargetFile(1, new Hashes(Map.of("md7", "abcd")), Optional.empty(), JsonObject.EMPTY);
    f.repo.addTarget("targets", "x", data, odd);
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    Updater u = f.updater();
    TargetInfo t = u.findTarget("x");
    assertThatThrownBy(() -> u.download(t, f.targetDir.resolve("x")))
        .isInstanceOf(HashMismatchException.class);
  }

  @Test
  void cachedValidTarget_isFoundAndChangedOneIsNot() throws Exception {
    ClientFixture f = withTarget(dir, "file.txt", "v1");
    Updater u = f.updater();
    TargetInfo t = u.findTarget("file.txt");
    Path out = u.download(t, f.targetDir.resolve("file.txt"));
    assertThat(Updater.findCached(t, out)).hasValue(out);
    Files.writeString(out, "v2");
    assertThat(Updater.findCached(t, out)).isEmpty();
  }
}
