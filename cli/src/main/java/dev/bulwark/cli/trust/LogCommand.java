package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Signature;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust log GUN}: the history of a collection's targets roles. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = {
      "Audit a collection: verify its current state, then walk every stored version of targets"
          + " and each delegation (N.<role>.json on the server) and print version, expiry, the"
          + " key IDs that signed it and the targets added, changed and removed. Older versions are"
          + " history, not trusted state: they are shown as stored."
    },
    footer = {"", "Example:", "  bulwark trust log example.com/app"})
public final class LogCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GUN")
  String gun;

  @Override
  public Integer call() throws Exception {
    TrustSettings s = trust.settings();
    Gun g = new Gun(gun);
    NotaryCollection current = s.reader().read(g);
    NotaryRemote remote =
        new NotaryRemote(
            new NotaryLayout(s.server()), new NotaryHttpFetcher(s.tls(), Duration.ofSeconds(60)));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "root: version "
            + current.root().signed().version()
            + ", expires "
            + current.root().signed().expires());
    for (VerifiedTargets vt : current.targets()) {
      history(remote, g, vt.role(), vt.metadata().signed().version(), out);
    }
    out.flush();
    return 0;
  }

  private static void history(NotaryRemote remote, Gun g, String role, long latest, PrintWriter out)
      throws Exception {
    Map<String, TargetFile> prev = Map.of();
    for (long v = 1; v <= latest; v++) {
      Metadata<Targets> md;
      try {
        md = Metadata.parseTargets(Dialect.NOTARY, remote.version(g, role, v));
      } catch (RemoteNotFoundException e) {
        continue; // Notary uploads targets from version 2; versions may be missing.
      }
      Map<String, TargetFile> now = md.signed().targets();
      List<String> changes = new ArrayList<>();
      for (String name : new TreeSet<>(now.keySet())) {
        if (!prev.containsKey(name)) {
          changes.add("+" + name);
        } else if (!prev.get(name).equals(now.get(name))) {
          changes.add("~" + name);
        }
      }
      for (String name : new TreeSet<>(prev.keySet())) {
        if (!now.containsKey(name)) {
          changes.add("-" + name);
        }
      }
      List<String> signers =
          md.signatures().stream().map(Signature::keyId).map(id -> id.substring(0, 12)).toList();
      out.printf(
          "%-20s v%-4d expires %s  signed by %s  %s%n",
          role,
          v,
          md.signed().expires(),
          signers,
          changes.isEmpty() ? "(no target changes)" : String.join(" ", changes));
      prev = now;
    }
  }
}
