package dev.bulwark.builder.trust;

import dev.bulwark.builder.config.TrustSpec;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.InvalidReferenceException;
import java.util.List;

/**
 * Which images must be resolved through trust data.
 *
 * <p>The historical LinuxKit rules (moby/tool {@code trust.go}): an {@code image} entry matches the
 * image's name with or without its tag or digest; an {@code org} entry matches the first path
 * component of the repository ({@code library} for official Docker Hub images). LinuxKit stripped
 * tags with {@code strings.Split(name, ":")[0]}, so an entry for a registry with a port ({@code
 * localhost:5000/app}) never matched and such images were silently pulled unverified. Here both
 * sides are parsed as references and compared by registry, repository and (if the entry has one)
 * tag, so ports work.
 */
public final class TrustPolicy {
  private final boolean all;
  private final List<String> images;
  private final List<String> orgs;

  private TrustPolicy(boolean all, List<String> images, List<String> orgs) {
    this.all = all;
    this.images = List.copyOf(images);
    this.orgs = List.copyOf(orgs);
  }

  /** The policy of a build file's {@code trust:} block; {@code trustAll} covers every image. */
  public static TrustPolicy of(TrustSpec spec, boolean trustAll) {
    return new TrustPolicy(trustAll, spec.image(), spec.org());
  }

  public boolean isEmpty() {
    return !all && images.isEmpty() && orgs.isEmpty();
  }

  /** Whether {@code ref} must be resolved through signed trust data. */
  public boolean covers(ImageReference ref) {
    if (all) {
      return true;
    }
    for (String entry : images) {
      if (matchesImage(entry, ref)) {
        return true;
      }
    }
    String org =
        ref.repository().contains("/")
            ? ref.repository().substring(0, ref.repository().indexOf('/'))
            : "library";
    return orgs.contains(org);
  }

  private static boolean matchesImage(String entry, ImageReference ref) {
    boolean hasTag = entry.lastIndexOf(':') > entry.lastIndexOf('/');
    try {
      ImageReference e = ImageReference.parse(entry);
      if (!e.name().equals(ref.name())) {
        return false;
      }
      return !hasTag || e.tag().equals(ref.tag());
    } catch (InvalidReferenceException ex) {
      return false;
    }
  }
}
