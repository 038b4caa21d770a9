package dev.bulwark.cli.sandbox;

import picocli.CommandLine;

/**
 * Start-up fast path for {@code bulwark sandbox}: builds only this command (not the whole command
 * tree), so a launcher can run {@code java -cp bulwark.jar dev.bulwark.cli.sandbox.SandboxMain
 * ARGS} for {@code bulwark sandbox ARGS}. Same flags, output and exit codes.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("--aot-train")) {
      new CommandLine(new SandboxCommand()).parseArgs("--rox", "/usr", "--", "/bin/true");
      SandboxCommand.aotTrain();
      return;
    }
    CommandLine cl = new CommandLine(new SandboxCommand());
    cl.setCommandName("bulwark sandbox");
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("bulwark: " + ex.getMessage());
          return 1;
        });
    System.exit(cl.execute(args));
  }
}
