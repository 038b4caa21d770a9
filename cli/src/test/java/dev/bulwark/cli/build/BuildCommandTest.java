package dev.bulwark.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.Main;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path layout() throws Exception {
    OciLayout layout = OciLayout.open(dir.resolve("images"));
    byte[] k =
        new LayerTarBuilder().file("kernel", 0644, "K".getBytes(StandardCharsets.UTF_8)).build();
    layout.tag(
        "localhost:5000/t/kernel:1",
        OciImageWriter.into(layout).layer(k).platform(Platform.LINUX_AMD64).writeManifest());
    byte[] i =
        new LayerTarBuilder()
            .file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8))
            .build();
    layout.tag(
        "localhost:5000/t/init:1",
        OciImageWriter.into(layout).layer(i).platform(Platform.LINUX_AMD64).writeManifest());
    return dir.resolve("images");
  }

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("demo.yml"), text);
  }

  @Test
  void buildFromLayout_writesOutputsAndJsonReport() throws Exception {
    Path images = layout();
    Path yml =
        yaml(
            "kernel:\n  image: localhost:5000/t/kernel:1\n  tar: none\ninit:\n  - localhost:5000/t/init:1\n");
    Run r =
        run(
            "build",
            "--layout",
            images.toString(),
            "--dir",
            dir.resolve("out").toString(),
            "--no-sandbox",
            "--json",
            "-f",
            "kernel+initrd,tar",
            yml.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"method\": \"unverified\"").contains("demo-initrd.img");
    assertThat(dir.resolve("out/demo.tar")).exists();
    assertThat(dir.resolve("out/demo-kernel")).hasContent("K");
  }

  @Test
  void misspelledField_failsWithLine() throws Exception {
    Path yml = yaml("init:\n  - a/b:1\nonbot: []\n");
    Run r = run("build", "--layout", dir.toString(), yml.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("demo.yml:3:1: unknown field 'onbot'")
        .contains("did you mean 'onboot'");
  }

  @Test
  void trustBlockWithoutServer_failsBeforePulling() throws Exception {
    Path images = layout();
    Path yml = yaml("init:\n  - localhost:5000/t/init:1\ntrust:\n  org: [t]\n");
    Run r =
        run(
            "build",
            "--layout",
            images.toString(),
            "--dir",
            dir.resolve("out").toString(),
            "-f",
            "tar",
            yml.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("localhost:5000/t/init:1: the trust block covers this image");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void unknownFormat_isAUsageError() throws Exception {
    Path yml = yaml("init: []\n");
    Run r = run("build", "-f", "iso-efi", yml.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unsupported output format 'iso-efi'");
  }
}
