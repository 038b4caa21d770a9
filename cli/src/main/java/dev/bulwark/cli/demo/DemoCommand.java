package dev.bulwark.cli.demo;

import dev.bulwark.trust.client.TargetInfo;
import dev.bulwark.trust.client.TufRemoteLayout;
import dev.bulwark.trust.client.Updater;
import dev.bulwark.trust.client.UpdaterConfig;
import dev.bulwark.trust.client.fetch.SchemeFetcher;
import dev.bulwark.trust.client.store.DirectoryMetadataStore;
import dev.bulwark.trust.core.model.Dialect;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark demo}: publish, verify and download locally, then show tampering refused; then
 * build an OS image from signed images and show tampered and unsigned images refused.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a small signed TUF repository on local disk, verify and download from it with the"
          + " full client workflow, then tamper with it and show each tampering refused.",
      "Then create three LinuxKit-style images in an OCI layout, sign their tags in a TUF"
          + " repository, build tar and kernel+initrd outputs from a YAML file with a trust: block"
          + " (layers flattened under Landlock when the kernel has it), and show a tampered image"
          + " and an unsigned image refused with nothing written.",
      "Needs no server and no network; everything is written under --dir."
    },
    footer = {"", "Example:", "  bulwark demo --dir /tmp/bulwark-demo"})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Work directory (default: a new directory under the system temp dir).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work =
        dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("bulwark-demo-");
    Clock clock = Clock.systemUTC();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "hello.txt", "Hello from a signed Bulwark repository\n".getBytes(StandardCharsets.UTF_8));
    files.put(
        "os-image.manifest",
        "{\"kernel\":\"6.1\",\"init\":\"busybox\"}\n".getBytes(StandardCharsets.UTF_8));

    LocalTufRepository repo = new LocalTufRepository(work.resolve("repository"));
    byte[] root = repo.publish(files, clock.instant());
    out.printf(
        "1. published a TUF repository (ed25519 keys, consistent snapshots) in %s%n",
        work.resolve("repository"));

    Path client = work.resolve("client");
    Updater updater = updater(repo, client.resolve("metadata"), root, clock);
    updater.refresh();
    out.printf(
        "2. client refreshed root -> timestamp -> snapshot -> targets; metadata in %s%n",
        client.resolve("metadata"));
    for (String name : files.keySet()) {
      TargetInfo t = updater.findTarget(name);
      updater.download(t, client.resolve("downloads").resolve(name));
      out.printf(
          "   verified and downloaded %-18s %6d bytes  sha256:%s%n",
          name, t.file().length(), t.file().hashes().hex().get("sha256"));
    }

    int refused = 0;
    refused += tamperTarget(out, repo, files, work, root, clock);
    refused += tamperMetadata(out, repo, files.get("hello.txt"), work, root, clock);
    int built = new BuildDemo(out, work, clock).run();
    if (built < 0) {
      out.printf("%nResult: the build of signed images failed.%n");
      return 1;
    }
    refused += built;
    out.printf(
        "%nResult: %d/4 tamperings refused; the good repository verified and the signed images"
            + " built.%n",
        refused);
    return refused == 4 ? 0 : 1;
  }

  private int tamperTarget(
      PrintWriter out,
      LocalTufRepository repo,
      Map<String, byte[]> files,
      Path work,
      byte[] root,
      Clock clock)
      throws Exception {
    String name = "hello.txt";
    Path stored;
    try (var s = Files.list(repo.targetsDir())) {
      stored =
          s.filter(p -> p.getFileName().toString().endsWith("." + name)).findFirst().orElseThrow();
    }
    byte[] evil = "Hello from an attacker\n".getBytes(StandardCharsets.UTF_8);
    Files.write(stored, evil);
    out.printf(
        "%n3. an attacker replaced the bytes of %s on the repository (sha256 now %s)%n",
        name, sha256(evil));
    Updater fresh = updater(repo, work.resolve("client2").resolve("metadata"), root, clock);
    try {
      fresh.refresh();
      fresh.download(
          fresh.findTarget(name), work.resolve("client2").resolve("downloads").resolve(name));
      out.println("   !! the tampered file was accepted");
      return 0;
    } catch (Exception e) {
      out.printf("   refused: %s%n", e.getMessage());
      out.printf(
          "   nothing written: %s%n",
          !Files.exists(work.resolve("client2").resolve("downloads").resolve(name)));
      Files.write(stored, files.get(name));
      return 1;
    }
  }

  private int tamperMetadata(
      PrintWriter out, LocalTufRepository repo, byte[] good, Path work, byte[] root, Clock clock)
      throws Exception {
    Path targets = repo.metadataDir().resolve("1.targets.json");
    String json = Files.readString(targets, StandardCharsets.UTF_8);
    byte[] evil = "Hello from an attacker, same size!!!!!\n".getBytes(StandardCharsets.UTF_8);
    String edited = json.replace(sha256(good), sha256(evil));
    if (edited.equals(json)) {
      throw new IllegalStateException("demo: the hash of hello.txt is not in the targets metadata");
    }
    Files.writeString(targets, edited, StandardCharsets.UTF_8);
    out.printf(
        "%n4. an attacker rewrote hello.txt's sha256 in the signed targets metadata to match"
            + " their file%n");
    Path meta = work.resolve("client3").resolve("metadata");
    try {
      updater(repo, meta, root, clock).refresh();
      out.println("   !! the tampered metadata was accepted");
      return 0;
    } catch (Exception e) {
      out.printf("   refused: %s%n", e.getMessage());
      out.printf(
          "   targets.json stored by the client: %s%n", Files.exists(meta.resolve("targets.json")));
      return 1;
    }
  }

  private static Updater updater(
      LocalTufRepository repo, Path metadataDir, byte[] root, Clock clock) throws Exception {
    Files.createDirectories(metadataDir);
    return Updater.builder()
        .store(new DirectoryMetadataStore(metadataDir))
        .layout(
            new TufRemoteLayout(repo.metadataDir().toUri(), Optional.of(repo.targetsDir().toUri())))
        .fetcher(SchemeFetcher.standard())
        .dialect(Dialect.TUF)
        .config(UpdaterConfig.defaults())
        .clock(clock)
        .bootstrapRoot(root)
        .build();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
  }
}
