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
import dev.bulwark.builder.trust.TufFixture;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.source.ImageSource;
import dev.bulwark.oci.source.LayoutImageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds whose trust block is resolved through a TUF repository (file URLs, on disk). */
class TufTrustBuildTest {
  private static final String YAML =
      TestImages.YAML + "trust:\n  org:\n    - test\n"; // covers all three images
  private final Clock clock = Clock.systemUTC();
  private final List<String> loads = new ArrayList<>();
  @TempDir Path dir;

  private TufFixture repoSigning(OciLayout layout, List<String> refs) throws Exception {
    TufFixture repo = new TufFixture(dir.resolve("tuf"), clock);
    for (String ref : refs) {
      Descriptor d = layout.lookup(ref).orElseThrow();
      repo.sign(ref, d.digest().hex(), d.size());
    }
    return repo.publish();
  }

  private BuildReport build(OciLayout layout, TufFixture repo, Clock at, Path out)
      throws Exception {
    LayoutImageSource real = new LayoutImageSource(layout);
    ImageSource counting =
        new ImageSource() {
          @Override
          public PinnedRef resolveUnverified(ImageReference ref) throws IOException, OciException {
            throw new AssertionError("a covered image was resolved unverified: " + ref);
          }

          @Override
          public Image load(PinnedRef ref, Platform platform) throws IOException, OciException {
            loads.add(ref.toString());
            return real.load(ref, platform);
          }
        };
    BuildConfig config = ConfigParser.parse("t.yml", YAML);
    BuildRequest req =
        new BuildRequest(
            config,
            Set.of(OutputFormat.TAR, OutputFormat.KERNEL_INITRD),
            out,
            "t",
            TrustPolicy.of(config.trust(), false),
            Optional.of(repo.resolver(dir.resolve("client"), at)),
            counting,
            Platform.LINUX_AMD64,
            work -> new InProcessExtractor(LayerLimits.DEFAULT),
            dir.resolve("work"));
    return new Builder(BuildProgress.QUIET).build(req);
  }

  private static final List<String> ALL =
      List.of(TestImages.KERNEL, TestImages.INIT, TestImages.SERVICE);

  @Test
  void signedImages_buildAndReportTufVerification() throws Exception {
    OciLayout layout = TestImages.create(dir.resolve("layout"));
    TufFixture repo = repoSigning(layout, ALL);
    BuildReport report = build(layout, repo, clock, dir.resolve("out"));

    assertThat(dir.resolve("out/t.tar")).exists();
    assertThat(dir.resolve("out/t-initrd.img")).exists();
    assertThat(report.images()).hasSize(3);
    assertThat(report.images())
        .allSatisfy(
            i -> {
              assertThat(i.verification().method()).isEqualTo("tuf");
              assertThat(i.verification().role()).isEqualTo("targets");
              assertThat(i.verification().keyIds()).hasSize(1);
            });
    String json =
        new String(
            dev.bulwark.builder.assemble.GoJson.indent(report.toMap()), StandardCharsets.UTF_8);
    assertThat(json).contains("tuf").contains(repo.sim.signers("targets").getFirst().keyId());
  }

  @Test
  void unsignedImage_isRefusedBeforeAnyPull_andNothingIsWritten() throws Exception {
    OciLayout layout = TestImages.create(dir.resolve("layout"));
    TufFixture repo = repoSigning(layout, List.of(TestImages.KERNEL, TestImages.INIT));
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> build(layout, repo, clock, out))
        .isInstanceOf(TrustFailure.class)
        .hasMessageStartingWith(TestImages.SERVICE + ": not signed");
    assertThat(loads).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void retaggedImage_stillBuildsTheSignedManifest_notTheNewTag() throws Exception {
    OciLayout layout = TestImages.create(dir.resolve("layout"));
    TufFixture repo = repoSigning(layout, ALL);
    Descriptor signedKernel = layout.lookup(TestImages.KERNEL).orElseThrow();
    layout.tag(TestImages.KERNEL, layout.lookup(TestImages.INIT).orElseThrow());
    BuildReport report = build(layout, repo, clock, dir.resolve("out"));
    assertThat(report.images().getFirst().digest()).isEqualTo(signedKernel.digest().toString());
  }

  @Test
  void tamperedManifestBlob_isRefusedAtPull_andNothingIsWritten() throws Exception {
    OciLayout layout = TestImages.create(dir.resolve("layout"));
    TufFixture repo = repoSigning(layout, ALL);
    Path blob = layout.blobPath(layout.lookup(TestImages.SERVICE).orElseThrow().digest());
    blob.toFile().setWritable(true);
    Files.write(
        blob, "\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    Path out = dir.resolve("out");
    OciLayout reopened = OciLayout.open(dir.resolve("layout")); // no digests verified yet
    assertThatThrownBy(() -> build(reopened, repo, clock, out))
        .isInstanceOf(BuildException.class)
        .hasMessageContaining(TestImages.SERVICE);
    assertThat(out).doesNotExist();
  }

  @Test
  void expiredTrustData_isRefusedBeforeAnyPull_andNothingIsWritten() throws Exception {
    OciLayout layout = TestImages.create(dir.resolve("layout"));
    TufFixture repo = repoSigning(layout, ALL);
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> build(layout, repo, Clock.offset(clock, Duration.ofDays(400)), out))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining("expired metadata");
    assertThat(loads).isEmpty();
    assertThat(out).doesNotExist();
  }
}
