package dev.bulwark.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.config.ConfigParser;
import dev.bulwark.builder.layer.ConfinedExtractor;
import dev.bulwark.builder.layer.LayerLimits;
import dev.bulwark.builder.output.OutputFormat;
import dev.bulwark.builder.trust.NotaryTrustResolver;
import dev.bulwark.builder.trust.TrustFailure;
import dev.bulwark.builder.trust.TrustPolicy;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.ImageConfig;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.registry.RegistryClient;
import dev.bulwark.oci.source.RegistryImageSource;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import dev.bulwark.testkit.registry.LocalRegistry;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.NotaryTrustDir;
import dev.bulwark.trust.client.notary.TrustPinning;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real things: images pushed by Bulwark's registry client to Debian's
 * docker-registry, their tags signed with the real notary client in a real notary-server, built
 * with trust into kernel+initrd, booted by qemu (TCG) until the service prints its marker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootIT {
  static final String MARKER = "BULWARK-E2E-MARKER";
  static final String INIT_SCRIPT =
      """
      #!/bin/busybox sh
      B=/bin/busybox
      $B mount -t proc proc /proc
      $B mount -t sysfs sysfs /sys
      echo "bulwark-init: running containers"
      IFS='
      '
      for b in /containers/onboot/* /containers/services/*; do
        [ -f "$b/config.json" ] || continue
        lower=$($B sed -n 's/.*"lowerdir=\\([^"]*\\)".*/\\1/p' "$b/runtime.json")
        args=$($B sed -n '/"args": \\[/,/\\]/p' "$b/config.json" | $B sed -n 's/^ *"\\(.*\\)",\\{0,1\\}$/\\1/p')
        envs=$($B sed -n '/"env": \\[/,/\\]/p' "$b/config.json" | $B sed -n 's/^ *"\\(.*\\)",\\{0,1\\}$/\\1/p')
        $B env -i $envs $B chroot "$lower" $args
      done
      $B poweroff -f
      """;

  @TempDir static Path dir;
  LocalRegistry registry;
  NotaryServerProcess notary;
  NotaryCli signer;
  OciLayout layout;

  @BeforeAll
  void start() throws Exception {
    Prerequisites.check();
    registry = LocalRegistry.start();
    notary = NotaryServerProcess.start(dir.resolve("notary"), Storage.memory());
    signer = notary.client(dir.resolve("signer"));
    layout = OciLayout.open(dir.resolve("images"));
    byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
    byte[] kernel = Files.readAllBytes(Prerequisites.kernel());
    push(
        "test/kernel:1",
        new LayerTarBuilder().file("kernel", 0644, kernel).build(),
        Map.of(),
        true);
    push(
        "test/init:1",
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/busybox", 0755, busybox)
            .file("init", 0755, INIT_SCRIPT.getBytes(StandardCharsets.UTF_8))
            .build(),
        Map.of(),
        true);
    String label = "{\"command\":[\"/bin/sh\",\"-c\",\"echo " + MARKER + " $GREETING\"]}";
    byte[] svc =
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/busybox", 0755, busybox)
            .symlink("bin/sh", "busybox")
            .build();
    push("test/hello:1", svc, Map.of(ImageConfig.MOBY_CONFIG_LABEL, label), true);
    push("test/unsigned:1", svc, Map.of(), false);
  }

  @AfterAll
  void stop() {
    if (notary != null) {
      notary.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private Descriptor push(String name, byte[] layer, Map<String, String> labels, boolean sign)
      throws Exception {
    OciImageWriter w = OciImageWriter.into(layout).layer(layer).platform(Platform.LINUX_AMD64);
    labels.forEach(w::label);
    Descriptor d = w.writeManifest();
    ImageReference ref = ImageReference.parse(registry.host() + "/" + name);
    RegistryClient.builder().build().push(layout, d, ref);
    if (sign) {
      String gun = ref.name();
      if (signer.run("list", gun).exitCode() != 0) {
        signer.runOk("init", "-p", gun);
      }
      signer.runOk(
          "addhash",
          gun,
          ref.tag().orElseThrow(),
          Long.toString(d.size()),
          "--sha256",
          d.digest().hex(),
          "-p");
    }
    return d;
  }

  private String yaml(String extraOnboot) {
    String h = registry.host();
    return """
        kernel:
          image: %1$s/test/kernel:1
          cmdline: "console=ttyS0 panic=-1 quiet"
          tar: none
        init:
          - %1$s/test/init:1
        onboot:
        %2$s
        services:
          - name: hello
            image: %1$s/test/hello:1
            env:
              - GREETING=from-yaml
        trust:
          org:
            - test
        """
        .formatted(h, extraOnboot);
  }

  private BuildReport build(String yaml, Path out, Path cache, Clock clock) throws Exception {
    BuildConfig config = ConfigParser.parse("boot.yml", yaml);
    NotaryRemote remote =
        new NotaryRemote(
            new NotaryLayout(notary.url()),
            new NotaryHttpFetcher(NotaryTls.withCa(notary.caCert()), Duration.ofSeconds(20)));
    Path trustDir = Files.createTempDirectory(dir, "trust");
    NotaryReader reader =
        new NotaryReader(remote, TrustPinning.tofu(), clock, g -> new NotaryTrustDir(trustDir, g));
    OciLayout cacheLayout = OciLayout.open(cache);
    BuildRequest req =
        new BuildRequest(
            config,
            Set.of(OutputFormat.KERNEL_INITRD),
            out,
            "boot",
            TrustPolicy.of(config.trust(), false),
            Optional.of(new NotaryTrustResolver(reader, notary.url().toString())),
            new RegistryImageSource(RegistryClient.builder().build(), cacheLayout),
            Platform.LINUX_AMD64,
            work ->
                new ConfinedExtractor(LayerLimits.DEFAULT, work, Set.of(cache.toAbsolutePath())),
            dir.resolve("work"));
    return new Builder(BuildProgress.QUIET).build(req);
  }

  @Test
  void signedImages_buildAndBoot() throws Exception {
    Path out = dir.resolve("out-ok");
    BuildReport report = build(yaml("  []"), out, dir.resolve("cache-ok"), Clock.systemUTC());
    assertThat(report.images())
        .hasSize(3)
        .allSatisfy(
            i -> {
              assertThat(i.verification().method()).isEqualTo("notary");
              assertThat(i.verification().role()).isEqualTo("targets");
              assertThat(i.verification().keyIds()).isNotEmpty();
            });
    assertThat(report.extraction()).startsWith("landlock");
    String console =
        boot(
            out.resolve("boot-kernel"),
            out.resolve("boot-initrd.img"),
            Files.readString(out.resolve("boot-cmdline")));
    assertThat(console).contains(MARKER + " from-yaml");
  }

  @Test
  void unsignedImage_failsBeforeAnyPull_andWritesNothing() throws Exception {
    Path out = dir.resolve("out-unsigned");
    Path cache = dir.resolve("cache-unsigned");
    String onboot = "  - name: unsigned\n    image: " + registry.host() + "/test/unsigned:1";
    assertThatThrownBy(() -> build(yaml(onboot), out, cache, Clock.systemUTC()))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining(registry.host() + "/test/unsigned:1");
    assertThat(out).doesNotExist();
    try (var blobs = Files.walk(cache)) {
      assertThat(blobs.filter(p -> p.toString().contains("/blobs/sha256/"))).isEmpty();
    }
  }

  @Test
  void expiredSignature_failsWithAClearMessage_andWritesNothing() throws Exception {
    Path out = dir.resolve("out-expired");
    Clock future = Clock.fixed(Instant.now().plus(Duration.ofDays(365 * 12)), ZoneOffset.UTC);
    assertThatThrownBy(() -> build(yaml("  []"), out, dir.resolve("cache-expired"), future))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining("/test/kernel:1")
        .hasMessageContaining("expired");
    assertThat(out).doesNotExist();
  }

  @Test
  void imageTamperedInTheRegistry_failsTheBuild_andWritesNothing() throws Exception {
    String tamperedName = "test/tampered:1";
    byte[] layer =
        new LayerTarBuilder()
            .file("bin/x", 0755, "original".getBytes(StandardCharsets.UTF_8))
            .build();
    Descriptor manifest = push(tamperedName, layer, Map.of(), true);
    Path blob = registry.blobData(manifest.digest().hex());
    String json = Files.readString(blob);
    Files.writeString(blob, json.replace("\"schemaVersion\":2", "\"schemaVersion\": 2"));
    assertThat(Files.readString(blob)).isNotEqualTo(json);
    Path out = dir.resolve("out-tampered");
    String onboot = "  - name: tampered\n    image: " + registry.host() + "/" + tamperedName;
    assertThatThrownBy(
            () -> build(yaml(onboot), out, dir.resolve("cache-tampered"), Clock.systemUTC()))
        .isInstanceOf(BuildException.class)
        .hasMessageContaining(registry.host() + "/" + tamperedName);
    assertThat(out).doesNotExist();
  }

  /** Boots under qemu TCG; returns the console output up to the marker (or fails after 150 s). */
  static String boot(Path kernel, Path initrd, String cmdline) throws Exception {
    Process q =
        new ProcessBuilder(
                "qemu-system-x86_64",
                "-machine",
                "accel=tcg",
                "-m",
                "512",
                "-nographic",
                "-no-reboot",
                "-kernel",
                kernel.toString(),
                "-initrd",
                initrd.toString(),
                "-append",
                cmdline)
            .redirectErrorStream(true)
            .start();
    StringBuilder console = new StringBuilder();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(q.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                      synchronized (console) {
                        console.append(line).append('\n');
                      }
                    }
                  } catch (java.io.IOException ignored) {
                    // qemu went away
                  }
                });
    boolean exited = q.waitFor(150, TimeUnit.SECONDS);
    if (!exited) {
      q.destroyForcibly();
    }
    reader.join(5000);
    synchronized (console) {
      if (!console.toString().contains(MARKER)) {
        throw new AssertionError(
            "no marker on the console (exited=" + exited + "):\n" + tail(console.toString()));
      }
      return console.toString();
    }
  }

  private static String tail(String s) {
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** Missing tools fail the test loudly, never skip it. */
  static final class Prerequisites {
    static void check() {
      for (String bin :
          List.of(
              "/usr/bin/qemu-system-x86_64",
              "/bin/busybox",
              "/usr/bin/docker-registry",
              "/usr/bin/notary-server")) {
        if (!Files.isExecutable(Path.of(bin))) {
          throw new IllegalStateException(
              bin + " is missing: install the packages in scripts/lib.sh");
        }
      }
      kernel();
    }

    static Path kernel() {
      String k = System.getenv("BULWARK_TEST_KERNEL");
      if (k == null || !Files.isRegularFile(Path.of(k))) {
        throw new IllegalStateException(
            "BULWARK_TEST_KERNEL is not set to a kernel: run `source scripts/lib.sh; bulwark_fetch_kernel`");
      }
      return Path.of(k);
    }
  }
}
