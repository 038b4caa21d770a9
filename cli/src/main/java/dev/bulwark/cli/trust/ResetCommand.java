package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust reset GUN --all | -n 0,2}: drop staged changes. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = "Drop staged changes: all of them, or those numbered by 'status'.",
    footer = {
      "",
      "Examples:",
      "  bulwark trust reset --all example.com/app",
      "  bulwark trust reset -n 0,2 example.com/app"
    })
public final class ResetCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(names = "--all", description = "Drop every staged change.")
  boolean all;

  @Option(names = "-n", split = ",", paramLabel = "N", description = "Numbers from 'status'.")
  List<Integer> numbers = List.of();

  @Override
  public Integer call() throws Exception {
    if (all == !numbers.isEmpty()) {
      throw new IllegalArgumentException("give exactly one of --all or -n N[,N...]");
    }
    var cl = SigningSupport.context(trust).changelist(new Gun(gun));
    if (all) {
      cl.clear();
    } else {
      cl.remove(new LinkedHashSet<>(numbers));
    }
    spec.commandLine()
        .getOut()
        .println("Reset " + (all ? "all staged changes" : "changes " + numbers) + " of " + gun);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
