package dev.bulwark.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.Main;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.layout.OciLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark build --trust-tuf-url/--trust-tuf-root} on the demo's images. */
class BuildWithTufTrustTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private Map<String, Descriptor> signImages(boolean signHello) throws Exception {
    OciLayout layout = OciLayout.open(dir.resolve("images"));
    Map<String, Descriptor> images = DemoImages.create(layout);
    Map<String, byte[]> manifests = new LinkedHashMap<>();
    for (Map.Entry<String, Descriptor> e : images.entrySet()) {
      if (signHello || !e.getKey().equals(DemoImages.HELLO)) {
        manifests.put(e.getKey(), layout.readBlob(e.getValue()));
      }
    }
    LocalTufRepository repo = new LocalTufRepository(dir.resolve("tuf"));
    Files.write(dir.resolve("root.json"), repo.publish(manifests, Instant.now()));
    Files.writeString(dir.resolve("demo.yml"), DemoImages.yaml(DemoImages.HELLO));
    return images;
  }

  private int build() {
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(
        "build",
        "-f",
        "tar",
        "--json",
        "--no-sandbox",
        "--dir",
        dir.resolve("out").toString(),
        "--layout",
        dir.resolve("images").toString(),
        "--trust-tuf-url",
        dir.resolve("tuf/metadata").toString(),
        "--trust-tuf-root",
        dir.resolve("root.json").toString(),
        "--trust-dir",
        dir.resolve("trust").toString(),
        "--work-dir",
        dir.resolve("work").toString(),
        dir.resolve("demo.yml").toString());
  }

  @Test
  void signedImages_build_andTheJsonReportSaysTuf() throws Exception {
    Map<String, Descriptor> images = signImages(true);
    assertThat(build()).as(err.toString()).isZero();
    assertThat(dir.resolve("out/demo.tar")).isNotEmptyFile();
    assertThat(out.toString())
        .contains("\"method\": \"tuf\"")
        .contains("\"role\": \"targets\"")
        .contains(images.get(DemoImages.HELLO).digest().toString());
  }

  @Test
  void unsignedImage_failsWithOneLine_andWritesNothing() throws Exception {
    signImages(false);
    assertThat(build()).isEqualTo(1);
    assertThat(err.toString()).contains(DemoImages.HELLO + ": not signed");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void tufUrlWithoutRoot_isAUsageError() throws Exception {
    signImages(true);
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    int code =
        cl.execute(
            "build",
            "--layout",
            dir.resolve("images").toString(),
            "--trust-tuf-url",
            dir.resolve("tuf/metadata").toString(),
            dir.resolve("demo.yml").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--trust-tuf-url and --trust-tuf-root go together");
  }
}
