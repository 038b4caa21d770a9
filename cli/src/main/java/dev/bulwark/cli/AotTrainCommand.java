package dev.bulwark.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hidden command run once by the {@code ./bulwark} launcher to train the JDK AOT cache: it walks
 * the code paths a typical short command takes (argument parsing, help rendering) so their classes
 * are loaded and linked ahead of time.
 */
@Command(
    name = "aot-train",
    hidden = true,
    description = "Train the AOT cache (used by ./bulwark).")
final class AotTrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    CommandLine cl = Main.commandLine();
    cl.getUsageMessage();
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getUsageMessage();
    }
    AotTraining.run();
    return ExitCodes.OK;
  }
}
