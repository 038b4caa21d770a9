package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.SkippedRole;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.client.repo.Publisher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust resign GUN [--expiring 30d]}: refresh roles before they expire. */
@Command(
    name = "resign",
    mixinStandardHelpOptions = true,
    description = {
      "Re-sign targets roles (and delegations) with fresh versions and expiry, together with any"
          + " staged changes: all of them, or only those expiring within --expiring. The snapshot"
          + " is re-signed too when its key is here (the server refreshes timestamps itself)."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust resign --expiring 30d example.com/app",
      "  bulwark trust resign --expiry targets=365d example.com/app"
    })
public final class ResignCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(
      names = "--expiring",
      paramLabel = "DURATION",
      description = "Only roles expiring within this time.")
  String expiring;

  @Option(names = "--expiry", paramLabel = "ROLE=DURATION", description = "New validity per role.")
  List<String> expiry = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Gun g = new Gun(gun);
    var ctx = SigningSupport.context(trust);
    Instant limit =
        expiring == null ? Instant.MAX : Instant.now().plus(SigningSupport.duration(expiring));
    Set<String> roles = new LinkedHashSet<>();
    NotaryCollection current = ctx.reader().read(g);
    for (VerifiedTargets vt : current.targets()) {
      if (!vt.metadata().signed().expires().isAfter(limit)) {
        roles.add(vt.role());
      }
    }
    // Expired delegations were left out of the verified view but their signatures are valid:
    // re-signing them with a new expiry is how they come back (notary#1662 has no way back).
    for (SkippedRole s : current.skipped()) {
      if (s.kind() == SkippedRole.Kind.EXPIRED) {
        roles.add(s.role());
      }
    }
    if (roles.isEmpty()) {
      spec.commandLine()
          .getOut()
          .println(
              "Nothing expires within " + SigningSupport.duration(expiring).toDays() + " days.");
      spec.commandLine().getOut().flush();
      return 0;
    }
    var outcome =
        ctx.publisher(g, SigningSupport.expiry(expiry))
            .publish(
                roles, Path.of(g.name().substring(g.name().lastIndexOf('/') + 1) + ".bundle.json"));
    if (outcome instanceof Publisher.Outcome.NeedsSignatures n) {
      spec.commandLine()
          .getErr()
          .println(
              "bulwark: re-signed roles need more signatures: "
                  + n.missing()
                  + "; bundle "
                  + n.bundle());
      return 1;
    }
    spec.commandLine().getOut().println("Re-signed " + roles + " of " + gun);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
