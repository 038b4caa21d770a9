package dev.bulwark.cli.demo;

import dev.bulwark.builder.BuildException;
import dev.bulwark.builder.BuildProgress;
import dev.bulwark.builder.BuildReport;
import dev.bulwark.builder.BuildRequest;
import dev.bulwark.builder.Builder;
import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.config.ConfigParser;
import dev.bulwark.builder.layer.ConfinedExtractor;
import dev.bulwark.builder.layer.Extractor;
import dev.bulwark.builder.layer.InProcessExtractor;
import dev.bulwark.builder.layer.LayerLimits;
import dev.bulwark.builder.output.OutputFormat;
import dev.bulwark.builder.trust.TrustPolicy;
import dev.bulwark.builder.trust.TufTrustResolver;
import dev.bulwark.builder.trust.Verification;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.source.LayoutImageSource;
import dev.bulwark.sandbox.Abi;
import dev.bulwark.sandbox.KernelSupport;
import dev.bulwark.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The build half of {@code bulwark demo}: images in an OCI layout, their tags signed in a local TUF
 * repository, a LinuxKit file with a {@code trust:} block, a real build, then two attacks refused.
 */
final class BuildDemo {
  private final PrintWriter out;
  private final Path work;
  private final Clock clock;
  private final Path layoutDir;
  private final Path trustDir;
  private final Path yaml;

  BuildDemo(PrintWriter out, Path work, Clock clock) {
    this.out = out;
    this.work = work;
    this.clock = clock;
    this.layoutDir = work.resolve("images");
    this.trustDir = work.resolve("image-trust");
    this.yaml = work.resolve("demo.yml");
  }

  /**
   * Runs steps 5-9; returns how many of the two attacks were refused, or -1 if the build failed.
   */
  int run() throws Exception {
    Map<String, Descriptor> images = DemoImages.create(OciLayout.open(layoutDir));
    out.printf("%n5. wrote 3 LinuxKit-style images into an OCI layout at %s%n", layoutDir);
    images.forEach((ref, d) -> out.printf("   %-32s %s%n", ref, d.digest()));
    sign(images);
    out.printf(
        "6. signed their tags in a TUF repository at %s%n"
            + "   (target = registry/repository:tag, length/sha256 = the image manifest)%n",
        trustDir);
    Files.writeString(yaml, DemoImages.yaml(DemoImages.HELLO));
    out.printf("7. wrote %s with a trust: block naming all three images%n", yaml);
    if (!goodBuild()) {
      return -1;
    }
    return tamperLayer() + unsignedImage();
  }

  private void sign(Map<String, Descriptor> images) throws Exception {
    OciLayout layout = OciLayout.open(layoutDir);
    Map<String, byte[]> manifests = new LinkedHashMap<>();
    for (Map.Entry<String, Descriptor> e : images.entrySet()) {
      manifests.put(e.getKey(), layout.readBlob(e.getValue()));
    }
    LocalTufRepository repo = new LocalTufRepository(trustDir);
    Files.write(trustDir.resolve("root.json"), repo.publish(manifests, clock.instant()));
  }

  private boolean goodBuild() throws Exception {
    Path outDir = work.resolve("out");
    long start = System.nanoTime();
    BuildReport report;
    try {
      report = build(yaml, outDir);
    } catch (BuildException e) {
      out.printf("8. !! the build of signed images failed: %s%n", e.getMessage());
      return false;
    }
    out.printf(
        "8. built tar and kernel+initrd in %d ms; layers flattened in: %s%n",
        (System.nanoTime() - start) / 1_000_000, report.extraction());
    for (BuildReport.ImageRecord i : report.images()) {
      Verification v = i.verification();
      out.printf(
          "   verified %-32s %s via %s role %s, key %s%n",
          i.reference(), i.digest(), v.method(), v.role(), shortKeys(v.keyIds()));
    }
    for (Path p : report.outputs()) {
      out.printf(
          "   output %-22s %8d bytes  sha256:%s%n", p.getFileName(), Files.size(p), sha256(p));
    }
    return true;
  }

  /** The attacker swaps the kernel image's layer blob in the layout for a backdoored kernel. */
  private int tamperLayer() throws Exception {
    OciLayout layout = OciLayout.open(layoutDir);
    Descriptor d = layout.lookup(DemoImages.KERNEL).orElseThrow();
    Path blob = layerBlob(layout, DemoImages.KERNEL, d);
    OciLayout scratch = OciLayout.open(work.resolve("attacker"));
    Descriptor evil =
        DemoImages.kernel(scratch, "a backdoored kernel")
            .platform(Platform.LINUX_AMD64)
            .writeManifest();
    Path evilLayer = layerBlob(scratch, "attacker.example/kernel:x", evil);
    Files.delete(blob);
    Files.copy(evilLayer, blob);
    out.printf(
        "%n9. an attacker replaced the layer of %s in the layout with a backdoored kernel%n",
        DemoImages.KERNEL);
    return refused(yaml, work.resolve("out-tampered"));
  }

  private static Path layerBlob(OciLayout layout, String ref, Descriptor d) throws Exception {
    PinnedRef pinned = new PinnedRef(ImageReference.parse(ref).withDigest(d.digest()), d.digest());
    return layout.loadImage(pinned, Platform.LINUX_AMD64).layers().getLast().blob();
  }

  /** The attacker publishes an unsigned tag and points the build file at it. */
  private int unsignedImage() throws Exception {
    String v2 = "localhost:5000/demo/hello:v2";
    OciLayout layout = OciLayout.open(layoutDir);
    layout.tag(
        v2,
        DemoImages.hello(layout, "echo unsigned").platform(Platform.LINUX_AMD64).writeManifest());
    Path edited = work.resolve("demo-unsigned.yml");
    Files.writeString(edited, DemoImages.yaml(v2));
    out.printf("%n10. an attacker pushed an unsigned %s and pointed the build file at it%n", v2);
    return refused(edited, work.resolve("out-unsigned"));
  }

  private int refused(Path file, Path outDir) throws Exception {
    try {
      build(file, outDir);
      out.println("   !! the build succeeded");
      return 0;
    } catch (BuildException e) {
      out.printf("   build refused: %s%n", e.getMessage());
      out.printf("   outputs written: %s%n", Files.exists(outDir) ? "YES" : "none");
      return Files.exists(outDir) ? 0 : 1;
    }
  }

  private BuildReport build(Path file, Path outDir) throws Exception {
    BuildConfig config = ConfigParser.parseFiles(List.of(file));
    BuildRequest req =
        new BuildRequest(
            config,
            Set.of(OutputFormat.TAR, OutputFormat.KERNEL_INITRD),
            outDir,
            "demo",
            TrustPolicy.of(config.trust(), false),
            java.util.Optional.of(
                TufTrustResolver.open(
                    trustDir.resolve("metadata").toUri(),
                    trustDir.resolve("root.json"),
                    work.resolve("builder-trust"),
                    clock)),
            new LayoutImageSource(OciLayout.open(layoutDir)),
            Platform.LINUX_AMD64,
            extractor(),
            work.resolve("build-work"));
    return new Builder(BuildProgress.QUIET).build(req);
  }

  private Function<Path, Extractor> extractor() {
    KernelSupport ks = Sandbox.kernelSupport();
    if (ks.abiVersion() < Abi.V7.version()) {
      out.printf(
          "   (Landlock ABI 7 unavailable: %s; flattening layers in-process instead)%n",
          ks.describe());
      return w -> new InProcessExtractor(LayerLimits.DEFAULT);
    }
    Path blobs = layoutDir.toAbsolutePath().normalize();
    return w -> new ConfinedExtractor(LayerLimits.DEFAULT, w, Set.of(blobs));
  }

  private static String shortKeys(List<String> ids) {
    return String.join(
        ",", ids.stream().map(k -> k.substring(0, Math.min(12, k.length()))).toList());
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(p)) {
      in.transferTo(
          new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md));
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
