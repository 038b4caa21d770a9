package dev.bulwark.builder.layer;

import dev.bulwark.sandbox.Abi;
import dev.bulwark.sandbox.Command;
import dev.bulwark.sandbox.CompatLevel;
import dev.bulwark.sandbox.ConfinedProcess;
import dev.bulwark.sandbox.Policy;
import dev.bulwark.sandbox.Sandbox;
import dev.bulwark.sandbox.SandboxException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@link ExtractMain} in a child JVM confined with Landlock: it may read the system runtime,
 * its class path and the layer blobs, and write only inside the build's work directory. A kernel
 * without Landlock makes the build fail (hard requirement) rather than extract unconfined.
 */
public final class ConfinedExtractor implements Extractor {
  private final LayerLimits limits;
  private final Path workDir;
  private final Set<Path> blobDirs;

  public ConfinedExtractor(LayerLimits limits, Path workDir, Set<Path> blobDirs) {
    this.limits = limits;
    this.workDir = workDir.toAbsolutePath().normalize();
    this.blobDirs = Set.copyOf(blobDirs);
  }

  @Override
  public void flatten(String image, List<Path> layers, Path out) throws LayerException {
    flattenAll(List.of(new FlattenJob(image, layers, out)));
  }

  /** All images in one confined child: one JVM start per build instead of one per image. */
  @Override
  public void flattenAll(List<FlattenJob> jobs) throws LayerException {
    if (jobs.isEmpty()) {
      return;
    }
    String image = jobs.size() == 1 ? jobs.getFirst().image() : jobs.size() + " images";
    List<Path> layers = jobs.stream().flatMap(j -> j.layers().stream()).toList();
    try {
      ConfinedProcess p = Sandbox.start(policy(layers), command(jobs));
      p.getOutputStream().close();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int code = p.waitFor();
      if (code != 0) {
        jobs.forEach(j -> InProcessExtractor.deleteQuietly(j.out()));
        // The child names the refused image at the start of its last line.
        String last =
            err.isEmpty()
                ? image + ": exit code " + code
                : err.substring(err.lastIndexOf('\n') + 1);
        throw new LayerException(last);
      }
    } catch (SandboxException e) {
      throw new LayerException(image + ": cannot confine layer extraction: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new LayerException(image + ": cannot run layer extraction: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LayerException(image + ": interrupted during layer extraction", e);
    }
  }

  @Override
  public String confinement() {
    return "landlock child process (writes only " + workDir + ")";
  }

  private Policy policy(List<Path> layers) {
    Policy.Builder b = Policy.builder(Abi.V7).systemRuntime().compat(CompatLevel.HARD_REQUIREMENT);
    Set<Path> readable = new LinkedHashSet<>(blobDirs);
    for (Path l : layers) {
      readable.add(l.toAbsolutePath().normalize().getParent());
    }
    for (String entry : classPath()) {
      readable.add(Path.of(entry).toAbsolutePath().normalize());
    }
    readable.removeIf(p -> p.startsWith(workDir) || !Files.exists(p));
    b.readOnly(readable.toArray(Path[]::new));
    b.readWrite(workDir);
    return b.build();
  }

  private Command command(List<FlattenJob> jobs) {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-XX:-UsePerfData", "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto"));
    argv.add("-cp");
    argv.add(String.join(File.pathSeparator, classPath()));
    argv.add(ExtractMain.class.getName());
    argv.add(Long.toString(limits.maxEntryBytes()));
    argv.add(Long.toString(limits.maxImageBytes()));
    argv.add(Integer.toString(limits.maxEntries()));
    for (FlattenJob j : jobs) {
      argv.add(ExtractMain.JOB);
      argv.add(j.image());
      argv.add(j.out().toAbsolutePath().toString());
      for (Path l : j.layers()) {
        argv.add(l.toAbsolutePath().toString());
      }
    }
    return Command.of(argv).directory(workDir);
  }

  /**
   * Just the code the child needs (the builder, commons-compress and its helpers), located from the
   * loaded classes, so it works under launchers with manifest-only class-path jars too.
   */
  private static List<String> classPath() {
    Set<String> out = new LinkedHashSet<>();
    for (String name :
        List.of(
            ExtractMain.class.getName(),
            "org.apache.commons.compress.archivers.tar.TarArchiveInputStream",
            "org.apache.commons.io.IOUtils",
            "org.apache.commons.lang3.StringUtils",
            "org.apache.commons.codec.digest.DigestUtils")) {
      try {
        Class<?> c = Class.forName(name, false, ConfinedExtractor.class.getClassLoader());
        var src = c.getProtectionDomain().getCodeSource();
        if (src != null) {
          out.add(Path.of(src.getLocation().toURI()).toString());
        }
      } catch (ClassNotFoundException | java.net.URISyntaxException e) {
        // optional helper library not present: the child does not need it
      }
    }
    return List.copyOf(out);
  }
}
