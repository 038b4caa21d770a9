package dev.bulwark.cli.tuf;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** TUF conformance client: init, refresh, download. */
@Command(
    name = "tuf-client",
    mixinStandardHelpOptions = true,
    description = "TUF conformance client: init, refresh, download.")
public final class TufClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
