package dev.bulwark.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.oci.registry.RegistryClient;
import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.testkit.registry.LocalRegistry;
import dev.bulwark.trust.server.TrustServer;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.TlsConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on Bulwark's own parts, through the shipped CLI jar in child processes: `bulwark
 * server` code (in-process TrustServer, H2, TLS) holds the signatures, `bulwark trust` signs the
 * tags of images pushed to the real docker-registry, `bulwark build` resolves them through the
 * server and pulls by digest. Refusals: an unsigned tag, and a tag re-pointed in the registry (the
 * build keeps the signed digest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnStackBuildIT {
  private static final String PASS = "own-stack-passphrase";

  @TempDir static Path dir;
  TrustServer server;
  LocalRegistry registry;
  TlsMaterial tls;
  URI url;
  OciLayout images;
  final Map<String, Descriptor> pushed = new java.util.HashMap<>();

  @BeforeAll
  void start() throws Exception {
    tls = Certs.generate(dir.resolve("tls"));
    server =
        TrustServer.start(
            ServerConfig.defaults(dir.resolve("data"))
                .withPort(0)
                .withTls(new TlsConfig(tls.leafCert(), tls.leafKey(), null)));
    url = URI.create("https://127.0.0.1:" + server.port());
    registry = LocalRegistry.start();
    images = OciLayout.open(dir.resolve("images"));
    byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
    push("own/kernel:1", new LayerTarBuilder().file("kernel", 0644, bytes("not a kernel")).build());
    push(
        "own/init:1",
        new LayerTarBuilder()
            .directory("bin", 0755)
            .file("bin/busybox", 0755, busybox)
            .file("init", 0755, bytes("#!/bin/busybox sh\n"))
            .build());
    push("own/hello:1", new LayerTarBuilder().file("hello.txt", 0644, bytes("signed\n")).build());
    push("own/unsigned:1", new LayerTarBuilder().file("x.txt", 0644, bytes("unsigned\n")).build());
    for (String image : List.of("own/kernel:1", "own/init:1", "own/hello:1")) {
      sign(image);
    }
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void push(String name, byte[] layer) throws Exception {
    Descriptor d =
        OciImageWriter.into(images).layer(layer).platform(Platform.LINUX_AMD64).writeManifest();
    RegistryClient.builder()
        .build()
        .push(images, d, ImageReference.parse(registry.host() + "/" + name));
    pushed.put(name, d);
  }

  private void sign(String image) throws Exception {
    String gun = registry.host() + "/" + image.substring(0, image.indexOf(':'));
    String tag = image.substring(image.indexOf(':') + 1);
    Descriptor d = pushed.get(image);
    ok(trust("init", gun));
    ok(trust("add", gun, tag, "--sha256", d.digest().hex(), "--size", Long.toString(d.size())));
    ok(trust("publish", gun));
  }

  private Run trust(String... args) throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of(
                "trust",
                "-s",
                url.toString(),
                "--tlscacert",
                tls.caCert().toString(),
                "-d",
                dir.resolve("signer").toString(),
                "-c",
                emptyConfig().toString()));
    all.addAll(List.of(args));
    return bulwark(all);
  }

  private Run build(String name, String services) throws Exception {
    Path yaml = dir.resolve(name + ".yml");
    String h = registry.host();
    Files.writeString(
        yaml,
        """
        kernel:
          image: %1$s/own/kernel:1
          cmdline: "console=ttyS0"
          tar: none
        init:
          - %1$s/own/init:1
        services:
        %2$s
        trust:
          org:
            - own
        """
            .formatted(h, services));
    return bulwark(
        List.of(
            "build",
            "-f",
            "tar",
            "--name",
            name,
            "--dir",
            dir.resolve("out-" + name).toString(),
            "--cache",
            dir.resolve("cache-" + name).toString(),
            "--work-dir",
            dir.resolve("work-" + name).toString(),
            "--trust-server",
            url.toString(),
            "--trust-ca",
            tls.caCert().toString(),
            "--trust-dir",
            dir.resolve("trust-" + name).toString(),
            "--json",
            yaml.toString()));
  }

  private static String service(String name, String image) {
    return "  - name: " + name + "\n    image: " + image;
  }

  @Test
  void signedImages_resolveThroughBulwarksServer_andBuild() throws Exception {
    Run r = build("ok", service("hello", registry.host() + "/own/hello:1"));

    ok(r);
    assertThat(r.out())
        .contains("\"method\": \"notary\"")
        .contains(pushed.get("own/hello:1").digest().toString())
        .contains(pushed.get("own/kernel:1").digest().toString());
    assertThat(dir.resolve("out-ok/ok.tar")).isNotEmptyFile();
  }

  @Test
  void unsignedImage_failsBeforeAnyPull_andWritesNothing() throws Exception {
    Run r = build("unsigned", service("evil", registry.host() + "/own/unsigned:1"));

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("own/unsigned");
    assertThat(dir.resolve("out-unsigned"))
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void tagRepointedInTheRegistry_buildStillUsesTheSignedDigest() throws Exception {
    Descriptor signed = pushed.get("own/hello:1");
    Descriptor other =
        OciImageWriter.into(images)
            .layer(new LayerTarBuilder().file("hello.txt", 0644, bytes("swapped\n")).build())
            .platform(Platform.LINUX_AMD64)
            .writeManifest();
    RegistryClient.builder()
        .build()
        .push(images, other, ImageReference.parse(registry.host() + "/own/hello:1"));

    Run r = build("repointed", service("hello", registry.host() + "/own/hello:1"));

    ok(r);
    assertThat(r.out())
        .contains(signed.digest().toString())
        .doesNotContain(other.digest().toString());
    // restore for other tests
    RegistryClient.builder()
        .build()
        .push(images, signed, ImageReference.parse(registry.host() + "/own/hello:1"));
  }

  // --- running the shipped CLI jar ---

  record Run(int exit, String out, String err) {}

  private static void ok(Run r) {
    assertThat(r.exit()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isZero();
  }

  private Run bulwark(List<String> args) throws Exception {
    Path jar = Path.of("target", "bulwark.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the package phase first");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("BULWARK_ROOT_PASSPHRASE", PASS);
    pb.environment().put("BULWARK_TARGETS_PASSPHRASE", PASS);
    pb.environment().put("BULWARK_SNAPSHOT_PASSPHRASE", PASS);
    pb.environment().put("HOME", dir.resolve("home").toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(devNull()));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bulwark " + args + " did not finish in 180 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static java.io.File devNull() {
    return new java.io.File("/dev/null");
  }

  private Path emptyConfig() throws IOException {
    Path p = dir.resolve("empty-config.json");
    if (!Files.exists(p)) {
      Files.writeString(p, "{}");
    }
    return p;
  }
}
