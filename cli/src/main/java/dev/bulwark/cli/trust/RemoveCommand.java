package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.Staging;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust remove GUN TARGET}: stage removing a target. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Stage removing a target from a role; 'publish' applies it.",
    footer = {"", "Example:", "  bulwark trust remove example.com/app v0.9"})
public final class RemoveCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Parameters(index = "1", paramLabel = "TARGET")
  String target;

  @Option(
      names = {"-r", "--role"},
      paramLabel = "ROLE",
      description = "Role (default targets).")
  String role = "targets";

  @Override
  public Integer call() throws Exception {
    SigningSupport.context(trust).changelist(new Gun(gun)).add(Staging.removeTarget(role, target));
    spec.commandLine()
        .getOut()
        .println("Staged: remove " + target + " from " + role + " of " + gun);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
