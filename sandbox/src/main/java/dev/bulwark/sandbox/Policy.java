package dev.bulwark.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable sandbox policy pinned to an ABI: handled rights, path and port rules, scopes,
 * logging flags and a compatibility level. Build one with {@link #builder(Abi)}; turn it into a
 * kernel ruleset with {@link #createRuleset()}.
 */
public record Policy(
    Abi abi,
    CompatLevel compat,
    Set<AccessFs> handledFs,
    Set<AccessNet> handledNet,
    Set<Scope> scopes,
    List<PathRule> paths,
    List<PortRule> ports,
    Set<RestrictFlag> flags) {

  public Policy {
    if (abi == null || compat == null) {
      throw new IllegalArgumentException("a policy needs an ABI and a compatibility level");
    }
    handledFs = frozen(handledFs, AccessFs.class);
    handledNet = frozen(handledNet, AccessNet.class);
    scopes = frozen(scopes, Scope.class);
    flags = frozen(flags, RestrictFlag.class);
    paths = List.copyOf(paths);
    ports = List.copyOf(ports);
    for (PathRule p : paths) {
      if (!handledFs.containsAll(p.access())) {
        throw new IllegalArgumentException(
            "rule for " + p.path() + " grants rights the policy does not handle: " + p.access());
      }
    }
    for (PortRule p : ports) {
      if (!handledNet.containsAll(p.access())) {
        throw new IllegalArgumentException(
            "rule for port " + p.port() + " grants network rights the policy does not handle");
      }
    }
  }

  private static <E extends Enum<E>> Set<E> frozen(Set<E> s, Class<E> t) {
    EnumSet<E> e = EnumSet.noneOf(t);
    e.addAll(s);
    return Collections.unmodifiableSet(e);
  }

  /**
   * A builder that handles every filesystem and TCP right of {@code abi} (deny by default), no
   * scopes, best effort.
   */
  public static Builder builder(Abi abi) {
    return new Builder(abi);
  }

  /** The same policy with another compatibility level. */
  public Policy withCompat(CompatLevel level) {
    return new Policy(abi, level, handledFs, handledNet, scopes, paths, ports, flags);
  }

  /** The same policy plus one path rule (its rights must be handled). */
  public Policy withPath(PathRule rule) {
    List<PathRule> p = new ArrayList<>(paths);
    p.add(rule);
    return new Policy(abi, compat, handledFs, handledNet, scopes, p, ports, flags);
  }

  /** The ruleset (first typestate) this policy describes. */
  public Ruleset ruleset() {
    return Ruleset.of(abi)
        .compat(compat)
        .handleFs(handledFs)
        .handleNet(handledNet)
        .scope(scopes.toArray(Scope[]::new));
  }

  /** Creates the kernel ruleset and adds every rule. */
  public RulesetCreated createRuleset() throws SandboxException {
    RulesetCreated rs = ruleset().create();
    try {
      for (PathRule p : paths) {
        rs.addPath(p);
      }
      for (PortRule p : ports) {
        rs.addPort(p);
      }
      return rs;
    } catch (SandboxException | RuntimeException e) {
      rs.close();
      throw e;
    }
  }

  /** Fluent construction of a {@link Policy}. */
  public static final class Builder {
    private final Abi abi;
    private CompatLevel compat = CompatLevel.BEST_EFFORT;
    private final EnumSet<AccessFs> fs;
    private final EnumSet<AccessNet> net;
    private final EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    private final EnumSet<RestrictFlag> flags = EnumSet.noneOf(RestrictFlag.class);
    private final List<PathRule> paths = new ArrayList<>();
    private final List<PortRule> ports = new ArrayList<>();

    private Builder(Abi abi) {
      this.abi = abi;
      this.fs = EnumSet.copyOf(AccessFs.all(abi));
      this.net = EnumSet.noneOf(AccessNet.class);
      net.addAll(AccessNet.all(abi));
    }

    public Builder compat(CompatLevel level) {
      this.compat = level;
      return this;
    }

    /** Replace the handled filesystem rights (default: all of the ABI). */
    public Builder handleFs(Set<AccessFs> rights) {
      fs.clear();
      fs.addAll(rights);
      return this;
    }

    /** Do not restrict the filesystem at all. */
    public Builder unrestrictedFilesystem() {
      fs.clear();
      return this;
    }

    /** Do not restrict TCP bind/connect. */
    public Builder unrestrictedNetwork() {
      net.clear();
      return this;
    }

    public Builder allow(Path path, Set<AccessFs> access) {
      paths.add(new PathRule(path, access, false));
      return this;
    }

    /** Like {@link #allow} but a missing path is skipped even under a hard requirement. */
    public Builder allowIfExists(Path path, Set<AccessFs> access) {
      paths.add(new PathRule(path, access, true));
      return this;
    }

    public Builder readOnly(Path... p) {
      return each(p, AccessFs.read(abi));
    }

    public Builder readExecute(Path... p) {
      return each(p, AccessFs.readExecute(abi));
    }

    public Builder readWrite(Path... p) {
      return each(p, AccessFs.readWrite(abi));
    }

    public Builder readWriteExecute(Path... p) {
      return each(p, AccessFs.readWriteExecute(abi));
    }

    private Builder each(Path[] p, Set<AccessFs> access) {
      for (Path x : p) {
        allow(x, access);
      }
      return this;
    }

    /**
     * Read and execute what a typical dynamically linked program or a JVM needs: {@code /usr},
     * {@code /bin}, {@code /sbin}, {@code /lib*}, {@code /etc}, {@code java.home} (all optional),
     * read-only {@code /proc} and {@code /sys} (JVM ergonomics), {@code /dev/null} and {@code
     * /dev/zero} read-write, {@code /dev/urandom} and {@code /dev/random} read-only. Nothing
     * writable on disk.
     */
    public Builder systemRuntime() {
      Set<AccessFs> rx = AccessFs.readExecute(abi);
      for (String d : List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")) {
        allowIfExists(Path.of(d), rx);
      }
      allowIfExists(Path.of(System.getProperty("java.home")), rx);
      allowIfExists(Path.of("/proc"), AccessFs.read(abi));
      allowIfExists(Path.of("/sys"), AccessFs.read(abi));
      Set<AccessFs> rwFile = EnumSet.of(AccessFs.READ_FILE, AccessFs.WRITE_FILE);
      if (abi.atLeast(Abi.V3)) {
        rwFile.add(AccessFs.TRUNCATE);
      }
      allowIfExists(Path.of("/dev/null"), rwFile);
      allowIfExists(Path.of("/dev/zero"), rwFile);
      allowIfExists(Path.of("/dev/urandom"), EnumSet.of(AccessFs.READ_FILE));
      allowIfExists(Path.of("/dev/random"), EnumSet.of(AccessFs.READ_FILE));
      return this;
    }

    public Builder bindTcp(int... port) {
      for (int p : port) {
        ports.add(new PortRule(p, EnumSet.of(AccessNet.BIND_TCP)));
      }
      return this;
    }

    public Builder connectTcp(int... port) {
      for (int p : port) {
        ports.add(new PortRule(p, EnumSet.of(AccessNet.CONNECT_TCP)));
      }
      return this;
    }

    public Builder scope(Scope... s) {
      scopes.addAll(List.of(s));
      return this;
    }

    public Builder flags(RestrictFlag... f) {
      flags.addAll(List.of(f));
      return this;
    }

    public Policy build() {
      return new Policy(abi, compat, fs, net, scopes, paths, ports, flags);
    }
  }
}
