package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.config.ConfigParser;
import dev.bulwark.builder.config.ImageEntry;
import dev.bulwark.builder.config.VolumeEntry;
import dev.bulwark.builder.layer.Extractor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rootfs tar in LinuxKit's order: kernel, init images, volumes, onboot, onshutdown,
 * services, files. Same inputs, same bytes.
 */
public final class Assembler {
  private final BuildConfig config;
  private final Map<String, PreparedImage> images;
  private final Extractor extractor;
  private final Path workDir;
  private final Map<String, Long> ids = new HashMap<>();
  private final Map<String, String> firstLower = new HashMap<>();

  public Assembler(
      BuildConfig config, Map<String, PreparedImage> images, Extractor extractor, Path workDir) {
    this.config = config;
    this.images = Map.copyOf(images);
    this.extractor = extractor;
    this.workDir = workDir;
    List<ImageEntry> all = config.containers();
    for (int i = 0; i < all.size(); i++) {
      ids.put(all.get(i).name(), 100L + i);
    }
  }

  public void write(OutputStream out) throws IOException, BuildException {
    RootfsWriter w = new RootfsWriter(out);
    if (config.kernel().isPresent()) {
      KernelSection.write(
          w, config.kernel().get(), image(config.kernel().get().image()), extractor, workDir);
    }
    for (int i = 0; i < config.init().size(); i++) {
      PreparedImage img = image(config.init().get(i).image());
      ImageSection.write(
          w, img.flatTar(), "", true, new Origin(img.reference(), "init[" + i + "]"));
    }
    volumes(w);
    containers(w, "onboot", config.onboot(), true);
    containers(w, "onshutdown", config.onshutdown(), true);
    containers(w, "services", config.services(), false);
    FilesSection.write(w, config, ids);
    w.finish();
  }

  private void volumes(RootfsWriter w) throws IOException, BuildException {
    for (int i = 0; i < config.volumes().size(); i++) {
      VolumeEntry v = config.volumes().get(i);
      String prefix = "containers/volumes/" + v.name() + "/";
      Origin o = new Origin(v.image().orElse("linuxkit.volumes"), "volume[" + i + "]");
      if (v.format().equals("oci")) {
        throw new BuildException(
            v.where() + ": volume '" + v.name() + "': format 'oci' is not supported yet");
      }
      w.prefixDirs(prefix + "lower/", o);
      if (v.image().isPresent()) {
        ImageSection.write(w, image(v.image().get()).flatTar(), prefix + "lower/", false, o);
      }
      w.dir(prefix + "tmp", 0755, 0, 0, o);
      w.dir(prefix + "merged", 0755, 0, 0, o);
    }
  }

  private void containers(
      RootfsWriter w, String section, List<ImageEntry> entries, boolean numbered)
      throws IOException, BuildException {
    for (int i = 0; i < entries.size(); i++) {
      ImageEntry e = entries.get(i);
      String bundle =
          "containers/"
              + section
              + "/"
              + (numbered ? String.format("%03d-", i) : "")
              + e.name()
              + "/";
      bundle(w, e, bundle, new Origin(e.image(), section + "[" + i + "]"));
    }
  }

  private void bundle(RootfsWriter w, ImageEntry e, String bundle, Origin o)
      throws IOException, BuildException {
    PreparedImage img = image(e.image());
    String what = e.where() + ": " + e.name();
    Map<String, Object> label =
        img.config().mobyConfig().isPresent()
            ? ConfigParser.parseLabel(e.image(), img.config().mobyConfig().get())
            : Map.of();
    Map<String, Object> settings = Settings.merge(e.settings(), label);
    boolean readonly = (Boolean) settings.getOrDefault("readonly", false);
    Map<String, Object> spec = OciSpec.build(what, settings, img.config(), ids, this::volumeSource);
    String own = bundle + (readonly ? "rootfs" : "lower");
    String lower = firstLower.putIfAbsent(e.image(), own);
    w.prefixDirs(bundle, o);
    if (lower == null) {
      lower = own;
      ImageSection.write(w, img.flatTar(), own + "/", false, o);
    }
    w.file(bundle + "config.json", GoJson.indent(spec), 0644, 0, 0, o);
    if (!readonly) {
      w.dir(bundle + "tmp", 0755, 0, 0, o);
      w.dir(bundle + "rootfs", 0755, 0, 0, o);
    } else if (!lower.equals(own)) {
      w.dir(bundle + "rootfs", 0755, 0, 0, o);
    }
    w.file(
        bundle + "runtime.json",
        GoJson.indent(RuntimeJson.of(settings, bundle, lower, readonly)),
        0644,
        0,
        0,
        o);
  }

  /** A bind source naming a volume points at the volume's merged directory. */
  private String volumeSource(String src) {
    if (src.startsWith("/")) {
      return src;
    }
    for (VolumeEntry v : config.volumes()) {
      if (v.name().equals(src)) {
        return "/containers/volumes/" + v.name() + "/merged";
      }
    }
    return src;
  }

  private PreparedImage image(String ref) throws BuildException {
    PreparedImage p = images.get(ref);
    if (p == null) {
      throw new BuildException("image " + ref + " was not prepared");
    }
    return p;
  }
}
