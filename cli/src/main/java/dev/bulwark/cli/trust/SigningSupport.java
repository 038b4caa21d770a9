package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.keystore.EnvPassphrases;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.ExpiryPolicy;
import dev.bulwark.trust.client.repo.Publisher;
import dev.bulwark.trust.client.repo.RepoContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wiring shared by the signing subcommands: the repo context and option parsing helpers. */
final class SigningSupport {
  private static final Pattern DURATION = Pattern.compile("(\\d+)([smhdwy])");

  private SigningSupport() {}

  /** Keys, changelists and server access for the resolved global options. */
  static RepoContext context(TrustCommand trust) {
    TrustSettings s = trust.settings();
    return new RepoContext(
        s.trustDir(),
        s.server(),
        s.tls(),
        s.pinning(),
        EnvPassphrases.fromSystem(),
        Clock.systemUTC());
  }

  /**
   * Parses {@code 30d}, {@code 12h}, {@code 3y} (365 days), {@code 2w}, {@code 90m}, {@code 45s}.
   */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad duration '"
              + text
              + "': expected a number and a unit s, m, h, d, w or y (e.g. 30d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(365 * n);
    };
  }

  /** {@code --expiry role=30d} options as a policy. */
  static ExpiryPolicy expiry(List<String> specs) {
    Map<String, Duration> m = new LinkedHashMap<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "bad --expiry '" + s + "': expected ROLE=DURATION, e.g. targets=90d");
      }
      m.put(s.substring(0, eq), duration(s.substring(eq + 1)));
    }
    return new ExpiryPolicy(m);
  }

  /** The default co-signing bundle file of a GUN: {@code <last path element>.bundle.json}. */
  static Path defaultBundle(Gun g) {
    return Path.of(g.name().substring(g.name().lastIndexOf('/') + 1) + ".bundle.json");
  }

  /**
   * Reports a publish: "Published …" on stdout (exit 0), or on stderr which signatures are missing
   * and where the bundle for co-signers is (exit 1). {@code what} names what moved to the bundle.
   */
  static int report(
      Publisher.Outcome outcome,
      String gun,
      String what,
      picocli.CommandLine.Model.CommandSpec spec) {
    return switch (outcome) {
      case Publisher.Outcome.Published done -> {
        spec.commandLine().getOut().println("Published " + done.roles() + " of " + gun);
        spec.commandLine().getOut().flush();
        yield 0;
      }
      case Publisher.Outcome.NeedsSignatures need -> {
        spec.commandLine()
            .getErr()
            .println(
                "bulwark: not published, more signatures needed: "
                    + need.missing()
                    + "; "
                    + what
                    + " moved to bundle "
                    + need.bundle()
                    + " (co-signers: bulwark trust sign "
                    + need.bundle()
                    + ")");
        yield 1;
      }
    };
  }
}
