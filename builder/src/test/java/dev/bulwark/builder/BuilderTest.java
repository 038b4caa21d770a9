package dev.bulwark.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.config.ConfigParser;
import dev.bulwark.builder.layer.InProcessExtractor;
import dev.bulwark.builder.layer.LayerLimits;
import dev.bulwark.builder.output.OutputFormat;
import dev.bulwark.builder.trust.TrustFailure;
import dev.bulwark.builder.trust.TrustPolicy;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.source.ImageSource;
import dev.bulwark.oci.source.LayoutImageSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderTest {
  @TempDir Path dir;

  private BuildReport build(
      ImageSource source,
      String yaml,
      Path out,
      TrustPolicy trust,
      Optional<dev.bulwark.builder.trust.TrustResolver> resolver)
      throws Exception {
    BuildConfig config = ConfigParser.parse("test.yml", yaml);
    BuildRequest req =
        new BuildRequest(
            config,
            Set.of(OutputFormat.TAR, OutputFormat.KERNEL_INITRD, OutputFormat.TAR_KERNEL_INITRD),
            out,
            "test",
            trust,
            resolver,
            source,
            Platform.LINUX_AMD64,
            work -> new InProcessExtractor(LayerLimits.DEFAULT),
            dir.resolve("work"));
    return new Builder(BuildProgress.QUIET).build(req);
  }

  private BuildReport build(Path out) throws Exception {
    ImageSource source = new LayoutImageSource(TestImages.create(dir.resolve("layout")));
    return build(
        source,
        TestImages.YAML,
        out,
        TrustPolicy.of(dev.bulwark.builder.config.TrustSpec.NONE, false),
        Optional.empty());
  }

  @Test
  void twoBuilds_areByteIdentical() throws Exception {
    build(dir.resolve("a"));
    build(dir.resolve("b"));
    for (String f :
        List.of("test.tar", "test-initrd.img", "test-kernel", "test-cmdline", "test-initrd.tar")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
  }

  @Test
  void tar_hasLinuxKitLayout() throws Exception {
    BuildReport report = build(dir.resolve("a"));
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    Map<String, String> text = new LinkedHashMap<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(Files.newInputStream(dir.resolve("a/test.tar")))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.put(e.getName(), e);
        assertThat(e.getExtraPaxHeader("LINUXKIT.source")).as(e.getName()).isNotNull();
        assertThat(e.getExtraPaxHeader("LINUXKIT.location")).as(e.getName()).isNotNull();
        if (e.getName().endsWith(".json") || e.getName().equals("boot/cmdline")) {
          text.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    List<String> names = new ArrayList<>(entries.keySet());
    assertThat(names.subList(0, 3)).containsExactly("boot/", "boot/cmdline", "boot/kernel");
    assertThat(text.get("boot/cmdline")).isEqualTo("console=ttyS0");
    assertThat(entries.get("etc/resolv.conf").getLinkName())
        .isEqualTo("/run/resolvconf/resolv.conf");
    assertThat(names)
        .contains(
            "containers/onboot/000-first/lower/bin/hello",
            "containers/services/hello/config.json",
            "containers/services/hello/runtime.json");
    assertThat(names).noneMatch(n -> n.startsWith("containers/services/hello/lower/"));
    String svc = text.get("containers/services/hello/config.json");
    assertThat(svc)
        .contains("\"/bin/hello\",\n            \"--label\"")
        .contains("GREETING=hi")
        .contains("CAP_SYS_ADMIN");
    assertThat(text.get("containers/services/hello/runtime.json"))
        .contains("lowerdir=/containers/onboot/000-first/lower");
    assertThat(report.images()).hasSize(3);
    assertThat(report.images()).allMatch(i -> i.verification().method().equals("unverified"));
  }

  @Test
  void initrd_isGzippedCpioWithoutBoot() throws Exception {
    build(dir.resolve("a"));
    byte[] gz = Files.readAllBytes(dir.resolve("a/test-initrd.img"));
    assertThat(gz[9]).isEqualTo((byte) 0xff);
    String cpio =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(),
            StandardCharsets.ISO_8859_1);
    assertThat(cpio)
        .startsWith("070701")
        .contains("etc/motd")
        .contains("TRAILER!!!")
        .doesNotContain("boot/kernel");
    assertThat(Files.readString(dir.resolve("a/test-kernel"))).isEqualTo("KERNEL-BYTES");
  }

  @Test
  void untrustedImage_stopsTheBuildBeforeAnyPull() throws Exception {
    LayoutImageSource real = new LayoutImageSource(TestImages.create(dir.resolve("layout")));
    List<String> loads = new ArrayList<>();
    ImageSource counting =
        new ImageSource() {
          @Override
          public PinnedRef resolveUnverified(ImageReference ref) throws IOException, OciException {
            return real.resolveUnverified(ref);
          }

          @Override
          public Image load(PinnedRef ref, Platform platform) throws IOException, OciException {
            loads.add(ref.toString());
            return real.load(ref, platform);
          }
        };
    String yaml = TestImages.YAML + "trust:\n  image:\n    - localhost:5000/test/hello\n";
    dev.bulwark.builder.trust.TrustResolver refuses =
        ref -> {
          throw new TrustFailure(ref + ": tag '1' is not signed");
        };
    Path out = dir.resolve("out");
    assertThatThrownBy(
            () ->
                build(
                    counting,
                    yaml,
                    out,
                    TrustPolicy.of(ConfigParser.parse("t.yml", yaml).trust(), false),
                    Optional.of(refuses)))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining("localhost:5000/test/hello:1: tag '1' is not signed");
    assertThat(loads).isEmpty();
    assertThat(out).doesNotExist();
  }
}
