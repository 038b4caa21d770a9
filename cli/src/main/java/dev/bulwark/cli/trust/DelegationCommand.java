package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.client.repo.DelegationEdit;
import dev.bulwark.trust.client.repo.Staging;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Key;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust delegation add|remove|list}. */
@Command(
    name = "delegation",
    mixinStandardHelpOptions = true,
    description = {
      "Manage delegated roles (targets/<name>): their keys, paths (prefixes; \"\" = all) and"
          + " threshold. Changes are staged; 'publish' signs them into the parent role."
          + " A threshold above 1 is supported (unlike notary): co-sign with 'bulwark trust sign'."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust delegation add example.com/app targets/releases alice.pub bob.pub carol.pub --all-paths --threshold 2",
      "  bulwark trust delegation remove example.com/app targets/releases 9f3e...   # revoke one key",
      "  bulwark trust delegation remove example.com/app targets/releases            # the whole role",
      "  bulwark trust delegation list example.com/app"
    })
public final class DelegationCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create a delegation or add keys/paths, set threshold.")
  int add(
      @Parameters(index = "0", paramLabel = "GUN") String gun,
      @Parameters(index = "1", paramLabel = "ROLE") String role,
      @Parameters(
              index = "2..*",
              arity = "0..*",
              paramLabel = "PEM",
              description = "Public keys or certificates.")
          List<Path> pems,
      @Option(names = "--paths", split = ",", paramLabel = "PREFIX") List<String> paths,
      @Option(names = "--all-paths", description = "Delegate every path (prefix \"\").")
          boolean allPaths,
      @Option(
              names = "--threshold",
              defaultValue = "0",
              description = "Signatures required (default: unchanged, 1 for a new role).")
          int threshold)
      throws Exception {
    List<Key> keys = new ArrayList<>();
    for (Path p : pems == null ? List.<Path>of() : pems) {
      keys.add(Staging.delegationKey(Files.readString(p, StandardCharsets.US_ASCII), p.toString()));
    }
    List<String> addPaths = new ArrayList<>(paths == null ? List.of() : paths);
    if (allPaths) {
      addPaths.add("");
    }
    DelegationEdit edit =
        new DelegationEdit(Staging.byId(keys), List.of(), addPaths, List.of(), allPaths, threshold);
    SigningSupport.context(trust).changelist(new Gun(gun)).add(Staging.delegation(role, edit));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Staged: delegation "
            + role
            + " of "
            + gun
            + " +keys "
            + Staging.byId(keys).keySet()
            + (addPaths.isEmpty() ? "" : " +paths " + addPaths)
            + (threshold > 0 ? " threshold " + threshold : ""));
    out.flush();
    return 0;
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove keys (revoke) or paths from a delegation, or the whole delegation.")
  int remove(
      @Parameters(index = "0", paramLabel = "GUN") String gun,
      @Parameters(index = "1", paramLabel = "ROLE") String role,
      @Parameters(index = "2..*", arity = "0..*", paramLabel = "KEYID") List<String> keyIds,
      @Option(names = "--paths", split = ",", paramLabel = "PREFIX") List<String> paths,
      @Option(
              names = "--threshold",
              defaultValue = "0",
              description = "New threshold after removing keys.")
          int threshold)
      throws Exception {
    var cl = SigningSupport.context(trust).changelist(new Gun(gun));
    boolean whole = (keyIds == null || keyIds.isEmpty()) && (paths == null || paths.isEmpty());
    if (whole) {
      cl.add(Staging.removeDelegation(role));
    } else {
      cl.add(
          Staging.delegation(
              role,
              new DelegationEdit(
                  Map.of(),
                  keyIds == null ? List.of() : keyIds,
                  List.of(),
                  paths == null ? List.of() : paths,
                  false,
                  threshold)));
    }
    spec.commandLine()
        .getOut()
        .println(
            "Staged: remove "
                + (whole
                    ? "delegation " + role
                    : "from " + role + " keys " + keyIds + " paths " + paths)
                + " of "
                + gun);
    spec.commandLine().getOut().flush();
    return 0;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the verified delegations of a collection.")
  int list(@Parameters(index = "0", paramLabel = "GUN") String gun) throws Exception {
    var c = SkippedWarnings.print(spec, trust.settings().reader().read(new Gun(gun)));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-24s %-10s %-20s %s%n", "ROLE", "THRESHOLD", "PATHS", "KEY IDS");
    for (VerifiedTargets vt : c.targets()) {
      var ds = vt.metadata().signed().delegations();
      if (ds.isEmpty()) {
        continue;
      }
      for (DelegatedRole r : ds.get().roles()) {
        out.printf(
            "%-24s %-10s %-20s %s%n",
            r.name(),
            r.threshold() + "/" + r.keyIds().size(),
            r.paths()
                .map(p -> p.stream().map(s -> s.isEmpty() ? "\"\"" : s).toList().toString())
                .orElse("[]"),
            String.join(",", r.keyIds()));
      }
    }
    out.flush();
    return 0;
  }
}
