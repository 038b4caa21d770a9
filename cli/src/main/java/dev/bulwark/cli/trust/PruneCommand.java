package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.keystore.StoredKey;
import dev.bulwark.trust.client.notary.Changefeed;
import dev.bulwark.trust.client.notary.CollectionHistory;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.StaleTargets;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.client.repo.Change;
import dev.bulwark.trust.client.repo.Changelist;
import dev.bulwark.trust.client.repo.Publisher;
import dev.bulwark.trust.client.repo.RepoContext;
import dev.bulwark.trust.client.repo.RepoException;
import dev.bulwark.trust.client.repo.Staging;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Targets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust prune GUN --older-than WHEN}: remove targets published before a date. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the targets first published before a date. A target counts from the role version in"
          + " which its current entry (same length and hashes) first appeared: re-signing it with"
          + " other content, or removing and re-adding it, starts its clock again.",
      "Publish times come from the server's changefeed (see 'bulwark trust log'): they are"
          + " reported by the server, not signed. If the time of any target in the chosen roles"
          + " cannot be told (no changefeed, history gone), nothing is pruned and the command"
          + " fails.",
      "By default the removals are staged exactly like 'bulwark trust remove' and listed; run"
          + " 'bulwark trust publish GUN' to apply them. --publish publishes them at once (and"
          + " refuses if other changes are already staged). All or nothing: after any error,"
          + " nothing stays staged."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust prune --older-than 90d --dry-run example.com/app",
      "  bulwark trust prune --older-than 2026-01-01 -r targets/releases example.com/app",
      "  bulwark trust prune --older-than 2026-01-01T12:00:00Z --publish example.com/app",
      "",
      "Exit status: 0 done (or nothing to prune), 1 failure (nothing staged), 2 usage error."
    })
public final class PruneCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "WHEN",
      description =
          "Cut-off: an ISO date (2026-01-31, midnight UTC), an instant (2026-01-31T12:00:00Z,"
              + " or with an offset) or an age (90d, 12h, 2w; s m h d w y).")
  String olderThan;

  @Option(
      names = {"-r", "--role"},
      paramLabel = "ROLE",
      description =
          "Role to prune (repeatable; default: every targets role this trust dir holds a key"
              + " for).")
  List<String> roles = new ArrayList<>();

  @Option(names = "--dry-run", description = "Only list what would be removed.")
  boolean dryRun;

  @Option(names = "--publish", description = "Publish the removals now instead of staging them.")
  boolean publish;

  @Override
  public Integer call() throws Exception {
    Instant cutoff;
    try {
      cutoff = cutoff(olderThan, Instant.now());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (dryRun && publish) {
      throw usage("--dry-run and --publish exclude each other");
    }
    Gun g = new Gun(gun);
    RepoContext ctx = SigningSupport.context(trust);
    Changelist cl = ctx.changelist(g);
    List<Change> before = cl.list();
    int staged = before.size();
    if (publish && staged > 0) {
      throw new RepoException(
          staged
              + " change(s) are already staged for "
              + gun
              + ": publish or reset them first, or prune without --publish");
    }
    NotaryCollection current = trust.settings().reader().read(g);
    List<String> chosen =
        roles.isEmpty() ? signable(ctx, current) : List.copyOf(new LinkedHashSet<>(roles));
    Map<String, Metadata<Targets>> latest = new LinkedHashMap<>(); // only the roles to prune
    for (VerifiedTargets vt : current.targets()) {
      if (chosen.contains(vt.role())) {
        latest.put(vt.role(), vt.metadata());
      }
    }
    CollectionHistory h =
        CollectionHistory.read(
            LogCommand.remote(trust.settings()), g, latest, Changefeed.DEFAULT_MAX_RECORDS);
    if (h.timesUnavailable().isEmpty()) {
      LogCommand.warnings(h, spec.commandLine().getErr()); // else the error below says why
    }
    List<StaleTargets.Stale> stale = StaleTargets.olderThan(h, chosen, cutoff);
    PrintWriter out = spec.commandLine().getOut();
    if (stale.isEmpty()) {
      out.println("Nothing in " + chosen + " of " + gun + " was first published before " + cutoff);
      out.flush();
      return 0;
    }
    for (StaleTargets.Stale s : stale) {
      out.println(
          (dryRun ? "would remove " : "remove ")
              + s.name()
              + " from "
              + s.role()
              + " (first published "
              + s.publishedAt()
              + " in version "
              + s.version()
              + ")");
    }
    if (dryRun) {
      out.println(
          "Dry run: nothing staged (cut-off " + cutoff + ", " + LogCommand.TIMES_NOTE + ")");
      out.flush();
      return 0;
    }
    List<Change> removals = new ArrayList<>();
    for (StaleTargets.Stale s : stale) {
      Change c = Staging.removeTarget(s.role(), s.name());
      if (!before.contains(c)) { // staged by an earlier prune or remove: not twice
        removals.add(c);
      }
    }
    stageAll(cl, staged, removals);
    if (!publish) {
      out.println(
          "Staged "
              + removals.size()
              + " removal(s) from "
              + gun
              + "; apply them with: bulwark trust publish "
              + gun);
      out.flush();
      return 0;
    }
    return publishNow(ctx, g, cl, staged);
  }

  private int publishNow(RepoContext ctx, Gun g, Changelist cl, int staged) throws RepoException {
    Publisher p = ctx.publisher(g, SigningSupport.expiry(List.of()));
    Path dest = SigningSupport.defaultBundle(g);
    Publisher.Outcome outcome;
    try {
      outcome = p.publish(Set.of(), dest);
    } catch (RepoException | RuntimeException e) {
      unstage(cl, staged);
      throw e;
    }
    return SigningSupport.report(outcome, gun, "the removals", spec);
  }

  /** Stages every removal, or none: a failure part-way drops the ones already staged. */
  private static void stageAll(Changelist cl, int staged, List<Change> removals)
      throws RepoException {
    try {
      for (Change c : removals) {
        cl.add(c);
      }
    } catch (RepoException | RuntimeException e) {
      unstage(cl, staged);
      throw e;
    }
  }

  /** Drops the changes staged after the first {@code staged} ones (this command's). */
  private static void unstage(Changelist cl, int staged) throws RepoException {
    int now = cl.list().size();
    Set<Integer> ours = new HashSet<>();
    for (int i = staged; i < now; i++) {
      ours.add(i);
    }
    cl.remove(ours);
  }

  private List<String> signable(RepoContext ctx, NotaryCollection current) throws Exception {
    Set<String> held =
        ctx.keyStore().list().stream().map(StoredKey::keyId).collect(Collectors.toSet());
    List<String> out = StaleTargets.signableRoles(current, held);
    if (out.isEmpty()) {
      throw new RepoException(
          "this trust dir ("
              + ctx.trustDir()
              + ") holds no key of any targets role of "
              + gun
              + "; name the roles with --role");
    }
    return out;
  }

  /**
   * The cut-off: an age before {@code now}, an ISO date (UTC midnight), a local date-time (UTC) or
   * an instant with offset; never after {@code now}.
   *
   * @throws IllegalArgumentException for anything else
   */
  static Instant cutoff(String text, Instant now) {
    String t = text.trim();
    Instant at;
    if (t.matches("\\d+[smhdwy]")) {
      at = now.minus(SigningSupport.duration(t));
    } else {
      at = parseDate(t);
    }
    if (at.isAfter(now)) {
      throw new IllegalArgumentException("--older-than " + text + " is in the future (" + at + ")");
    }
    return at;
  }

  private static Instant parseDate(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // not an instant with offset: try the other forms
    }
    try {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a date
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad --older-than '"
              + t
              + "': expected an ISO date (2026-01-31), an instant (2026-01-31T12:00:00Z) or an"
              + " age (90d, 12h)");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
