package dev.bulwark.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
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
    if (versionOnly(args)) {
      // Still parsed and printed by picocli, on the root command alone: the version needs no
      // subcommand model, and building them all is most of the start-up time.
      System.exit(rootOnly().execute(args));
    }
    String first = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
    if ("trust".equals(first) || "tuf-client".equals(first)) {
      Thread.ofPlatform().daemon().name("bulwark-warm-up").start(() -> warmUpCrypto());
    }
    System.exit(commandLine(first, args).execute(args));
  }

  /**
   * Runs, on a second core while picocli parses the command line, the one-time JDK set-up that the
   * trust commands otherwise pay on their critical path: the P-256 generator table (computed when
   * the first ECDSA signature is verified) and the TLS context classes. It verifies a fixed
   * signature and discards the result; nothing it does is used by the command or changes what the
   * command checks.
   *
   * @return whether the fixed signature verified (false only if the JDK lacks P-256)
   */
  static boolean warmUpCrypto() {
    try {
      HexFormat hex = HexFormat.of();
      PublicKey key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(hex.parseHex(WARM_UP_KEY)));
      Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
      sig.initVerify(key);
      sig.update("bulwark warm-up".getBytes(StandardCharsets.US_ASCII));
      boolean ok = sig.verify(hex.parseHex(WARM_UP_SIGNATURE));
      SSLContext.getInstance("TLS");
      return ok;
    } catch (GeneralSecurityException | RuntimeException e) {
      // Only a head start: the command does (and checks) all of this itself.
      return false;
    }
  }

  /** A throw-away P-256 public key (SPKI) and its signature of "bulwark warm-up" (P1363). */
  private static final String WARM_UP_KEY =
      "3059301306072a8648ce3d020106082a8648ce3d03010703420004ebf1807d1e56c43562738dab93d77747ec"
          + "bdff5a2cea1a9fc2151704cf179c6ee4c025368c1de6c9e1441a86002175b6de0522eade5808a3ab5997"
          + "c6829009cf";

  private static final String WARM_UP_SIGNATURE =
      "0a2a23a1f49f98e12d9cbbcfaa535969d0d4e62c26dbe8f398281df610ecefc27530ec993f7b0b58db9cc1e"
          + "96107d7f0ee488abdabf9f23c0b6be90d06bf18ef";

  /** The root command without subcommands. */
  static CommandLine rootOnly() {
    return new CommandLine(new Main());
  }

  /** True for exactly {@code --version} or {@code -V}. */
  static boolean versionOnly(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }
}
