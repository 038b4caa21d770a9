package dev.bulwark.cli.trust;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Sign, publish, look up and verify trusted collections (Notary v1 compatible). */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = "Sign, publish, look up and verify trusted collections (Notary v1 compatible).")
public final class TrustCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
