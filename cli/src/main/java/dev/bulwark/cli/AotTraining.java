package dev.bulwark.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * The work of an AOT training run, per command family. Each family exercises the command-line
 * parsing and help of its commands plus their hot start-up paths (parsing and verifying metadata,
 * for example) without network or disk side effects.
 */
final class AotTraining {
  private AotTraining() {}

  /** A group of commands sharing one AOT cache (the launcher picks it by the first argument). */
  enum Family {
    /**
     * {@code --version}, {@code --help}, usage errors and commands without a cache of their own.
     */
    BASE("base"),
    TRUST("trust"),
    TUF_CLIENT("tuf-client"),
    SANDBOX("sandbox");

    private final String id;

    Family(String id) {
      this.id = id;
    }

    static Family of(String id) {
      return Arrays.stream(values())
          .filter(f -> f.id.equals(id))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown AOT family '"
                          + id
                          + "': expected base, trust, tuf-client or sandbox"));
    }
  }

  static void run(Family family) {
    switch (family) {
      case BASE -> {
        Main.rootOnly().parseArgs("--version");
        CommandLine cl = Main.commandLine();
        cl.getUsageMessage();
        cl.getSubcommands().values().forEach(CommandLine::getUsageMessage);
      }
      case TRUST -> {
        usage(Main.commandLine("trust", new String[0]));
        Main.commandLine("trust", new String[] {"list"})
            .parseArgs("trust", "-s", "https://notary.invalid:4443", "list", "example.com/app");
        dev.bulwark.cli.trust.TrustAotTraining.run();
      }
      case TUF_CLIENT -> {
        usage(Main.commandLine("tuf-client", new String[0]));
        dev.bulwark.cli.tuf.TufClientTraining.run();
      }
      case SANDBOX -> {
        Main.commandLine("sandbox", new String[0])
            .parseArgs("sandbox", "--rox", "/usr", "--", "/bin/true");
        dev.bulwark.cli.sandbox.SandboxCommand.aotTrain();
      }
    }
  }

  /** Renders the help of a command and of every command below it. */
  private static void usage(CommandLine cl) {
    cl.getUsageMessage();
    cl.getSubcommands().values().forEach(AotTraining::usage);
  }
}
