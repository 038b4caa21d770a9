package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.Publisher;
import dev.bulwark.trust.client.repo.SigningBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust publish GUN}: sign and upload staged changes (or a co-signed bundle). */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch and verify the collection, apply the staged changes, sign every changed role with"
          + " the keys in the trust dir, check the result as a client would, and upload it in one"
          + " atomic update. The staged changes are kept if anything fails.",
      "If a role needs more signatures than this trust dir can make (threshold k > 1), nothing is"
          + " uploaded: a signing bundle is written (-o), co-signers add signatures with 'bulwark"
          + " trust sign BUNDLE', then anyone runs 'bulwark trust publish GUN --bundle BUNDLE'."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust publish example.com/app",
      "  bulwark trust publish --expiry targets=90d example.com/app",
      "  bulwark trust publish -o release.bundle example.com/app     # threshold 2: stage for co-signers",
      "  bulwark trust publish --bundle release.bundle example.com/app",
      "",
      "Exit status: 0 published, 1 failure or more signatures needed (bundle written)."
    })
public final class PublishCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(names = "--bundle", paramLabel = "FILE", description = "Publish this co-signed bundle.")
  Path bundle;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write a bundle needing co-signers (default ./<last GUN segment>.bundle.json).")
  Path output;

  @Option(
      names = "--expiry",
      paramLabel = "ROLE=DURATION",
      description = "Validity per role, e.g. targets=90d, delegation=30d.")
  List<String> expiry = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Gun g = new Gun(gun);
    Publisher p = SigningSupport.context(trust).publisher(g, SigningSupport.expiry(expiry));
    PrintWriter out = spec.commandLine().getOut();
    if (bundle != null) {
      var done = p.publish(SigningBundle.read(bundle));
      out.println("Published " + done.roles() + " of " + gun);
      out.flush();
      return 0;
    }
    Path dest = output != null ? output : SigningSupport.defaultBundle(g);
    return SigningSupport.report(p.publish(Set.of(), dest), gun, "staged changes", spec);
  }
}
