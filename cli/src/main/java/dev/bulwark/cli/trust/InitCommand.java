package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust init GUN}: create and publish a new collection. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a collection and publish it at once (like 'notary init -p'): a root key in a"
          + " self-signed certificate with CN = GUN (reused if the trust dir has one), new targets"
          + " and snapshot keys, the server's timestamp key. Prints the root certificate ID to pin"
          + " in trust_pinning.certs.",
      "Passphrases: BULWARK_ROOT_PASSPHRASE, BULWARK_TARGETS_PASSPHRASE, BULWARK_SNAPSHOT_PASSPHRASE"
          + " (or NOTARY_*), else a prompt."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust -s https://127.0.0.1:4443 --tlscacert ca.crt init example.com/app",
      "  bulwark trust init --server-snapshot docker.io/acme/api   # any co-signer can publish"
    })
public final class InitCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "GUN",
      description = "Collection name, e.g. docker.io/acme/app.")
  String gun;

  @Option(
      names = "--rootkey",
      paramLabel = "KEYID",
      description = "Use this root key from the trust dir.")
  String rootKey;

  @Option(
      names = "--server-snapshot",
      description = "Let the server hold the snapshot key (Docker Content Trust practice).")
  boolean serverSnapshot;

  @Option(
      names = "--expiry",
      paramLabel = "ROLE=DURATION",
      description = "Validity per role, e.g. targets=90d.")
  List<String> expiry = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    var ctx = SigningSupport.context(trust);
    String certId =
        ctx.initializer(new Gun(gun), SigningSupport.expiry(expiry))
            .init(Optional.ofNullable(rootKey), serverSnapshot);
    var out = spec.commandLine().getOut();
    out.println("Initialized and published " + gun);
    out.println("Root certificate ID (pin this): " + certId);
    out.flush();
    return 0;
  }
}
