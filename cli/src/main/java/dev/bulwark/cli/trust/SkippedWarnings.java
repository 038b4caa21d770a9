package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.SkippedRole;
import picocli.CommandLine.Model.CommandSpec;

/** Tells the user, on stderr, which delegations a read left out and why. */
final class SkippedWarnings {
  private SkippedWarnings() {}

  /** Prints one warning line per skipped delegation; returns the collection for chaining. */
  static NotaryCollection print(CommandSpec spec, NotaryCollection c) {
    var err = spec.commandLine().getErr();
    for (SkippedRole s : c.skipped()) {
      err.println(
          "warning: "
              + s.warning()
              + (s.kind() == SkippedRole.Kind.EXPIRED
                  ? " (its owner can run 'bulwark trust resign " + c.gun() + "')"
                  : " (its targets are not trusted until it is re-signed or re-delegated)"));
    }
    err.flush();
    return c;
  }
}
