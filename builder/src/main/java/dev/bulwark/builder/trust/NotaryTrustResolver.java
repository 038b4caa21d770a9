package dev.bulwark.builder.trust;

import dev.bulwark.oci.Digest;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.SkippedRole;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.core.model.Signature;
import dev.bulwark.trust.core.model.TargetFile;
import java.util.List;
import java.util.Optional;

/**
 * Resolves tags through a Notary v1 (or Bulwark) trust server, as Docker Content Trust and the old
 * LinuxKit did: GUN = {@code registry/repository}, target = tag, looked up in {@code
 * targets/releases} first, then {@code targets}; the target's sha256 is the manifest digest.
 */
public final class NotaryTrustResolver implements TrustResolver {
  static final List<String> ROLES = List.of("targets/releases", "targets");
  private final Source reader;
  private final String server;

  /** Where verified collections come from: a {@link NotaryReader} (or a test's stand-in). */
  @FunctionalInterface
  interface Source {
    NotaryCollection read(Gun gun) throws Exception;
  }

  public NotaryTrustResolver(NotaryReader reader, String server) {
    this(reader::read, server);
  }

  NotaryTrustResolver(Source reader, String server) {
    this.reader = reader;
    this.server = server;
  }

  @Override
  public TrustedImage resolve(ImageReference ref) throws TrustFailure {
    if (ref.tag().isEmpty()) {
      throw new TrustFailure(ref + ": a trusted image needs a tag to look up");
    }
    String tag = ref.tag().get();
    NotaryCollection c;
    try {
      c = reader.read(new Gun(ref.name()));
    } catch (Exception e) {
      throw new TrustFailure(
          ref + ": no valid trust data from " + server + ": " + e.getMessage(), e);
    }
    for (String role : ROLES) {
      // Fail closed: Docker's client would quietly fall back from an expired or under-signed
      // targets/releases to targets (possibly an older digest); a build refuses instead.
      Optional<SkippedRole> skipped =
          c.skipped().stream().filter(s -> s.role().equals(role)).findFirst();
      if (skipped.isPresent()) {
        throw new TrustFailure(
            ref + ": " + skipped.get().warning() + "; refusing to fall back to another role");
      }
      Optional<VerifiedTargets> vt =
          c.targets().stream().filter(t -> t.role().equals(role)).findFirst();
      if (vt.isEmpty() || !vt.get().allows(tag)) {
        continue;
      }
      TargetFile file = vt.get().metadata().signed().targets().get(tag);
      if (file != null) {
        return pinned(ref, tag, role, file, vt.get());
      }
    }
    throw new TrustFailure(
        ref
            + ": tag '"
            + tag
            + "' is not signed in "
            + ROLES
            + " of "
            + ref.name()
            + " on "
            + server);
  }

  private TrustedImage pinned(
      ImageReference ref, String tag, String role, TargetFile file, VerifiedTargets vt)
      throws TrustFailure {
    Optional<byte[]> sha = file.hashes().get("sha256");
    if (sha.isEmpty()) {
      throw new TrustFailure(ref + ": signed target '" + tag + "' has no sha256 hash");
    }
    Digest d = new Digest("sha256", java.util.HexFormat.of().formatHex(sha.get()));
    List<String> keys = vt.metadata().signatures().stream().map(Signature::keyId).sorted().toList();
    return new TrustedImage(
        new PinnedRef(ref.withDigest(d), d), new Verification("notary", server, role, keys));
  }
}
