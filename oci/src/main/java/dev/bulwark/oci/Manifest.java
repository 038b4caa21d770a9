package dev.bulwark.oci;

import dev.bulwark.oci.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An image manifest (OCI {@code image.manifest.v1} or Docker schema 2): one config blob and the
 * layers, base layer first.
 */
public record Manifest(
    String mediaType,
    Descriptor config,
    List<Descriptor> layers,
    Map<String, String> annotations,
    byte[] raw,
    Digest digest)
    implements ManifestDocument {

  public Manifest {
    layers = List.copyOf(layers);
    annotations = Map.copyOf(annotations);
    raw = raw.clone();
  }

  static Manifest fromJson(JsonNode root, String mediaType, byte[] bytes)
      throws ImageFormatException {
    long schema = Json.requiredLong(root, "schemaVersion", "manifest");
    if (schema != 2) {
      throw new ImageFormatException("manifest schemaVersion must be 2, found " + schema);
    }
    JsonNode configNode = root.get("config");
    if (configNode == null) {
      throw new ImageFormatException("manifest has no 'config' descriptor");
    }
    Descriptor config = Descriptor.fromJson(configNode, "manifest config");
    if (config.size() > ManifestDocument.MAX_BYTES) {
      // refuse before downloading: a config is read into memory
      throw new ImageFormatException(
          "manifest config is declared as "
              + config.size()
              + " bytes, more than the limit of "
              + ManifestDocument.MAX_BYTES);
    }
    List<Descriptor> layers = new ArrayList<>();
    List<JsonNode> nodes = Json.array(root, "layers", "manifest");
    for (int i = 0; i < nodes.size(); i++) {
      layers.add(Descriptor.fromJson(nodes.get(i), "manifest layers[" + i + "]"));
    }
    return new Manifest(
        mediaType,
        config,
        layers,
        Json.stringMap(root, "annotations", "manifest"),
        bytes,
        Digest.sha256(bytes));
  }

  /** {@code doc} as an image manifest; an index inside an index is refused (not supported). */
  public static Manifest require(ManifestDocument doc, Object imageName)
      throws ImageFormatException {
    if (doc instanceof Manifest m) {
      return m;
    }
    throw new ImageFormatException(
        imageName + ": index entry " + doc.digest() + " is itself an index; not supported");
  }

  @Override
  public byte[] bytes() {
    return raw.clone();
  }

  @Override
  public String toString() {
    return "Manifest[" + mediaType + ", " + digest + ", " + layers.size() + " layers]";
  }
}
