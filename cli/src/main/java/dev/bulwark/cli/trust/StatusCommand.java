package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.SkippedRole;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.client.repo.Change;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust status GUN [--expiring 30d]}: staged changes, or roles about to expire. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the staged (unpublished) changes of a collection, numbered for 'reset -n'.",
      "With --expiring, fetch and verify the collection and list every role and delegation that"
          + " expires within the given time (exit 1 if any does); refresh them with 'resign'."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust status example.com/app",
      "  bulwark trust status --expiring 30d example.com/app"
    })
public final class StatusCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(names = "--expiring", paramLabel = "DURATION", description = "e.g. 30d, 12h, 1y.")
  String expiring;

  @Override
  public Integer call() throws Exception {
    var ctx = SigningSupport.context(trust);
    PrintWriter out = spec.commandLine().getOut();
    if (expiring != null) {
      return expiringRoles(ctx.reader().read(new Gun(gun)), SigningSupport.duration(expiring), out);
    }
    List<Change> changes = ctx.changelist(new Gun(gun)).list();
    if (changes.isEmpty()) {
      out.println("No unpublished changes for " + gun);
    } else {
      out.println("Unpublished changes for " + gun + ":");
      out.printf("%-4s %-8s %-22s %-10s %s%n", "#", "ACTION", "ROLE", "TYPE", "PATH");
      for (int i = 0; i < changes.size(); i++) {
        Change c = changes.get(i);
        out.printf("%-4d %-8s %-22s %-10s %s%n", i, c.action(), c.role(), c.type(), c.path());
      }
    }
    out.flush();
    return 0;
  }

  private static int expiringRoles(NotaryCollection c, Duration within, PrintWriter out) {
    Instant limit = Instant.now().plus(within);
    int n = 0;
    out.printf("%-24s %-8s %s%n", "ROLE", "VERSION", "EXPIRES");
    n += line(out, "root", c.root().signed().version(), c.root().signed().expires(), limit);
    n +=
        line(
            out,
            "snapshot",
            c.snapshot().signed().version(),
            c.snapshot().signed().expires(),
            limit);
    // The timestamp is always server-held and re-signed by the server on demand: shown, not
    // counted.
    out.printf(
        "%-24s %-8d %s  (server re-signs)%n",
        "timestamp", c.timestamp().signed().version(), c.timestamp().signed().expires());
    for (VerifiedTargets vt : c.targets()) {
      n +=
          line(
              out,
              vt.role(),
              vt.metadata().signed().version(),
              vt.metadata().signed().expires(),
              limit);
    }
    for (SkippedRole s : c.skipped()) {
      n++;
      out.printf(
          "%-24s %-8s %s%n",
          s.role(),
          s.expired().map(md -> Long.toString(md.signed().version())).orElse("?"),
          s.kind() == SkippedRole.Kind.EXPIRED
              ? s.expired().get().signed().expires() + "  <- EXPIRED (skipped by readers)"
              : "-  <- BELOW THRESHOLD (skipped by readers): " + s.reason());
    }
    out.println(
        n == 0
            ? "Nothing expires within " + within.toDays() + " days."
            : n
                + " role(s) expire within "
                + within.toDays()
                + " days; run 'bulwark trust resign'.");
    out.flush();
    return n == 0 ? 0 : 1;
  }

  private static int line(
      PrintWriter out, String role, long version, Instant expires, Instant limit) {
    boolean soon = !expires.isAfter(limit);
    out.printf("%-24s %-8d %s%s%n", role, version, expires, soon ? "  <- expiring" : "");
    return soon ? 1 : 0;
  }
}
