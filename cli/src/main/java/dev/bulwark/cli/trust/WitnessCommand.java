package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.Change;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust witness GUN ROLE...}: stage re-signing roles without content changes. */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description = {
      "Stage re-signing roles unchanged (new version and expiry) on the next publish: refreshes"
          + " metadata before it expires, and re-validates a delegation after its keys changed."
    },
    footer = {
      "",
      "Example:",
      "  bulwark trust witness example.com/app targets targets/releases && bulwark trust publish example.com/app"
    })
public final class WitnessCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "ROLE")
  List<String> roles;

  @Override
  public Integer call() throws Exception {
    var cl = SigningSupport.context(trust).changelist(new Gun(gun));
    for (String r : roles) {
      cl.add(new Change("update", r, "witness", "", new byte[0]));
    }
    spec.commandLine().getOut().println("Staged: witness " + roles + " of " + gun);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
