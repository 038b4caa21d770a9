package dev.bulwark.sandbox;

import dev.bulwark.sandbox.internal.SyscallTable;
import dev.bulwark.sandbox.internal.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Second state: a kernel ruleset (or, when not enforced, a placeholder) to which rules are added.
 * The descriptor is not tied to a thread: one ruleset can confine any number of threads or
 * children. Close it when done; enforced domains stay.
 */
public final class RulesetCreated implements AutoCloseable {
  private static final int RULE_PATH_BENEATH = 1;
  private static final int RULE_NET_PORT = 2;

  private final Ruleset requested;
  private final Abi effective;
  private final Set<AccessFs> fs;
  private final Set<AccessNet> net;
  private final List<SkippedPath> skipped = new ArrayList<>();
  private RestrictionStatus status;
  private int fd;

  private RulesetCreated(
      Ruleset requested, Abi effective, Set<AccessFs> fs, Set<AccessNet> net, int fd) {
    this.requested = requested;
    this.effective = effective;
    this.fs = fs;
    this.net = net;
    this.fd = fd;
  }

  static RulesetCreated create(Ruleset r, KernelSupport k) throws SandboxException {
    if (k.availability() != KernelSupport.Availability.AVAILABLE) {
      if (r.compatLevel() == CompatLevel.HARD_REQUIREMENT) {
        throw new UnsupportedFeatureException("Landlock is required but " + k.describe());
      }
      return notEnforced(r, k, r.handledFs(), r.handledNet(), r.scopes());
    }
    Abi kernelAbi = Abi.of(k.abiVersion());
    Abi eff = kernelAbi.atLeast(r.abi()) ? r.abi() : kernelAbi;
    EnumSet<AccessFs> fs = supported(r.handledFs(), AccessFs.all(eff), AccessFs.class);
    EnumSet<AccessNet> net = supported(r.handledNet(), AccessNet.all(eff), AccessNet.class);
    EnumSet<Scope> sc = EnumSet.noneOf(Scope.class);
    if (eff.atLeast(Abi.V6)) {
      sc.addAll(r.scopes());
    }
    Set<AccessFs> dFs = minus(r.handledFs(), fs, AccessFs.class);
    Set<AccessNet> dNet = minus(r.handledNet(), net, AccessNet.class);
    Set<Scope> dSc = minus(r.scopes(), sc, Scope.class);
    boolean dropped = !dFs.isEmpty() || !dNet.isEmpty() || !dSc.isEmpty();
    if (dropped && r.compatLevel() == CompatLevel.HARD_REQUIREMENT) {
      throw new UnsupportedFeatureException(
          "the policy requires Landlock ABI "
              + r.abi().version()
              + " features this kernel lacks ("
              + k.describe()
              + "): "
              + dFs
              + dNet
              + dSc);
    }
    if ((dropped && r.compatLevel() == CompatLevel.SOFT_REQUIREMENT)
        || (fs.isEmpty() && net.isEmpty() && sc.isEmpty())) {
      return notEnforced(r, k, dFs, dNet, dSc);
    }
    int fd = createKernelRuleset(fs, net, sc);
    RulesetCreated c = new RulesetCreated(r, eff, fs, net, fd);
    EnforcementStatus st =
        dropped ? EnforcementStatus.PARTIALLY_ENFORCED : EnforcementStatus.FULLY_ENFORCED;
    c.status = new RestrictionStatus(st, k, dFs, dNet, dSc, Set.of(), List.of());
    return c;
  }

  private static RulesetCreated notEnforced(
      Ruleset r, KernelSupport k, Set<AccessFs> dFs, Set<AccessNet> dNet, Set<Scope> dSc) {
    RulesetCreated c = new RulesetCreated(r, r.abi(), Set.of(), Set.of(), -1);
    c.status =
        new RestrictionStatus(
            EnforcementStatus.NOT_ENFORCED, k, dFs, dNet, dSc, Set.of(), List.of());
    return c;
  }

  private static <E extends Enum<E>> EnumSet<E> supported(Set<E> want, Set<E> have, Class<E> t) {
    EnumSet<E> s = EnumSet.noneOf(t);
    s.addAll(want);
    s.retainAll(have);
    return s;
  }

  private static <E extends Enum<E>> Set<E> minus(Set<E> a, Set<E> b, Class<E> t) {
    EnumSet<E> s = EnumSet.noneOf(t);
    s.addAll(a);
    s.removeAll(b);
    return s;
  }

  private static int createKernelRuleset(Set<AccessFs> fs, Set<AccessNet> net, Set<Scope> sc)
      throws SandboxException {
    // struct landlock_ruleset_attr: u64 handled_access_fs, handled_access_net, scoped.
    long size = !sc.isEmpty() ? 24 : !net.isEmpty() ? 16 : 8;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment attr = arena.allocate(24, 8);
      attr.set(ValueLayout.JAVA_LONG, 0, AccessFs.maskOf(fs));
      attr.set(ValueLayout.JAVA_LONG, 8, AccessNet.maskOf(net));
      attr.set(ValueLayout.JAVA_LONG, 16, Scope.maskOf(sc));
      long r = Syscalls.call(SyscallTable.LANDLOCK_CREATE_RULESET, attr.address(), size, 0);
      if (r < 0) {
        throw new SandboxException(
            "landlock_create_ruleset failed: " + Errno.name((int) -r), (int) -r);
      }
      return (int) r;
    }
  }

  /** True when a kernel ruleset exists (the status is not {@code NOT_ENFORCED}). */
  public boolean isEnforceable() {
    return fd >= 0;
  }

  /** The ABI actually used: the pinned one, or the kernel's when older. */
  public Abi effectiveAbi() {
    return effective;
  }

  /** The status an enforcement of this ruleset will have. */
  public RestrictionStatus status() {
    return status.withSkippedPaths(skipped);
  }

  /**
   * Adds a path rule. Directory-only rights on a file are masked away; rights the kernel lacks were
   * reported at {@link Ruleset#create()}. A path that cannot be opened is skipped and reported in
   * {@link #status()}, or fails under a hard requirement unless the rule is optional.
   */
  public RulesetCreated addPath(PathRule rule) throws SandboxException {
    checkOpen();
    for (AccessFs a : rule.access()) {
      if (!requested.handledFs().contains(a)) {
        throw new IllegalArgumentException(
            "rule for " + rule.path() + " grants " + a + ", which the ruleset does not handle");
      }
    }
    if (fd < 0) {
      return this;
    }
    EnumSet<AccessFs> allowed = supported(rule.access(), fs, AccessFs.class);
    if (!Files.isDirectory(rule.path())) {
      allowed.removeIf(a -> !a.isFileRight());
    }
    if (allowed.isEmpty()) {
      return this;
    }
    int pfd = Syscalls.openPath(rule.path().toString());
    if (pfd < 0) {
      skip(rule, Errno.name(-pfd));
      return this;
    }
    try {
      addPathBeneath(rule, allowed, pfd);
    } finally {
      Syscalls.close(pfd);
    }
    return this;
  }

  private void skip(PathRule rule, String reason) throws UnsupportedFeatureException {
    if (requested.compatLevel() == CompatLevel.HARD_REQUIREMENT && !rule.optional()) {
      boolean missing = !Files.exists(rule.path(), LinkOption.NOFOLLOW_LINKS);
      throw new UnsupportedFeatureException(
          "cannot add a rule for "
              + rule.path()
              + ": "
              + (missing ? "no such file or directory" : reason));
    }
    skipped.add(new SkippedPath(rule.path(), reason));
  }

  private void addPathBeneath(PathRule rule, Set<AccessFs> allowed, int pfd)
      throws SandboxException {
    try (Arena arena = Arena.ofConfined()) {
      // struct landlock_path_beneath_attr (packed): u64 allowed_access; s32 parent_fd.
      MemorySegment attr = arena.allocate(12, 8);
      attr.set(ValueLayout.JAVA_LONG, 0, AccessFs.maskOf(allowed));
      attr.set(ValueLayout.JAVA_INT, 8, pfd);
      long r = Syscalls.call(SyscallTable.LANDLOCK_ADD_RULE, fd, RULE_PATH_BENEATH, attr.address());
      if (r < 0) {
        throw new SandboxException(
            "landlock_add_rule for "
                + rule.path()
                + " "
                + allowed
                + " failed: "
                + Errno.name((int) -r),
            (int) -r);
      }
    }
  }

  /** Adds a TCP port rule (ABI 4); dropped rights were reported at create. */
  public RulesetCreated addPort(PortRule rule) throws SandboxException {
    checkOpen();
    for (AccessNet a : rule.access()) {
      if (!requested.handledNet().contains(a)) {
        throw new IllegalArgumentException(
            "rule for port "
                + rule.port()
                + " grants "
                + a
                + ", which the ruleset does not handle");
      }
    }
    EnumSet<AccessNet> allowed = supported(rule.access(), net, AccessNet.class);
    if (fd < 0 || allowed.isEmpty()) {
      return this;
    }
    try (Arena arena = Arena.ofConfined()) {
      // struct landlock_net_port_attr: u64 allowed_access; u64 port.
      MemorySegment attr = arena.allocate(16, 8);
      attr.set(ValueLayout.JAVA_LONG, 0, AccessNet.maskOf(allowed));
      attr.set(ValueLayout.JAVA_LONG, 8, rule.port());
      long r = Syscalls.call(SyscallTable.LANDLOCK_ADD_RULE, fd, RULE_NET_PORT, attr.address());
      if (r < 0) {
        throw new SandboxException(
            "landlock_add_rule for port " + rule.port() + " failed: " + Errno.name((int) -r),
            (int) -r);
      }
    }
    return this;
  }

  /**
   * Confines the calling platform thread (and every thread or process it creates afterwards) with
   * this ruleset. Irreversible. Only the calling thread: other JVM threads stay unconfined (see the
   * package documentation).
   *
   * @throws IllegalStateException on a virtual thread (it would confine a carrier thread)
   */
  public RestrictionStatus restrictSelf(Set<RestrictFlag> flags) throws SandboxException {
    checkOpen();
    if (Thread.currentThread().isVirtual()) {
      throw new IllegalStateException(
          "refusing to restrict a virtual thread: it would confine its carrier and poison the"
              + " scheduler; use a dedicated platform thread");
    }
    RestrictionStatus st = status();
    if (fd < 0) {
      return st;
    }
    EnumSet<RestrictFlag> kept = EnumSet.noneOf(RestrictFlag.class);
    EnumSet<RestrictFlag> dropped = EnumSet.noneOf(RestrictFlag.class);
    for (RestrictFlag f : flags) {
      (Abi.of(st.kernel().abiVersion()).atLeast(f.since()) ? kept : dropped).add(f);
    }
    enforce(RestrictFlag.maskOf(kept));
    return st.withDroppedFlags(dropped);
  }

  private void enforce(long flags) throws SandboxException {
    SyscallTable t = Syscalls.table().orElseThrow();
    long r = Syscalls.call(t.prctl(), Syscalls.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    if (r < 0) {
      throw new SandboxException("prctl(PR_SET_NO_NEW_PRIVS) failed: " + Errno.name((int) -r));
    }
    r = Syscalls.call(SyscallTable.LANDLOCK_RESTRICT_SELF, fd, flags);
    if (r < 0) {
      String hint = r == -Errno.E2BIG ? " (16 nested Landlock domains reached)" : "";
      throw new SandboxException(
          "landlock_restrict_self failed: " + Errno.name((int) -r) + hint, (int) -r);
    }
  }

  private void checkOpen() {
    if (fd == -2) {
      throw new IllegalStateException("ruleset already closed");
    }
  }

  @Override
  public void close() {
    if (fd >= 0) {
      Syscalls.close(fd);
    }
    fd = -2;
  }
}
