package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.TargetWithRole;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust lookup GUN TAG}: one verified target, as {@code notary lookup}. */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch and verify a collection and print one target as 'notary lookup' does:"
          + " '<name> sha256:<hex> <size>'. The first role breadth first (targets, then its"
          + " delegations whose paths allow the name) that signs the name wins."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust -s https://127.0.0.1:4443 --tlscacert ca.crt lookup localhost:5000/linuxkit/busybox 1.36",
      "  bulwark trust lookup --json docker.io/library/alpine latest",
      "",
      "Exit status: 0 found, 1 not found or verification/transport failure, 2 usage error."
    })
public final class LookupCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN", description = "Collection name.")
  String gun;

  @Parameters(
      index = "1",
      paramLabel = "TARGET",
      description = "Target name (for images: the tag).")
  String target;

  @Option(names = "--json", description = "Print a JSON object instead of the line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var c = SkippedWarnings.print(spec, trust.settings().reader().read(new Gun(gun)));
    TargetWithRole t =
        c.lookup(target)
            .orElseThrow(() -> new IllegalStateException("No valid trust data for " + target));
    var out = spec.commandLine().getOut();
    out.print(
        json
            ? TargetJson.one(t)
            : t.name() + " sha256:" + t.sha256Hex() + " " + t.file().length() + "\n");
    out.flush();
    return 0;
  }
}
