package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.TargetWithRole;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust verify GUN TARGET [-i FILE]}: check content against a signed target. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch and verify the collection, then check that the content (stdin or -i FILE) has the"
          + " target's exact length and every listed hash. On success the content is echoed to"
          + " stdout (or -o FILE), unless -q; on mismatch nothing is written and the exit status is 1."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust verify example.com/app v1.0 -i app.tar.gz -q",
      "  curl -s https://example.com/app.tgz | bulwark trust verify example.com/app v1.0 > app.tgz"
    })
public final class VerifyCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Parameters(index = "1", paramLabel = "TARGET")
  String target;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE")
  Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not echo the content.")
  boolean quiet;

  /** Content larger than this is refused (targets are manifests and small files). */
  private static final long MAX = 1L << 31;

  @Override
  public Integer call() throws Exception {
    TargetWithRole t =
        SkippedWarnings.print(spec, trust.settings().reader().read(new Gun(gun)))
            .lookup(target)
            .orElseThrow(
                () ->
                    new IllegalStateException("no valid trust data for " + target + " in " + gun));
    if (t.file().length() > MAX) {
      throw new IllegalStateException(
          "target "
              + target
              + " is too large to verify in memory: "
              + t.file().length()
              + " bytes");
    }
    byte[] data;
    try (InputStream in = input != null ? Files.newInputStream(input) : System.in) {
      data = in.readNBytes((int) Math.min(MAX, t.file().length() + 1));
    }
    t.file().verify(data, target);
    if (!quiet) {
      if (output != null) {
        try (OutputStream out = Files.newOutputStream(output)) {
          out.write(data);
        }
      } else {
        System.out.write(data); // never close standard output
        System.out.flush();
      }
    }
    return 0;
  }
}
