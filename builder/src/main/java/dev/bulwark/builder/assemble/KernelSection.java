package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import dev.bulwark.builder.config.KernelSpec;
import dev.bulwark.builder.layer.Extractor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * LinuxKit's kernel filter: {@code boot/}, {@code boot/cmdline}, {@code boot/kernel} from the
 * kernel image's {@code binary}; the modules tar unpacked into {@code /} (after the same hostile
 * content checks as a layer); {@code boot/ucode.cpio}. Everything else in the image is dropped.
 */
final class KernelSection {
  private KernelSection() {}

  static void write(
      RootfsWriter w, KernelSpec k, PreparedImage image, Extractor extractor, Path workDir)
      throws IOException, BuildException {
    Origin o = new Origin(image.reference(), "kernel");
    Path kernel = workDir.resolve("kernel.bin");
    Path modules = workDir.resolve("kernel-modules.tar");
    Path ucode = workDir.resolve("kernel-ucode.cpio");
    int kernelMode = pick(image.flatTar(), k, kernel, modules, ucode);
    if (kernelMode < 0) {
      throw new BuildException(
          image.reference() + ": kernel image has no file '" + k.binary() + "'");
    }
    w.dir("boot", 0755, 0, 0, o);
    w.file("boot/cmdline", k.cmdline().getBytes(StandardCharsets.UTF_8), 0644, 0, 0, o);
    w.file("boot/kernel", Files.readAllBytes(kernel), kernelMode, 0, 0, o);
    if (k.tar().isPresent()) {
      if (!Files.exists(modules)) {
        throw new BuildException(
            image.reference()
                + ": did not find kernel tar '"
                + k.tar().get()
                + "' in kernel image");
      }
      Path clean = workDir.resolve("kernel-modules.flat.tar");
      extractor.flatten(image.reference() + " (" + k.tar().get() + ")", List.of(modules), clean);
      ImageSectionCopy.copyAll(w, clean, o);
    }
    if (k.ucode().isPresent()) {
      if (!Files.exists(ucode)) {
        throw new BuildException(
            image.reference() + ": did not find ucode '" + k.ucode().get() + "' in kernel image");
      }
      w.file("boot/ucode.cpio", Files.readAllBytes(ucode), 0644, 0, 0, o);
    }
  }

  /** Saves the three files of interest; returns the kernel's mode, or -1 if it is missing. */
  private static int pick(Path flat, KernelSpec k, Path kernel, Path modules, Path ucode)
      throws IOException {
    int mode = -1;
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(
            new BufferedInputStream(Files.newInputStream(flat), 1 << 16), "UTF-8")) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.isFile() || e.isLink()) {
          continue;
        }
        String name = e.getName();
        Path target =
            name.equals(k.binary())
                ? kernel
                : k.tar().isPresent() && name.equals(k.tar().get())
                    ? modules
                    : k.ucode().isPresent() && name.equals(k.ucode().get()) ? ucode : null;
        if (target != null) {
          try (OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
          if (target.equals(kernel)) {
            mode = e.getMode() & 07777;
          }
        }
      }
    }
    return mode;
  }
}
