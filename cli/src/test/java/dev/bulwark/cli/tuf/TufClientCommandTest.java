package dev.bulwark.cli.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance protocol end to end: real HTTP on loopback, real files. */
class TufClientCommandTest extends TufClientTestBase {
  private int init() throws Exception {
    Path root = Files.write(dir.resolve("initial_root.json"), repo.initialRoot());
    return run(
        "tuf-client", "--metadata-dir", dir.resolve("md").toString(), "init", root.toString());
  }

  private List<String> common() {
    return new ArrayList<>(
        List.of(
            "tuf-client",
            "--metadata-dir",
            dir.resolve("md").toString(),
            "--metadata-url",
            server.metadataUrl().toString()));
  }

  private int download(String... names) {
    List<String> args = common();
    for (String n : names) {
      args.addAll(List.of("--target-name", n));
    }
    args.addAll(
        List.of(
            "--target-base-url",
            server.targetsUrl().toString(),
            "--target-dir",
            dir.resolve("out").toString(),
            "download"));
    return run(args.toArray(String[]::new));
  }

  @Test
  void initThenRefresh_succeedsAndStoresReceivedBytes() throws Exception {
    assertThat(init()).isZero();
    List<String> args = common();
    args.add("refresh");
    assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("md/timestamp.json")))
        .isEqualTo(repo.peek("metadata/timestamp.json").orElseThrow());
    assertThat(repo.metadataRequests())
        .containsExactly("2.root.json", "timestamp.json", "1.snapshot.json", "1.targets.json");
  }

  @Test
  void download_fetchesHashPrefixedTarget_andSkipsItWhenCached() throws Exception {
    repo.addTarget("targets", "dir/file.txt", "hello".getBytes(StandardCharsets.UTF_8));
    repo.bumpTargets("targets");
    repo.updateSnapshot();
    assertThat(init()).isZero();
    assertThat(download("dir/file.txt")).as(err.toString()).isZero();
    assertThat(dir.resolve("out/dir%2Ffile.txt")).hasContent("hello");
    assertThat(repo.requests()).anyMatch(p -> p.matches("targets/dir/[0-9a-f]{64}\\.file\\.txt"));
    repo.clearRequests();
    assertThat(download("dir/file.txt")).isZero();
    assertThat(repo.requests()).noneMatch(p -> p.startsWith("targets/"));
  }

  @Test
  void missingTarget_exitsOne() throws Exception {
    assertThat(init()).isZero();
    assertThat(download("nope")).isEqualTo(1);
    assertThat(err.toString()).contains("nope");
  }

  @Test
  void usageErrors_exitOne() {
    assertThat(run("tuf-client")).isEqualTo(1);
    assertThat(run("tuf-client", "--metadata-dir", "x", "frobnicate")).isEqualTo(1);
    assertThat(run("tuf-client", "--bogus", "refresh")).isEqualTo(1);
    assertThat(run("tuf-client", "--metadata-dir", "x", "refresh")).isEqualTo(1);
    assertThat(run("tuf-client", "--metadata-dir")).isEqualTo(1);
  }

  @Test
  void refreshWithUnsignedRoot_exitsOneWithoutRequests() throws Exception {
    Path root =
        Files.writeString(
            dir.resolve("initial_root.json"),
            new String(repo.initialRoot(), StandardCharsets.UTF_8)
                .replaceFirst("\"sig\":\"[0-9a-f]{8}", "\"sig\":\"00000000"));
    assertThat(
            run(
                "tuf-client",
                "--metadata-dir",
                dir.resolve("md").toString(),
                "init",
                root.toString()))
        .isZero();
    List<String> args = common();
    args.add("refresh");
    assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
    assertThat(repo.requests()).isEmpty();
  }
}
