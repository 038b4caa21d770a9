package dev.bulwark.builder.trust;

import dev.bulwark.oci.Digest;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.trust.client.TargetInfo;
import dev.bulwark.trust.client.TargetNotFoundException;
import dev.bulwark.trust.client.TrustedMetadataSet;
import dev.bulwark.trust.client.TufRemoteLayout;
import dev.bulwark.trust.client.Updater;
import dev.bulwark.trust.client.UpdaterConfig;
import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.SchemeFetcher;
import dev.bulwark.trust.client.store.DirectoryMetadataStore;
import dev.bulwark.trust.core.error.BadSignatureException;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Signature;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves tags through a plain TUF repository (TUF 1.0, refreshed with the trust-client {@link
 * Updater}).
 *
 * <p>Convention (the same shape as Docker Content Trust's targets, with the whole reference as the
 * path because a TUF repository is not scoped to one image): the target path is the normalised
 * reference {@code registry/repository:tag} (e.g. {@code docker.io/linuxkit/init:v1.0}); its {@code
 * length} and {@code hashes.sha256} are the size and digest of the image's manifest (or index);
 * {@code custom.mediaType} may carry the manifest's media type and is informational. Delegated
 * targets roles are searched as TUF 5.6.7 says.
 *
 * <p>The repository is refreshed once, on the first covered image; every failure (unsigned tag, bad
 * signature, signatures below threshold, expired or rolled-back metadata, a target without sha256)
 * throws a {@link TrustFailure} naming the image and the reason, before anything is pulled.
 */
public final class TufTrustResolver implements TrustResolver {
  private final Updater updater;
  private final String source;
  private Exception refreshFailure;
  private boolean refreshed;

  /** A resolver over an already configured {@link Updater}; {@code source} names it in messages. */
  public TufTrustResolver(Updater updater, String source) {
    this.updater = Objects.requireNonNull(updater, "updater");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * A resolver for the TUF repository whose metadata is at {@code metadataUrl} (http, https or
   * file), trusting {@code rootFile} on first use and keeping verified metadata in {@code
   * metadataDir}. A root already stored there (from an earlier build) takes precedence, so root
   * rotations are followed from it (TUF 5.2).
   */
  public static TufTrustResolver open(URI metadataUrl, Path rootFile, Path metadataDir, Clock clock)
      throws TrustFailure {
    byte[] root;
    try {
      root = Files.readAllBytes(rootFile);
      Files.createDirectories(metadataDir);
    } catch (IOException e) {
      throw new TrustFailure(
          "cannot read the trusted TUF root " + rootFile + ": " + e.getMessage(), e);
    }
    Updater updater =
        Updater.builder()
            .store(new DirectoryMetadataStore(metadataDir))
            .layout(new TufRemoteLayout(metadataUrl, Optional.empty()))
            .fetcher(SchemeFetcher.standard())
            .dialect(Dialect.TUF)
            .config(UpdaterConfig.defaults())
            .clock(clock)
            .bootstrapRoot(root)
            .build();
    return new TufTrustResolver(updater, metadataUrl.toString());
  }

  /** The target path an image's tag is signed under: {@code registry/repository:tag}. */
  public static String targetPath(ImageReference ref) {
    return ref.name() + ":" + ref.tag().orElseThrow();
  }

  @Override
  public TrustedImage resolve(ImageReference ref) throws TrustFailure {
    if (ref.tag().isEmpty()) {
      throw new TrustFailure(ref + ": a trusted image needs a tag to look up");
    }
    refreshOnce(ref);
    String path = targetPath(ref);
    TargetInfo target;
    try {
      target = updater.findTarget(path);
    } catch (TargetNotFoundException e) {
      throw new TrustFailure(
          ref + ": not signed: no trusted targets role of " + source + " lists '" + path + "'", e);
    } catch (TrustException | DownloadException | IOException e) {
      throw failure(ref, e);
    }
    return pinned(ref, target);
  }

  private void refreshOnce(ImageReference ref) throws TrustFailure {
    if (!refreshed) {
      refreshed = true;
      try {
        updater.refresh();
      } catch (TrustException | DownloadException | IOException e) {
        refreshFailure = e;
      }
    }
    if (refreshFailure != null) {
      throw failure(ref, refreshFailure);
    }
  }

  private TrustFailure failure(ImageReference ref, Exception e) {
    return new TrustFailure(
        ref
            + ": no valid trust data from TUF repository "
            + source
            + " ("
            + reason(e)
            + "): "
            + e.getMessage(),
        e);
  }

  /** A short name for why verification failed, for the one-line error. */
  static String reason(Exception e) {
    return switch (e) {
      case ExpiredMetadataException x -> "expired metadata";
      case ThresholdNotMetException x -> "signatures below threshold";
      case BadSignatureException x -> "bad signature";
      case HashMismatchException x -> "hash mismatch";
      case LengthMismatchException x -> "length mismatch";
      case RollbackException x -> "rollback";
      case DownloadException x -> "download failed";
      case IOException x -> "local metadata store failed";
      default -> "invalid metadata";
    };
  }

  private TrustedImage pinned(ImageReference ref, TargetInfo target) throws TrustFailure {
    TargetFile file = target.file();
    Optional<byte[]> sha = file.hashes().get("sha256");
    if (sha.isEmpty()) {
      throw new TrustFailure(ref + ": signed target '" + target.path() + "' has no sha256 hash");
    }
    if (file.length() <= 0) {
      throw new TrustFailure(
          ref
              + ": signed target '"
              + target.path()
              + "' has length "
              + file.length()
              + ", expected the manifest's size");
    }
    Digest d = new Digest("sha256", HexFormat.of().formatHex(sha.get()));
    return new TrustedImage(
        new PinnedRef(ref.withDigest(d), d),
        new Verification("tuf", source, target.role(), keyIds(target.role())));
  }

  /** The key IDs that signed the role: verified ones for top-level targets, else as listed. */
  private List<String> keyIds(String role) {
    Optional<TrustedMetadataSet> set = updater.trustedMetadata();
    Optional<Metadata<Targets>> md = set.flatMap(s -> s.targets(role));
    if (md.isEmpty()) {
      return List.of();
    }
    if (role.equals(RoleType.TARGETS.roleName())) {
      try {
        return set.get().root().signed().verify(RoleType.TARGETS, md.get()).stream()
            .sorted()
            .toList();
      } catch (ThresholdNotMetException e) {
        return List.of(); // cannot happen: the updater verified this role
      }
    }
    return md.get().signatures().stream().map(Signature::keyId).sorted().toList();
  }
}
