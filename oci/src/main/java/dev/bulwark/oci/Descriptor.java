package dev.bulwark.oci;

import dev.bulwark.oci.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OCI content descriptor: what a blob is, its digest and exact size, and (in indexes) its
 * platform.
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    Optional<Platform> platform,
    Map<String, String> annotations) {

  public Descriptor {
    if (mediaType == null || mediaType.isEmpty() || digest == null || platform == null) {
      throw new IllegalArgumentException("descriptor needs a media type and a digest");
    }
    if (size < 0) {
      throw new IllegalArgumentException("descriptor size must not be negative, found " + size);
    }
    annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
  }

  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, Optional.empty(), Map.of());
  }

  /** The same descriptor with one more annotation. */
  public Descriptor withAnnotation(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(annotations);
    more.put(key, value);
    return new Descriptor(mediaType, digest, size, platform, more);
  }

  /** Reads a descriptor object; {@code where} names it in errors (e.g. "manifest layers[2]"). */
  public static Descriptor fromJson(JsonNode node, String where) throws ImageFormatException {
    if (!node.isObject()) {
      throw new ImageFormatException(where + " must be a JSON object");
    }
    String mediaType = Json.requiredString(node, "mediaType", where);
    Digest digest;
    try {
      digest = Digest.parse(Json.requiredString(node, "digest", where));
    } catch (InvalidReferenceException e) {
      throw new ImageFormatException(where + ": " + e.getMessage());
    }
    long size = Json.requiredLong(node, "size", where);
    if (size < 0) {
      throw new ImageFormatException(where + ": size must not be negative, found " + size);
    }
    return new Descriptor(
        mediaType,
        digest,
        size,
        platformFromJson(node.get("platform"), where),
        Json.stringMap(node, "annotations", where));
  }

  private static Optional<Platform> platformFromJson(JsonNode p, String where)
      throws ImageFormatException {
    if (p == null || p.isNull()) {
      return Optional.empty();
    }
    if (!p.isObject()) {
      throw new ImageFormatException(where + ": platform must be an object");
    }
    String os = Json.requiredString(p, "os", where + " platform");
    String arch = Json.requiredString(p, "architecture", where + " platform");
    String variant = Json.optionalString(p, "variant", where + " platform");
    return Optional.of(new Platform(os, arch, Optional.ofNullable(variant)));
  }

  /** Writes this descriptor as a JSON object (fields in the OCI spec's order). */
  public ObjectNode toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("mediaType", mediaType);
    node.put("digest", digest.toString());
    node.put("size", size);
    platform.ifPresent(
        p -> {
          ObjectNode pn = node.putObject("platform");
          pn.put("architecture", p.architecture());
          pn.put("os", p.os());
          p.variant().ifPresent(v -> pn.put("variant", v));
        });
    if (!annotations.isEmpty()) {
      ObjectNode an = node.putObject("annotations");
      annotations.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> an.put(e.getKey(), e.getValue()));
    }
    return node;
  }
}
