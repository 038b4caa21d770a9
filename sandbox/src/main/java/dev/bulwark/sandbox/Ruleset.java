package dev.bulwark.sandbox;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * First state of the typestate builder: which rights are handled (denied unless a rule allows
 * them), pinned to an ABI. {@link #create()} asks the kernel for a ruleset and returns a {@link
 * RulesetCreated} to add rules to; that one's {@code restrictSelf} or a launcher enforces it.
 *
 * <pre>{@code
 * try (RulesetCreated rs = Ruleset.of(Abi.V7)
 *     .handleFs(AccessFs.all(Abi.V7)).handleNet(AccessNet.all(Abi.V7))
 *     .scope(Scope.SIGNAL).compat(CompatLevel.HARD_REQUIREMENT).create()) {
 *   rs.addPath(new PathRule(Path.of("/usr"), AccessFs.readExecute(Abi.V7), false));
 *   RestrictionStatus st = rs.restrictSelf(Set.of());
 * }
 * }</pre>
 */
public final class Ruleset {
  private final Abi abi;
  private final CompatLevel compat;
  private final Set<AccessFs> fs;
  private final Set<AccessNet> net;
  private final Set<Scope> scopes;

  private Ruleset(
      Abi abi, CompatLevel compat, Set<AccessFs> fs, Set<AccessNet> net, Set<Scope> scopes) {
    this.abi = abi;
    this.compat = compat;
    this.fs = Collections.unmodifiableSet(copy(fs, AccessFs.class));
    this.net = Collections.unmodifiableSet(copy(net, AccessNet.class));
    this.scopes = Collections.unmodifiableSet(copy(scopes, Scope.class));
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> s, Class<E> type) {
    return s.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(s);
  }

  /** An empty ruleset pinned to {@code abi}, best effort. */
  public static Ruleset of(Abi abi) {
    return new Ruleset(abi, CompatLevel.BEST_EFFORT, Set.of(), Set.of(), Set.of());
  }

  /** Also handle {@code rights}; each must exist in the pinned ABI. */
  public Ruleset handleFs(Set<AccessFs> rights) {
    for (AccessFs a : rights) {
      requirePinned(a.since(), a.name());
    }
    EnumSet<AccessFs> s = copy(fs, AccessFs.class);
    s.addAll(rights);
    return new Ruleset(abi, compat, s, net, scopes);
  }

  /** Also handle network {@code rights} (ABI 4). */
  public Ruleset handleNet(Set<AccessNet> rights) {
    for (AccessNet a : rights) {
      requirePinned(a.since(), a.name());
    }
    EnumSet<AccessNet> s = copy(net, AccessNet.class);
    s.addAll(rights);
    return new Ruleset(abi, compat, fs, s, scopes);
  }

  /** Also restrict the given IPC scopes (ABI 6). */
  public Ruleset scope(Scope... more) {
    EnumSet<Scope> s = copy(scopes, Scope.class);
    for (Scope sc : more) {
      requirePinned(sc.since(), sc.name());
      s.add(sc);
    }
    return new Ruleset(abi, compat, fs, net, s);
  }

  /** How to react when the kernel lacks something; default best effort. */
  public Ruleset compat(CompatLevel level) {
    return new Ruleset(abi, level, fs, net, scopes);
  }

  private void requirePinned(Abi since, String what) {
    if (!abi.atLeast(since)) {
      throw new IllegalArgumentException(
          what
              + " needs Landlock ABI "
              + since.version()
              + " but the policy is pinned to ABI "
              + abi.version());
    }
  }

  public Abi abi() {
    return abi;
  }

  public CompatLevel compatLevel() {
    return compat;
  }

  public Set<AccessFs> handledFs() {
    return fs;
  }

  public Set<AccessNet> handledNet() {
    return net;
  }

  public Set<Scope> scopes() {
    return scopes;
  }

  /**
   * Asks the kernel for a ruleset with what it supports of the handled set.
   *
   * @throws UnsupportedFeatureException under a hard requirement when something is unsupported
   * @throws SandboxException when the kernel refuses the ruleset
   */
  public RulesetCreated create() throws SandboxException {
    return RulesetCreated.create(this, Landlock.kernelSupport());
  }
}
