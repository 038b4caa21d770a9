package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.VerificationException;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Downloads and verifies {@code targets} and its delegations breadth first, each by the hash the
 * snapshot lists. Follows Notary's rules: a delegation counts only for a direct child name ({@code
 * targets/a} → {@code targets/a/b}); its path prefixes are restricted to those inside its parent's;
 * a delegation the snapshot does not list (never published) is skipped. A delegation that is
 * expired or below its threshold is skipped too, with its subtree, and reported (Notary's {@code
 * downloadTargets} logs "Error getting ROLE" and goes on); for {@code targets} itself, and for any
 * other failure (hash, length, rollback, malformed), the whole read fails.
 */
final class DelegationWalker {
  /** Upper bound on targets roles visited, against hostile delegation fan-out. */
  static final int MAX_ROLES = 1000;

  private final NotaryRemote remote;
  private final Gun gun;
  private final Snapshot snapshot;
  private final Instant now;
  private final Versions cachedVersions;
  private final MetadataStore cache;

  DelegationWalker(
      NotaryRemote remote,
      Gun gun,
      Snapshot snapshot,
      Instant now,
      Versions versions,
      MetadataStore cache) {
    this.cache = cache;
    this.remote = remote;
    this.gun = gun;
    this.snapshot = snapshot;
    this.now = now;
    this.cachedVersions = versions;
  }

  private final List<SkippedRole> skipped = new ArrayList<>();

  /** The delegations the last {@link #walk} left out, in the order met. */
  List<SkippedRole> skipped() {
    return List.copyOf(skipped);
  }

  List<VerifiedTargets> walk(Root root) throws TrustException, DownloadException, IOException {
    Metadata<Targets> top = fetch("targets");
    root.verify(RoleType.TARGETS, top);
    checkFresh("targets", top);
    List<VerifiedTargets> out = new ArrayList<>();
    Deque<VerifiedTargets> queue = new ArrayDeque<>();
    queue.add(new VerifiedTargets("targets", top, List.of("")));
    while (!queue.isEmpty()) {
      VerifiedTargets parent = queue.poll();
      out.add(parent);
      for (DelegatedRole d : children(parent)) {
        if (out.size() + queue.size() >= MAX_ROLES) {
          throw new MalformedMetadataException(
              gun + ": more than " + MAX_ROLES + " delegated targets roles");
        }
        Metadata<Targets> md = fetch(d.name());
        if (verifiedDelegate(parent, d.name(), md)) {
          queue.add(new VerifiedTargets(d.name(), md, restrict(parent.paths(), d)));
        }
      }
    }
    return out;
  }

  // TUF 5.6.7 / Notary downloadTargets: threshold and expiry failures of a delegation drop that
  // subtree only; a rollback (TUF 5.6.5) or anything else still fails the whole read.
  private boolean verifiedDelegate(VerifiedTargets parent, String role, Metadata<Targets> md)
      throws TrustException {
    try {
      parent.metadata().signed().verifyDelegate(role, md);
    } catch (VerificationException e) {
      skipped.add(
          new SkippedRole(
              role,
              e.getMessage(),
              SkippedRole.Kind.THRESHOLD,
              md.signed().version(),
              Optional.empty()));
      return false;
    }
    cachedVersions.checkNotOlder(role, md);
    try {
      md.checkNotExpired(role, now);
    } catch (ExpiredMetadataException e) {
      skipped.add(
          new SkippedRole(
              role,
              e.getMessage(),
              SkippedRole.Kind.EXPIRED,
              md.signed().version(),
              Optional.of(md)));
      return false;
    }
    return true;
  }

  private List<DelegatedRole> children(VerifiedTargets parent) {
    Delegations del = parent.metadata().signed().delegations().orElse(Delegations.EMPTY);
    List<DelegatedRole> out = new ArrayList<>();
    for (DelegatedRole d : del.roles()) {
      boolean directChild =
          d.name().startsWith(parent.role() + "/")
              && d.name().indexOf('/', parent.role().length() + 1) < 0
              && NotaryLayout.isValidRole(d.name());
      if (directChild && snapshot.metaFor(d.name()).isPresent()) {
        out.add(d);
      }
    }
    return out;
  }

  private Metadata<Targets> fetch(String role)
      throws TrustException, DownloadException, IOException {
    MetaFile meta =
        snapshot
            .metaFor(role)
            .orElseThrow(
                () ->
                    new MalformedMetadataException(
                        "snapshot does not list " + role + " of " + gun));
    Metadata<Targets> md =
        Metadata.parseTargets(Dialect.NOTARY, remote.described(gun, role, meta, cache));
    md.checkAgainst(meta, role);
    return md;
  }

  private void checkFresh(String role, Metadata<Targets> md) throws TrustException {
    md.checkNotExpired(role, now);
    cachedVersions.checkNotOlder(role, md);
  }

  // Notary RestrictDelegationPathPrefixes: keep child prefixes that lie inside a parent prefix.
  private static List<String> restrict(List<String> parentPaths, DelegatedRole child) {
    List<String> out = new ArrayList<>();
    for (String p : child.paths().orElse(List.of())) {
      if (parentPaths.stream().anyMatch(p::startsWith)) {
        out.add(p);
      }
    }
    return out;
  }
}
