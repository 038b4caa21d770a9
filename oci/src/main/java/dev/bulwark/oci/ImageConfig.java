package dev.bulwark.oci;

import dev.bulwark.oci.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an image configuration blob that a build needs. Absent lists are empty; {@link
 * #raw()} keeps the exact bytes for anything else.
 *
 * @param diffIds digests of the uncompressed layers ({@code rootfs.diff_ids}), base first
 */
public record ImageConfig(
    String os,
    String architecture,
    Optional<String> variant,
    List<String> env,
    List<String> cmd,
    List<String> entrypoint,
    String workingDir,
    String user,
    Map<String, String> labels,
    List<Digest> diffIds,
    byte[] raw) {

  /** The label LinuxKit packages use to carry their runtime defaults as JSON. */
  public static final String MOBY_CONFIG_LABEL = "org.mobyproject.config";

  public ImageConfig {
    env = List.copyOf(env);
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    labels = Map.copyOf(labels);
    diffIds = List.copyOf(diffIds);
    raw = raw.clone();
  }

  /** Parses a config blob ({@code application/vnd.oci.image.config.v1+json} or Docker's). */
  public static ImageConfig parse(byte[] bytes) throws ImageFormatException {
    JsonNode root = Json.object(bytes, "image config");
    JsonNode c = root.path("config");
    if (!c.isObject() && !c.isMissingNode() && !c.isNull()) {
      throw new ImageFormatException("image config: field 'config' must be an object");
    }
    String where = "image config 'config'";
    return new ImageConfig(
        nz(Json.optionalString(root, "os", "image config")),
        nz(Json.optionalString(root, "architecture", "image config")),
        Optional.ofNullable(Json.optionalString(root, "variant", "image config")),
        list(c.isObject() ? Json.stringList(c, "Env", where) : null),
        list(c.isObject() ? Json.stringList(c, "Cmd", where) : null),
        list(c.isObject() ? Json.stringList(c, "Entrypoint", where) : null),
        c.isObject() ? nz(Json.optionalString(c, "WorkingDir", where)) : "",
        c.isObject() ? nz(Json.optionalString(c, "User", where)) : "",
        c.isObject() ? Json.stringMap(c, "Labels", where) : Map.of(),
        diffIds(root),
        bytes);
  }

  private static List<Digest> diffIds(JsonNode root) throws ImageFormatException {
    JsonNode rootfs = root.path("rootfs");
    if (!rootfs.isObject()) {
      return List.of();
    }
    List<Digest> out = new ArrayList<>();
    List<String> ids = Json.stringList(rootfs, "diff_ids", "image config rootfs");
    for (String id : ids == null ? List.<String>of() : ids) {
      try {
        out.add(Digest.parse(id));
      } catch (InvalidReferenceException e) {
        throw new ImageFormatException("image config rootfs.diff_ids: " + e.getMessage());
      }
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static List<String> list(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** The raw JSON text of the {@code org.mobyproject.config} label, if the image has one. */
  public Optional<String> mobyConfig() {
    return Optional.ofNullable(labels.get(MOBY_CONFIG_LABEL));
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public String toString() {
    return "ImageConfig["
        + os
        + "/"
        + architecture
        + ", cmd="
        + cmd
        + ", labels="
        + labels.keySet()
        + "]";
  }
}
