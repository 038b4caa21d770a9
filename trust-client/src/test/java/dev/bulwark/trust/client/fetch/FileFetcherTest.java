package dev.bulwark.trust.client.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFetcherTest {
  @TempDir Path dir;

  @Test
  void existingFile_isRead() throws Exception {
    Path f = Files.writeString(dir.resolve("a.json"), "{}");
    assertThat(new FileFetcher().fetch(f.toUri(), 2)).asString().isEqualTo("{}");
  }

  @Test
  void missingFile_isRemoteNotFound() {
    assertThatThrownBy(() -> new FileFetcher().fetch(dir.resolve("nope").toUri(), 2))
        .isInstanceOf(RemoteNotFoundException.class);
  }

  @Test
  void fileLongerThanLimit_isRefused() throws Exception {
    Path f = Files.write(dir.resolve("big"), new byte[100_000]);
    assertThatThrownBy(() -> new FileFetcher().fetch(f.toUri(), 99_999))
        .isInstanceOf(LengthExceededException.class);
  }

  @Test
  void unsupportedScheme_isDownloadException() {
    assertThatThrownBy(() -> SchemeFetcher.standard().fetch(java.net.URI.create("ftp://x/y"), 1))
        .isInstanceOf(DownloadException.class)
        .hasMessageContaining("ftp");
  }
}
