package dev.bulwark.builder.config;

import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.InvalidReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the schema-checked plain-value tree of one file into the typed {@link BuildConfig}. */
final class SectionReader {
  private final SchemaReader reader;
  private final Map<String, Object> doc;

  SectionReader(SchemaReader reader, Map<String, Object> doc) {
    this.reader = reader;
    this.doc = doc;
  }

  BuildConfig read() throws ConfigException {
    return new BuildConfig(
        kernel(),
        init(),
        containers("onboot"),
        containers("onshutdown"),
        containers("services"),
        files(),
        volumes(),
        trust(),
        doc);
  }

  private Optional<KernelSpec> kernel() throws ConfigException {
    Map<String, Object> k = map(doc, "kernel");
    if (k == null) {
      return Optional.empty();
    }
    Where where = reader.where(k);
    String tar = (String) k.getOrDefault("tar", "kernel.tar");
    return Optional.of(
        new KernelSpec(
            image((String) k.get("image"), where),
            (String) k.getOrDefault("cmdline", ""),
            (String) k.getOrDefault("binary", "kernel"),
            tar.isEmpty() || tar.equals("none") ? Optional.empty() : Optional.of(tar),
            ConfigParser.optString(k, "ucode"),
            where));
  }

  private List<InitImage> init() throws ConfigException {
    List<InitImage> out = new ArrayList<>();
    List<Object> list = list(doc, "init");
    Where where = reader.where(list);
    for (Object o : list) {
      out.add(new InitImage(image((String) o, where), where));
    }
    return out;
  }

  private List<ImageEntry> containers(String section) throws ConfigException {
    List<ImageEntry> out = new ArrayList<>();
    for (Object o : list(doc, section)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      Where where = reader.where(m);
      Map<String, Object> settings = new LinkedHashMap<>(m);
      settings.remove("name");
      settings.remove("image");
      out.add(
          new ImageEntry(
              (String) m.get("name"), image((String) m.get("image"), where), settings, where));
    }
    return out;
  }

  private List<FileEntry> files() throws ConfigException {
    List<FileEntry> out = new ArrayList<>();
    for (Object o : list(doc, "files")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(FileChecks.entry(m, reader.where(m)));
    }
    return out;
  }

  private List<VolumeEntry> volumes() throws ConfigException {
    List<VolumeEntry> out = new ArrayList<>();
    for (Object o : list(doc, "volumes")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      Where where = reader.where(m);
      Optional<String> img = ConfigParser.optString(m, "image");
      Optional<String> expanded = img.isPresent() ? Optional.of(image(img.get(), where)) : img;
      String format = (String) m.getOrDefault("format", "filesystem");
      if (!format.equals("filesystem") && !format.equals("oci")) {
        throw new ConfigException(
            where + ": volume format must be 'filesystem' or 'oci', found '" + format + "'");
      }
      @SuppressWarnings("unchecked")
      List<String> platforms = (List<String>) m.getOrDefault("platforms", List.of());
      out.add(
          new VolumeEntry(
              (String) m.get("name"),
              expanded,
              (Boolean) m.getOrDefault("readonly", false),
              format,
              platforms,
              where));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private TrustSpec trust() {
    Map<String, Object> t = map(doc, "trust");
    if (t == null) {
      return TrustSpec.NONE;
    }
    return new TrustSpec(
        (List<String>) t.getOrDefault("image", List.of()),
        (List<String>) t.getOrDefault("org", List.of()));
  }

  private static String image(String ref, Where where) throws ConfigException {
    try {
      return ImageReference.parse(ref).toString();
    } catch (InvalidReferenceException e) {
      throw new ConfigException(
          where + ": invalid image reference '" + ref + "': " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> m, String key) {
    return (List<Object>) m.getOrDefault(key, List.of());
  }
}
