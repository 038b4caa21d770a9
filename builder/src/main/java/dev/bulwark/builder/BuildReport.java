package dev.bulwark.builder;

import dev.bulwark.builder.trust.Verification;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a build used and produced: each image, its digest and how it was verified; the files. */
public record BuildReport(List<ImageRecord> images, List<Path> outputs, String extraction) {
  public BuildReport {
    images = List.copyOf(images);
    outputs = List.copyOf(outputs);
  }

  /** One image of the build. */
  public record ImageRecord(
      String reference,
      String digest,
      String manifest,
      int layers,
      long bytes,
      Verification verification) {}

  /** The report as plain values, for {@code --json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("images", images.stream().map(BuildReport::image).toList());
    m.put("outputs", outputs.stream().map(Path::toString).toList());
    m.put("extraction", extraction);
    return m;
  }

  private static Map<String, Object> image(ImageRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", r.reference());
    m.put("digest", r.digest());
    m.put("manifest", r.manifest());
    m.put("layers", r.layers());
    m.put("bytes", r.bytes());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("method", r.verification().method());
    v.put("server", r.verification().server());
    v.put("role", r.verification().role());
    v.put("keyIds", r.verification().keyIds());
    m.put("verification", v);
    return m;
  }
}
