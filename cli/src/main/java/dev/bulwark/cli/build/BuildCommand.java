package dev.bulwark.cli.build;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Build an OS image from a LinuxKit YAML file. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build an OS image from a LinuxKit YAML file.")
public final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
