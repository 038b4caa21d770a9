package dev.bulwark.oci;

import dev.bulwark.oci.internal.Json;
import tools.jackson.databind.JsonNode;

/**
 * A document a registry serves from {@code /v2/<name>/manifests/<ref>}: an image {@link Manifest}
 * or an {@link ImageIndex}. Each keeps the exact bytes received; its digest is over those bytes.
 */
public sealed interface ManifestDocument permits Manifest, ImageIndex {

  /** Largest manifest or index accepted (the distribution spec's recommended 4 MiB). */
  int MAX_BYTES = 4 * 1024 * 1024;

  String mediaType();

  /** A copy of the exact bytes this document was parsed from. */
  byte[] bytes();

  /** The digest of {@link #bytes()}. */
  Digest digest();

  /**
   * Parses {@code bytes}. The {@code mediaType} field of the document wins; when absent, {@code
   * contentType} (the HTTP header or the descriptor's media type) decides, and failing that the
   * presence of {@code manifests} or {@code config}.
   */
  static ManifestDocument parse(byte[] bytes, String contentType) throws ImageFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new BlobVerificationException(
          "manifest is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
    }
    JsonNode root = Json.object(bytes, "manifest");
    String type = Json.optionalString(root, "mediaType", "manifest");
    if (type == null) {
      type =
          contentType != null && !contentType.isBlank()
              ? stripParameters(contentType)
              : guess(root);
    }
    if (MediaTypes.isIndex(type)) {
      return ImageIndex.fromJson(root, type, bytes);
    }
    if (MediaTypes.isManifest(type)) {
      return Manifest.fromJson(root, type, bytes);
    }
    if (type.equals(MediaTypes.DOCKER_SCHEMA1) || type.equals(MediaTypes.DOCKER_SCHEMA1_SIGNED)) {
      throw new ImageFormatException(
          "Docker schema 1 manifests are not supported (deprecated, unverifiable); found " + type);
    }
    throw new ImageFormatException(
        "expected an OCI or Docker schema 2 manifest or index, found media type '"
            + Digest.printable(type)
            + "'");
  }

  private static String stripParameters(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
  }

  private static String guess(JsonNode root) {
    return root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }
}
