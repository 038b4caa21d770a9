package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code bulwark} executable. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    version = "bulwark 0.1.0",
    description = "Secure build chain for container-based OS images.",
    subcommands = {
      CommandLine.HelpCommand.class,
      dev.bulwark.cli.trust.TrustCommand.class,
      dev.bulwark.cli.tuf.TufClientCommand.class,
      dev.bulwark.cli.server.ServerCommand.class,
      dev.bulwark.cli.build.BuildCommand.class,
      dev.bulwark.cli.sandbox.SandboxCommand.class,
      dev.bulwark.cli.demo.DemoCommand.class,
      AotTrainCommand.class
    })
public final class Main {

  private Main() {}

  /** Builds the command tree; each subcommand registers here. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
