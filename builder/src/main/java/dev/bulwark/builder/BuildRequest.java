package dev.bulwark.builder;

import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.layer.Extractor;
import dev.bulwark.builder.output.OutputFormat;
import dev.bulwark.builder.trust.TrustPolicy;
import dev.bulwark.builder.trust.TrustResolver;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.source.ImageSource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one build needs. {@code extractor} is made per build from its work directory (so a
 * confined extractor can be limited to it).
 */
public record BuildRequest(
    BuildConfig config,
    Set<OutputFormat> formats,
    Path outputDir,
    String name,
    TrustPolicy trust,
    Optional<TrustResolver> resolver,
    ImageSource source,
    Platform platform,
    Function<Path, Extractor> extractor,
    Path workRoot) {
  public BuildRequest {
    Objects.requireNonNull(config, "config");
    formats = Set.copyOf(formats);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one output format is needed");
    }
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(workRoot, "workRoot");
  }
}
