package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.ExpiryPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust delete GUN [--remote]}: forget a collection locally (and on the server). */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the collection's cached metadata and staged changes from the trust dir; with"
          + " --remote also all of its metadata on the server (first, so a failure changes nothing"
          + " locally). Private keys are kept: remove them with 'key remove'."
    },
    footer = {"", "Example:", "  bulwark trust delete --remote example.com/old-app"})
public final class DeleteCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(names = "--remote", description = "Also delete the collection on the server.")
  boolean remote;

  @Override
  public Integer call() throws Exception {
    SigningSupport.context(trust).publisher(new Gun(gun), ExpiryPolicy.defaults()).delete(remote);
    spec.commandLine()
        .getOut()
        .println("Deleted trust data for " + gun + (remote ? " (local and remote)" : " (local)"));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
