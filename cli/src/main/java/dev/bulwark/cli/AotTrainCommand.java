package dev.bulwark.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden command run by the {@code ./bulwark} launcher to train a JDK AOT cache for one family of
 * commands: it walks the code paths those commands take (argument parsing, help rendering, their
 * hot start-up work) so their classes are loaded and linked ahead of time. One cache per family
 * keeps every start-up from preloading the classes of commands it never runs.
 */
@Command(
    name = "aot-train",
    hidden = true,
    description = "Train the AOT cache of a command family (used by ./bulwark).")
final class AotTrainCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "FAMILY",
      description = "base, trust, tuf-client or sandbox (default: all of them in one cache).")
  String family;

  @Override
  public Integer call() {
    if (family == null) {
      for (AotTraining.Family f : AotTraining.Family.values()) {
        AotTraining.run(f);
      }
    } else {
      AotTraining.run(AotTraining.Family.of(family));
    }
    return ExitCodes.OK;
  }
}
