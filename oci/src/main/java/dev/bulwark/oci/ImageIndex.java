package dev.bulwark.oci;

import dev.bulwark.oci.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An image index (OCI {@code image.index.v1} or Docker manifest list): one manifest per platform.
 */
public record ImageIndex(
    String mediaType,
    List<Descriptor> manifests,
    Map<String, String> annotations,
    byte[] raw,
    Digest digest)
    implements ManifestDocument {

  public ImageIndex {
    manifests = List.copyOf(manifests);
    annotations = Map.copyOf(annotations);
    raw = raw.clone();
  }

  static ImageIndex fromJson(JsonNode root, String mediaType, byte[] bytes)
      throws ImageFormatException {
    long schema = Json.requiredLong(root, "schemaVersion", "index");
    if (schema != 2) {
      throw new ImageFormatException("index schemaVersion must be 2, found " + schema);
    }
    List<Descriptor> manifests = new ArrayList<>();
    List<JsonNode> nodes = Json.array(root, "manifests", "index");
    for (int i = 0; i < nodes.size(); i++) {
      manifests.add(Descriptor.fromJson(nodes.get(i), "index manifests[" + i + "]"));
    }
    return new ImageIndex(
        mediaType,
        manifests,
        Json.stringMap(root, "annotations", "index"),
        bytes,
        Digest.sha256(bytes));
  }

  /**
   * The first image manifest whose platform {@code wanted} accepts (see {@link Platform#accepts});
   * entries without a platform or that are themselves indexes are skipped.
   */
  public Optional<Descriptor> select(Platform wanted) {
    return manifests.stream()
        .filter(d -> MediaTypes.isManifest(d.mediaType()))
        .filter(d -> d.platform().isPresent() && wanted.accepts(d.platform().get()))
        .findFirst();
  }

  /** Like {@link #select}, but a missing platform is an error naming what the index offers. */
  public Descriptor require(Platform wanted, Object imageName) throws ImageNotFoundException {
    return select(wanted)
        .orElseThrow(
            () ->
                new ImageNotFoundException(
                    imageName
                        + " has no manifest for platform "
                        + wanted
                        + "; it offers "
                        + platforms()));
  }

  /** The platforms this index offers, for error messages. */
  public List<String> platforms() {
    return manifests.stream()
        .map(d -> d.platform().map(Platform::toString).orElse("(none)"))
        .toList();
  }

  @Override
  public byte[] bytes() {
    return raw.clone();
  }

  @Override
  public String toString() {
    return "ImageIndex[" + mediaType + ", " + digest + ", " + platforms() + "]";
  }
}
