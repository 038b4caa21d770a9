package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.RepoException;
import dev.bulwark.trust.client.repo.Staging;
import dev.bulwark.trust.client.repo.TargetEntries;
import dev.bulwark.trust.core.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust add GUN TARGET FILE | --sha256 H --size N}: stage a target. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Stage a target for the next publish: hash a FILE (sha256 + sha512), or give the hashes"
          + " and size (as 'notary addhash', e.g. an image manifest digest). Custom data is"
          + " canonicalised (unlike notary, whose unsorted custom data breaks signatures, #1411)."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust add example.com/app v1.0 ./app.tar.gz",
      "  bulwark trust add docker.io/acme/api 1.2 --sha256 1f0e...c4 --size 529 -r targets/releases",
      "  bulwark trust add example.com/app v1.0 app.tgz --custom '{\"arch\":\"amd64\"}'"
    })
public final class AddCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Parameters(
      index = "1",
      paramLabel = "TARGET",
      description = "Target name (for images: the tag).")
  String target;

  @Parameters(index = "2", arity = "0..1", paramLabel = "FILE", description = "File to hash.")
  Path file;

  @Option(names = "--sha256", paramLabel = "HEX")
  String sha256;

  @Option(names = "--sha512", paramLabel = "HEX")
  String sha512;

  @Option(names = "--size", paramLabel = "BYTES")
  Long size;

  @Option(
      names = {"-r", "--role"},
      paramLabel = "ROLE",
      description = "Role to sign it into (default targets).")
  String role = "targets";

  @Option(
      names = "--custom",
      paramLabel = "JSON|@FILE",
      description = "Custom data: JSON text, or @file.")
  String custom;

  @Override
  public Integer call() throws Exception {
    Map<String, String> hashes = new LinkedHashMap<>();
    long length;
    if (file != null) {
      if (sha256 != null || sha512 != null || size != null) {
        throw new IllegalArgumentException(
            "give either FILE or --sha256/--sha512 with --size, not both");
      }
      length = hash(file, hashes);
    } else {
      if (size == null || (sha256 == null && sha512 == null)) {
        throw new IllegalArgumentException(
            "without FILE, --size and --sha256 or --sha512 are required");
      }
      length = size;
      if (sha256 != null) hashes.put("sha256", sha256.toLowerCase(java.util.Locale.ROOT));
      if (sha512 != null) hashes.put("sha512", sha512.toLowerCase(java.util.Locale.ROOT));
    }
    var ctx = SigningSupport.context(trust);
    ctx.changelist(new Gun(gun)).add(Staging.addTarget(role, target, length, hashes, customData()));
    spec.commandLine()
        .getOut()
        .println("Staged: add " + target + " (" + length + " bytes) to " + role + " of " + gun);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Optional<JsonValue> customData() throws IOException, RepoException {
    if (custom == null) {
      return Optional.empty();
    }
    byte[] json =
        custom.startsWith("@")
            ? Files.readAllBytes(Path.of(custom.substring(1)))
            : custom.getBytes(StandardCharsets.UTF_8);
    return Optional.of(TargetEntries.parseCustom(json));
  }

  private static long hash(Path f, Map<String, String> out)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest s256 = MessageDigest.getInstance("SHA-256");
    MessageDigest s512 = MessageDigest.getInstance("SHA-512");
    long n = 0;
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; n += r) {
        s256.update(buf, 0, r);
        s512.update(buf, 0, r);
      }
    }
    out.put("sha256", HexFormat.of().formatHex(s256.digest()));
    out.put("sha512", HexFormat.of().formatHex(s512.digest()));
    return n;
  }
}
