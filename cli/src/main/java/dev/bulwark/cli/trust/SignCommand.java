package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.repo.SigningBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust sign BUNDLE}: add this trust dir's signatures to a signing bundle. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Co-sign a bundle written by 'publish' for a role with threshold > 1: every role in it is"
          + " signed by each authorised key whose private half is in this trust dir. Offline: no"
          + " server needed. Nothing in the bundle is trusted; 'publish --bundle' re-verifies it."
    },
    footer = {
      "",
      "Example (three signers, threshold 2):",
      "  alice$ bulwark trust publish -o rel.bundle example.com/app   # signs 1 of 2",
      "  bob$   bulwark trust -d ~/bob-trust sign rel.bundle          # 2 of 2",
      "  anyone$ bulwark trust publish --bundle rel.bundle example.com/app"
    })
public final class SignCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE")
  Path bundle;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of in place.")
  Path output;

  @Override
  public Integer call() throws Exception {
    SigningBundle b = SigningBundle.read(bundle);
    List<String> added = new ArrayList<>();
    SigningBundle signed = b.cosign(SigningSupport.context(trust).signingKeys(), added);
    if (added.isEmpty()) {
      throw new IllegalStateException(
          "this trust dir holds none of the keys that may sign " + bundle);
    }
    signed.write(output != null ? output : bundle);
    PrintWriter out = spec.commandLine().getOut();
    added.forEach(a -> out.println("Signed " + a));
    for (SigningBundle.Entry e : signed.roles()) {
      out.println(e.name() + ": " + e.signatures() + " of " + e.threshold() + " signatures");
    }
    out.println(
        signed.complete()
            ? "Threshold met: publish with 'bulwark trust publish --bundle'"
            : "More signatures needed.");
    out.flush();
    return 0;
  }
}
