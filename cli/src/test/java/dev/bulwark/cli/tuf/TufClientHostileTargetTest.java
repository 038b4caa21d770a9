package dev.bulwark.cli.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arbitrary software installation through the target directory: a repository lists targets whose
 * paths climb out of {@code --target-dir}; {@code tuf-client download} must keep every file inside
 * it (TUF 5.7: the target path names a file, never a location on the client).
 */
class TufClientHostileTargetTest extends TufClientTestBase {
  private int download(String name) throws Exception {
    Path root = Files.write(dir.resolve("initial_root.json"), repo.initialRoot());
    Path md = dir.resolve("work/md");
    run("tuf-client", "--metadata-dir", md.toString(), "init", root.toString());
    return run(
        "tuf-client",
        "--metadata-dir",
        md.toString(),
        "--metadata-url",
        server.metadataUrl().toString(),
        "--target-name",
        name,
        "--target-base-url",
        server.targetsUrl().toString(),
        "--target-dir",
        dir.resolve("work/out/targets").toString(),
        "download");
  }

  private static List<Path> filesUnder(Path p) throws Exception {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../escape.txt",
        "../../escape.txt",
        "a/../../escape.txt",
        "/tmp/escape.txt",
        "..",
        ".",
        "%2E%2E%2Fescape.txt",
        "..\\escape.txt"
      })
  void targetPathClimbingOutOfTheTargetDir_staysInside(String name) throws Exception {
    repo.addTarget("targets", name, "payload".getBytes(StandardCharsets.UTF_8));
    repo.bumpTargets("targets");
    repo.updateSnapshot();
    int status = download(name);

    Path out = dir.resolve("work/out/targets");
    List<Path> written =
        filesUnder(dir.resolve("work")).stream()
            .filter(p -> !p.startsWith(dir.resolve("work/md")))
            .toList();
    assertThat(written).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(out));
    assertThat(written).hasSizeLessThanOrEqualTo(1);
    if (status == 0) {
      assertThat(written).hasSize(1);
      assertThat(written.getFirst().getFileName().toString())
          .doesNotContain("/")
          .isNotIn(".", "..");
      assertThat(written.getFirst()).hasContent("payload");
    }
  }

  @Test
  void dotNames_getEncodedDots() throws Exception {
    assertThat(TufClientRequest.localFileName(".")).isEqualTo("%2E");
    assertThat(TufClientRequest.localFileName("..")).isEqualTo("%2E%2E");
    assertThat(TufClientRequest.localFileName("...")).isEqualTo("...");
    assertThat(TufClientRequest.localFileName("../x")).isEqualTo("..%2Fx");
    assertThatThrownBy(() -> TufClientRequest.localFileName(""))
        .isInstanceOf(TufClientRequest.UsageException.class);
  }

  @Test
  void dotDotTarget_isDownloadedInsideTheTargetDir() throws Exception {
    repo.addTarget("targets", "..", "payload".getBytes(StandardCharsets.UTF_8));
    repo.bumpTargets("targets");
    repo.updateSnapshot();
    repo.put("targets/..", "payload".getBytes(StandardCharsets.UTF_8));
    int status = download("..");
    assertThat(status).as(err.toString()).isZero();
    assertThat(dir.resolve("work/out/targets/%2E%2E")).hasContent("payload");
  }
}
