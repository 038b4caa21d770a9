package dev.bulwark.cli.sandbox;

import dev.bulwark.sandbox.Abi;
import dev.bulwark.sandbox.AccessFs;
import dev.bulwark.sandbox.AccessNet;
import dev.bulwark.sandbox.CompatLevel;
import dev.bulwark.sandbox.PathRule;
import dev.bulwark.sandbox.Policy;
import dev.bulwark.sandbox.PortRule;
import dev.bulwark.sandbox.RestrictFlag;
import dev.bulwark.sandbox.Scope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns {@code bulwark sandbox} flags into a {@link Policy}, and merges one into a file's. */
final class PolicyFlags {
  private PolicyFlags() {}

  static Policy fromFlags(SandboxCommand c, CompatLevel level) {
    if (c.abi < 1 || c.abi > Abi.latest().version()) {
      throw new IllegalArgumentException(
          "--abi must be 1.." + Abi.latest().version() + ", got " + c.abi);
    }
    Abi abi = Abi.of(c.abi);
    Policy.Builder b = Policy.builder(abi).compat(level);
    if (c.unrestrictedFilesystem) {
      b.unrestrictedFilesystem();
    }
    if (c.unrestrictedNetwork) {
      b.unrestrictedNetwork();
    }
    c.ro.forEach(p -> b.readOnly(p));
    c.rox.forEach(p -> b.readExecute(p));
    c.rw.forEach(p -> b.readWrite(p));
    c.rwx.forEach(p -> b.readWriteExecute(p));
    c.bindTcp.forEach(b::bindTcp);
    c.connectTcp.forEach(b::connectTcp);
    for (String s : c.scopes) {
      b.scope(scope(s));
    }
    if (c.logNewExec) {
      b.flags(RestrictFlag.LOG_NEW_EXEC_ON);
    }
    return b.build();
  }

  static Scope scope(String s) {
    return switch (s.trim()) {
      case "signal" -> Scope.SIGNAL;
      case "abstract-unix", "abstract_unix_socket" -> Scope.ABSTRACT_UNIX_SOCKET;
      default ->
          throw new IllegalArgumentException(
              "unknown --scope \"" + s + "\" (expected signal or abstract-unix)");
    };
  }

  /**
   * The file's policy plus the flags' rules, scopes and flags. Handled rights grow only by what the
   * flags' rules use, so a file that leaves TCP open keeps it open.
   */
  static Policy merge(Policy file, Policy flags) {
    EnumSet<AccessFs> fs = EnumSet.noneOf(AccessFs.class);
    fs.addAll(file.handledFs());
    EnumSet<AccessNet> net = EnumSet.noneOf(AccessNet.class);
    net.addAll(file.handledNet());
    List<PathRule> paths = new ArrayList<>(file.paths());
    for (PathRule p : flags.paths()) {
      fs.addAll(p.access());
      paths.add(p);
    }
    List<PortRule> ports = new ArrayList<>(file.ports());
    for (PortRule p : flags.ports()) {
      net.addAll(p.access());
      ports.add(p);
    }
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    scopes.addAll(file.scopes());
    scopes.addAll(flags.scopes());
    Abi abi = file.abi().atLeast(flags.abi()) ? file.abi() : flags.abi();
    Set<RestrictFlag> f = flags.flags();
    return new Policy(abi, flags.compat(), fs, net, scopes, paths, ports, f);
  }
}
