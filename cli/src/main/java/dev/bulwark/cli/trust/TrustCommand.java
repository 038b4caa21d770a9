package dev.bulwark.cli.trust;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark trust}: Notary v1 compatible collections. Holds the global options (same names as
 * the real {@code notary} client); subcommands reach them with {@code @ParentCommand TrustCommand
 * trust} and {@link #settings()}. To add a subcommand, append its class to {@link #SUBCOMMANDS}.
 */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = {
      "Sign, publish, look up and verify trusted collections (Notary v1 compatible).",
      "",
      "Reads the same config.json as the notary client (-c, default ~/.notary/config.json if it"
          + " exists): trust_dir, remote_server.{url,root_ca,tls_client_cert,tls_client_key},"
          + " trust_pinning.{certs,ca,disable_tofu}. Command-line options override it"
          + " (--pin-cert, --pin-ca and --tofu/--no-tofu for trust_pinning)."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust -s https://notary.example.com:4443 --tlscacert ca.crt list docker.io/library/alpine",
      "  bulwark trust -s https://127.0.0.1:4443 -d ~/.notary lookup localhost:5000/linuxkit/busybox 1.36",
      "  bulwark trust -c ~/.notary/config.json list --json example.com/app",
      "  bulwark trust --no-tofu --pin-cert 'example.com/*=<64-hex cert ID>' list example.com/app"
    })
public final class TrustCommand implements Callable<Integer> {
  /**
   * The subcommands, registered by {@code Main} (only those an invocation names, so start-up does
   * not pay for building every command). To add a subcommand, append its class here.
   */
  public static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ListCommand.class,
          LookupCommand.class,
          InitCommand.class,
          AddCommand.class,
          RemoveCommand.class,
          StatusCommand.class,
          ResetCommand.class,
          PublishCommand.class,
          SignCommand.class,
          VerifyCommand.class,
          WitnessCommand.class,
          DeleteCommand.class,
          KeyCommand.class,
          DelegationCommand.class,
          LogCommand.class,
          ResignCommand.class,
          PruneCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = {"-s", "--server"},
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "Notary server URL (default: remote_server.url, else https://notary-server:4443).")
  URI server;

  @Option(
      names = {"-d", "--trust-dir", "--trustDir"},
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Trust dir: keys and cached metadata (default: trust_dir, else ~/.notary).")
  Path trustDir;

  @Option(
      names = "--tlscacert",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "PEM CA bundle that must have issued the server's TLS certificate (only it is trusted).")
  Path tlsCaCert;

  @Option(
      names = "--tlscert",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "PEM client certificate for mutual TLS (with --tlskey).")
  Path tlsCert;

  @Option(
      names = "--tlskey",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "PEM PKCS#8 private key of the client certificate.")
  Path tlsKey;

  @Option(
      names = {"-c", "--config", "--configFile"},
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Notary client config.json (default: ~/.notary/config.json if it exists).")
  Path config;

  @Option(
      names = "--pin-cert",
      scope = ScopeType.INHERIT,
      paramLabel = "GUN=CERTID[,CERTID...]",
      description =
          "Pin the root of GUN (or of every GUN starting with PREFIX, written PREFIX*) to "
              + "one of these root certificate key IDs (64 hex digits, as root.json lists them). "
              + "Repeatable; replaces trust_pinning.certs of the config for the same GUN.")
  List<String> pinCerts = List.of();

  @Option(
      names = "--pin-ca",
      scope = ScopeType.INHERIT,
      paramLabel = "PREFIX=FILE",
      description =
          "Require the root certificates of GUNs starting with PREFIX to chain to a CA in "
              + "this PEM bundle (certificates without or with any extended key usage are "
              + "accepted, unlike notary 0.7). Repeatable; replaces trust_pinning.ca of the "
              + "config for the same prefix.")
  List<String> pinCas = List.of();

  @Option(
      names = "--tofu",
      negatable = true,
      scope = ScopeType.INHERIT,
      description =
          "Trust a GUN's first root on first use when nothing pins it (--no-tofu refuses "
              + "instead). Default: the config's trust_pinning.disable_tofu, else allowed.")
  Boolean tofu;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The effective settings: command-line options over the config file over defaults. */
  public TrustSettings settings() {
    return TrustSettings.resolve(this);
  }
}
