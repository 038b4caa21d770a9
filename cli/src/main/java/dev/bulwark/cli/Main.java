package dev.bulwark.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code bulwark} executable. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    version = "bulwark 0.1.0",
    description = "Secure build chain for container-based OS images.",
    footer = {
      "",
      "Quick start:",
      "  bulwark demo                 publish, verify and build locally; tampering refused",
      "  bulwark <command> --help     options and examples of each command"
    })
public final class Main {
  /** Top-level commands in help order. Add a job here. */
  private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("trust", dev.bulwark.cli.trust.TrustCommand.class);
    COMMANDS.put("tuf-client", dev.bulwark.cli.tuf.TufClientCommand.class);
    COMMANDS.put("server", dev.bulwark.cli.server.ServerCommand.class);
    COMMANDS.put("build", dev.bulwark.cli.build.BuildCommand.class);
    COMMANDS.put("sandbox", dev.bulwark.cli.sandbox.SandboxCommand.class);
    COMMANDS.put("demo", dev.bulwark.cli.demo.DemoCommand.class);
    COMMANDS.put("aot-train", AotTrainCommand.class);
  }

  private Main() {}

  /** The whole command tree. */
  public static CommandLine commandLine() {
    return commandLine(null, new String[0]);
  }

  /**
   * The command tree with only the top-level command {@code only} (or all of them when null).
   * Building picocli's model for every command costs start-up time that one invocation never uses;
   * parsing is still picocli's, on the full subtree of the command that runs.
   */
  static CommandLine commandLine(String only, String[] args) {
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand("help", new CommandLine.HelpCommand());
    for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
      if (only == null || only.equals(c.getKey())) {
        cl.addSubcommand(c.getKey(), c.getValue());
      }
    }
    CommandLine trust = cl.getSubcommands().get("trust");
    if (trust != null) {
      addNamedSubcommands(trust, dev.bulwark.cli.trust.TrustCommand.SUBCOMMANDS, args);
    }
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  /**
   * Registers the subcommands whose names occur among {@code args}, or all of them when none does
   * (help, usage errors). Registering a superset is always safe: an option value that happens to
   * equal a command name only adds a command that is never invoked.
   */
  private static void addNamedSubcommands(CommandLine parent, List<Class<?>> subs, String[] args) {
    Set<String> words = Set.copyOf(Arrays.asList(args)); // args may repeat a word
    List<Class<?>> named =
        subs.stream().filter(c -> words.contains(c.getAnnotation(Command.class).name())).toList();
    for (Class<?> c : named.isEmpty() ? subs : named) {
      parent.addSubcommand(c.getAnnotation(Command.class).name(), c);
    }
  }

  public static void main(String[] args) {
    String first = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
    System.exit(commandLine(first, args).execute(args));
  }
}
