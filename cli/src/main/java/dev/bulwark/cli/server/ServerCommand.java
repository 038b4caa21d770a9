package dev.bulwark.cli.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Run the private trust server (Notary v1 API). */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the private trust server (Notary v1 API).")
public final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
