package dev.bulwark.oci.layout;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.MediaTypes;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes images into an {@link OciLayout} without Docker: layers (tar bytes, stored gzipped) and
 * config fields in, manifest descriptor out. Output is deterministic: same inputs, same digests.
 *
 * <pre>{@code
 * Descriptor m = OciImageWriter.into(layout)
 *     .layer(new LayerTarBuilder().file("hello", 0755, bytes).build())
 *     .cmd("/hello").label("org.mobyproject.config", "{}")
 *     .writeManifest();
 * layout.tag("localhost:5000/demo/hello:1", m);
 * }</pre>
 */
public final class OciImageWriter {
  private final OciLayout layout;
  private final List<byte[]> layers = new ArrayList<>();
  private final List<String> env = new ArrayList<>();
  private final Map<String, String> labels = new TreeMap<>();
  private List<String> cmd;
  private List<String> entrypoint;
  private String workingDir;
  private String user;
  private Platform platform = Platform.LINUX_AMD64;
  private boolean docker;

  private OciImageWriter(OciLayout layout) {
    this.layout = layout;
  }

  public static OciImageWriter into(OciLayout layout) {
    return new OciImageWriter(layout);
  }

  /** Adds an uncompressed layer tar (base first); it is stored gzip-compressed. */
  public OciImageWriter layer(byte[] tar) {
    layers.add(tar.clone());
    return this;
  }

  public OciImageWriter platform(Platform p) {
    this.platform = p;
    return this;
  }

  public OciImageWriter env(String keyEqualsValue) {
    env.add(keyEqualsValue);
    return this;
  }

  public OciImageWriter cmd(String... args) {
    this.cmd = List.of(args);
    return this;
  }

  public OciImageWriter entrypoint(String... args) {
    this.entrypoint = List.of(args);
    return this;
  }

  public OciImageWriter workingDir(String dir) {
    this.workingDir = dir;
    return this;
  }

  public OciImageWriter user(String u) {
    this.user = u;
    return this;
  }

  public OciImageWriter label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Write Docker schema 2 media types instead of OCI ones. */
  public OciImageWriter dockerMediaTypes() {
    this.docker = true;
    return this;
  }

  /** Writes layers, config and manifest; returns the manifest's descriptor (with platform). */
  public Descriptor writeManifest() throws IOException {
    List<Descriptor> layerDescs = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    String layerType = docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
    for (byte[] tar : layers) {
      diffIds.add(Digest.sha256(tar));
      layerDescs.add(layout.writeBlob(layerType, gzip(tar)));
    }
    Descriptor config =
        layout.writeBlob(
            docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG, configJson(diffIds));
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("schemaVersion", 2);
    String type = docker ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST;
    m.put("mediaType", type);
    m.set("config", config.toJson());
    ArrayNode arr = m.putArray("layers");
    layerDescs.forEach(d -> arr.add(d.toJson()));
    Descriptor written = layout.writeBlob(type, Json.MAPPER.writeValueAsBytes(m));
    return new Descriptor(type, written.digest(), written.size(), Optional.of(platform), Map.of());
  }

  /**
   * Writes an index over {@code manifests} (descriptors from {@link #writeManifest}, which carry
   * their platforms); Docker manifest list media type if {@code docker}.
   */
  public static Descriptor writeIndex(OciLayout layout, List<Descriptor> manifests, boolean docker)
      throws IOException {
    ObjectNode idx = Json.MAPPER.createObjectNode();
    idx.put("schemaVersion", 2);
    String type = docker ? MediaTypes.DOCKER_MANIFEST_LIST : MediaTypes.OCI_INDEX;
    idx.put("mediaType", type);
    ArrayNode arr = idx.putArray("manifests");
    manifests.forEach(d -> arr.add(d.toJson()));
    return layout.writeBlob(type, Json.MAPPER.writeValueAsBytes(idx));
  }

  private byte[] configJson(List<Digest> diffIds) {
    ObjectNode c = Json.MAPPER.createObjectNode();
    c.put("architecture", platform.architecture());
    c.put("os", platform.os());
    platform.variant().ifPresent(v -> c.put("variant", v));
    ObjectNode cfg = c.putObject("config");
    if (!env.isEmpty()) {
      env.forEach(cfg.putArray("Env")::add);
    }
    if (entrypoint != null) {
      entrypoint.forEach(cfg.putArray("Entrypoint")::add);
    }
    if (cmd != null) {
      cmd.forEach(cfg.putArray("Cmd")::add);
    }
    if (workingDir != null) {
      cfg.put("WorkingDir", workingDir);
    }
    if (user != null) {
      cfg.put("User", user);
    }
    if (!labels.isEmpty()) {
      ObjectNode l = cfg.putObject("Labels");
      labels.forEach(l::put);
    }
    ObjectNode rootfs = c.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode ids = rootfs.putArray("diff_ids");
    diffIds.forEach(d -> ids.add(d.toString()));
    return Json.MAPPER.writeValueAsBytes(c);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
