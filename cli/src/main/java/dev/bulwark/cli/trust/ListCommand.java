package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.TargetWithRole;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust list GUN}: the verified targets of a collection, as {@code notary list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch and verify a collection (root, timestamp, snapshot, targets, delegations) and list"
          + " its targets as 'notary list' does: NAME, DIGEST (sha256 hex), SIZE (BYTES), ROLE,"
          + " sorted by name. A target signed by several roles is shown for the first role"
          + " breadth first (targets, then its delegations).",
      "Verified metadata is cached in <trust-dir>/tuf/<GUN>/metadata/ (notary's layout); the"
          + " first root is trusted on first use unless trust_pinning says otherwise."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust -s https://127.0.0.1:4443 --tlscacert ca.crt list localhost:5000/linuxkit/busybox",
      "  bulwark trust list -r targets/releases docker.io/library/alpine",
      "  bulwark trust list --json example.com/app",
      "",
      "Exit status: 0 listed, 1 verification or transport failure, 2 usage error."
    })
public final class ListCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "GUN",
      description = "Collection name, e.g. docker.io/library/alpine.")
  String gun;

  @Option(
      names = {"-r", "--roles"},
      split = ",",
      paramLabel = "ROLE",
      description = "Only these roles' subtrees, in priority order (default: targets).")
  List<String> roles;

  @Option(names = "--json", description = "Print a JSON array instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NotaryCollection c = SkippedWarnings.print(spec, trust.settings().reader().read(new Gun(gun)));
    List<TargetWithRole> targets = roles == null || roles.isEmpty() ? c.list() : c.list(roles);
    var out = spec.commandLine().getOut();
    out.print(json ? TargetJson.list(targets) : TargetTable.render(targets));
    out.flush();
    return 0;
  }
}
