package dev.bulwark.oci.source;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.layout.OciLayout;
import java.io.IOException;
import java.util.Optional;

/**
 * Images in an OCI layout directory (made by Bulwark, umoci, skopeo, buildkit...). Names are the
 * {@code org.opencontainers.image.ref.name} annotations of its {@code index.json}: either the full
 * reference ({@code docker.io/library/alpine:3.20}) or just the tag ({@code 3.20}).
 */
public final class LayoutImageSource implements ImageSource {
  private final OciLayout layout;

  public LayoutImageSource(OciLayout layout) {
    this.layout = layout;
  }

  public OciLayout layout() {
    return layout;
  }

  @Override
  public PinnedRef resolveUnverified(ImageReference ref) throws IOException, OciException {
    Optional<PinnedRef> pinned = PinnedRef.ofDigested(ref);
    if (pinned.isPresent()) {
      return pinned.get();
    }
    String tag = ref.tag().orElseThrow();
    Optional<Descriptor> d = layout.lookup(ref.name() + ":" + tag);
    if (d.isEmpty()) {
      d = layout.lookup(tag);
    }
    return new PinnedRef(
        ref,
        d.orElseThrow(
                () ->
                    new ImageNotFoundException(
                        "no image named "
                            + ref
                            + " (or '"
                            + tag
                            + "') in the layout at "
                            + layout.root()))
            .digest());
  }

  @Override
  public Image load(PinnedRef ref, Platform platform) throws IOException, OciException {
    return layout.loadImage(ref, platform);
  }
}
