package dev.bulwark.builder.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A parsed, checked build: the sections of one or more LinuxKit YAML files. {@code document} is the
 * merged plain-value tree, used for {@code metadata: yaml|json} files.
 */
public record BuildConfig(
    Optional<KernelSpec> kernel,
    List<InitImage> init,
    List<ImageEntry> onboot,
    List<ImageEntry> onshutdown,
    List<ImageEntry> services,
    List<FileEntry> files,
    List<VolumeEntry> volumes,
    TrustSpec trust,
    Map<String, Object> document) {
  public BuildConfig {
    Objects.requireNonNull(kernel, "kernel");
    init = List.copyOf(init);
    onboot = List.copyOf(onboot);
    onshutdown = List.copyOf(onshutdown);
    services = List.copyOf(services);
    files = List.copyOf(files);
    volumes = List.copyOf(volumes);
    Objects.requireNonNull(trust, "trust");
    document = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(document));
  }

  /** Every container entry in build order: onboot, onshutdown, services. */
  public List<ImageEntry> containers() {
    return Stream.of(onboot, onshutdown, services).flatMap(List::stream).toList();
  }

  /** Every image reference the build uses, in build order, as written (with duplicates). */
  public List<String> imageReferences() {
    List<String> refs = new ArrayList<>();
    kernel.ifPresent(k -> refs.add(k.image()));
    init.forEach(i -> refs.add(i.image()));
    volumes.forEach(v -> v.image().ifPresent(refs::add));
    containers().forEach(c -> refs.add(c.image()));
    return refs;
  }
}
