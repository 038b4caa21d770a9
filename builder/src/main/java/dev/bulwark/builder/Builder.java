package dev.bulwark.builder;

import dev.bulwark.builder.assemble.Assembler;
import dev.bulwark.builder.assemble.PreparedImage;
import dev.bulwark.builder.layer.Extractor;
import dev.bulwark.builder.layer.FlattenJob;
import dev.bulwark.builder.output.OutputWriter;
import dev.bulwark.builder.trust.TrustFailure;
import dev.bulwark.builder.trust.TrustedImage;
import dev.bulwark.builder.trust.Verification;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.Layer;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build pipeline: every image is pinned to a digest first (trust data for covered images,
 * failing closed before any pull), then pulled and verified, flattened in the extractor, assembled
 * into the rootfs tar, and turned into the outputs. Nothing is written to the output directory
 * unless every step succeeded.
 */
public final class Builder {
  private final BuildProgress progress;

  public Builder(BuildProgress progress) {
    this.progress = progress;
  }

  public BuildReport build(BuildRequest req) throws BuildException {
    Path work = null;
    try {
      Files.createDirectories(req.workRoot());
      work = Files.createTempDirectory(req.workRoot(), "build-");
      return run(req, work);
    } catch (IOException e) {
      throw new BuildException("build failed: " + e.getMessage(), e);
    } finally {
      if (work != null) {
        WorkDir.deleteRecursively(work);
      }
    }
  }

  private BuildReport run(BuildRequest req, Path work) throws BuildException, IOException {
    Map<String, TrustedImage> pinned = pinAll(req);
    Extractor extractor = req.extractor().apply(work);
    Map<String, PreparedImage> prepared = new LinkedHashMap<>();
    List<BuildReport.ImageRecord> records = new ArrayList<>();
    List<FlattenJob> jobs = new ArrayList<>();
    for (Map.Entry<String, TrustedImage> e : pinned.entrySet()) {
      Image img = pull(req, e.getKey(), e.getValue().pinned());
      List<Path> blobs = img.layers().stream().map(Layer::blob).toList();
      Path flat = work.resolve("image-" + jobs.size() + ".tar");
      jobs.add(new FlattenJob(e.getKey(), blobs, flat));
      prepared.put(e.getKey(), new PreparedImage(e.getKey(), img.config(), flat));
      long bytes = img.manifest().layers().stream().mapToLong(Descriptor::size).sum();
      records.add(
          new BuildReport.ImageRecord(
              e.getKey(),
              e.getValue().pinned().digest().toString(),
              img.manifest().digest().toString(),
              img.layers().size(),
              bytes,
              e.getValue().verification()));
    }
    // All images in one go: a confined extractor starts one child process per build.
    progress.stage("flattening " + jobs.size() + " image(s)");
    extractor.flattenAll(jobs);
    Path rootfs = work.resolve("rootfs.tar");
    progress.stage("assembling the root filesystem");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(rootfs), 1 << 16)) {
      new Assembler(req.config(), prepared, extractor, work).write(out);
    }
    progress.stage("writing outputs");
    List<Path> outputs =
        OutputWriter.write(rootfs, req.formats(), req.outputDir(), req.name(), work);
    return new BuildReport(records, outputs, extractor.confinement());
  }

  /**
   * Every distinct image, pinned, in build order; all trust decisions happen here, before pulls.
   */
  private Map<String, TrustedImage> pinAll(BuildRequest req) throws BuildException {
    Map<String, TrustedImage> out = new LinkedHashMap<>();
    for (String text : new LinkedHashSet<>(req.config().imageReferences())) {
      ImageReference ref = parse(text);
      TrustedImage t = pin(req, ref);
      progress.resolved(text, t.pinned().digest().toString(), t.verification().method());
      out.put(text, t);
    }
    return out;
  }

  private TrustedImage pin(BuildRequest req, ImageReference ref) throws BuildException {
    Optional<PinnedRef> digested = PinnedRef.ofDigested(ref);
    if (digested.isPresent()) {
      return new TrustedImage(digested.get(), Verification.DIGEST);
    }
    if (req.trust().covers(ref)) {
      if (req.resolver().isEmpty()) {
        throw new TrustFailure(
            ref
                + ": the trust block covers this image but no trust source is configured (--trust-server or --trust-tuf-url)");
      }
      return req.resolver().get().resolve(ref);
    }
    try {
      return new TrustedImage(req.source().resolveUnverified(ref), Verification.UNVERIFIED);
    } catch (IOException | OciException e) {
      throw new BuildException(ref + ": cannot resolve tag: " + e.getMessage(), e);
    }
  }

  private Image pull(BuildRequest req, String text, PinnedRef pinned) throws BuildException {
    try {
      Image img = req.source().load(pinned, req.platform());
      long bytes = img.manifest().layers().stream().mapToLong(Descriptor::size).sum();
      progress.pulled(text, img.layers().size(), bytes);
      return img;
    } catch (IOException | OciException e) {
      throw new BuildException(
          text + ": pull of " + pinned.digest() + " failed: " + e.getMessage(), e);
    }
  }

  private static ImageReference parse(String text) throws BuildException {
    try {
      return ImageReference.parse(text);
    } catch (dev.bulwark.oci.InvalidReferenceException e) {
      throw new BuildException("invalid image reference " + text + ": " + e.getMessage(), e);
    }
  }
}
