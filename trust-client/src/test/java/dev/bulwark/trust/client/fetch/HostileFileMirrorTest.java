package dev.bulwark.trust.client.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.TufRemoteLayout;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.TargetFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local ({@code file:}) mirror: role names and target paths chosen by the repository must not
 * make the client read files outside the mirror directory.
 */
class HostileFileMirrorTest {
  @TempDir Path dir;

  @Test
  void roleNameClimbingOutOfTheMirror_isNotRead() throws Exception {
    Path mirror = Files.createDirectories(dir.resolve("mirror/metadata"));
    Files.writeString(dir.resolve("secret.json"), "{\"secret\":1}");
    TufRemoteLayout layout = new TufRemoteLayout(mirror.toUri(), Optional.empty());
    URI uri = layout.metadata("../../secret", MetaFile.ofVersion(1), false);
    assertThat(uri.getRawPath()).endsWith("..%2F..%2Fsecret.json");
    assertThatThrownBy(() -> new FileFetcher().fetch(uri, 1000))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("'..'");
  }

  @Test
  void targetPathClimbingOutOfTheMirror_isNotRead() throws Exception {
    Path targets = Files.createDirectories(dir.resolve("mirror/targets"));
    Files.writeString(dir.resolve("passwd"), "root:x:0:0");
    TufRemoteLayout layout = new TufRemoteLayout(dir.toUri(), Optional.of(targets.toUri()));
    TargetFile file = TargetFile.of(new byte[10], Optional.empty());
    URI uri = layout.target("../../passwd", file, false).orElseThrow();
    assertThatThrownBy(() -> new FileFetcher().fetch(uri, 1000))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("'..'");
  }

  @Test
  void roleNameWithASlash_isStillReadFromTheMirror() throws Exception {
    Path mirror = Files.createDirectories(dir.resolve("mirror/metadata"));
    Files.createDirectories(mirror.resolve("a"));
    Files.writeString(mirror.resolve("a/b.json"), "{}");
    TufRemoteLayout layout = new TufRemoteLayout(mirror.toUri(), Optional.empty());
    URI uri = layout.metadata("a/b", MetaFile.ofVersion(1), false);
    assertThat(new FileFetcher().fetch(uri, 10)).asString().isEqualTo("{}");
  }
}
