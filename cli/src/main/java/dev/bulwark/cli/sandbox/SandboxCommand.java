package dev.bulwark.cli.sandbox;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Run a program confined by Landlock. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Run a program confined by Landlock.")
public final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
