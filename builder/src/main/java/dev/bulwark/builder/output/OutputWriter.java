package dev.bulwark.builder.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Turns the rootfs tar into the requested outputs. Everything is written in the work directory
 * first and moved into place only when every format succeeded, so a failed build leaves no output.
 * The staged files are moved (not copied), so call this last: it consumes the rootfs tar.
 */
public final class OutputWriter {
  private OutputWriter() {}

  /**
   * Writes {@code formats} for {@code rootfs} as {@code dir/name...}; returns the files written.
   */
  public static List<Path> write(
      Path rootfs, Set<OutputFormat> formats, Path dir, String name, Path workDir)
      throws IOException {
    Map<Path, Path> staged = new LinkedHashMap<>();
    if (formats.contains(OutputFormat.TAR)) {
      staged.put(rootfs, dir.resolve(name + ".tar"));
    }
    if (formats.contains(OutputFormat.KERNEL_INITRD)
        || formats.contains(OutputFormat.TAR_KERNEL_INITRD)) {
      Path initrd = workDir.resolve("initrd.img");
      InitrdWriter.Boot boot;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(rootfs), 1 << 16);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(initrd), 1 << 16)) {
        boot = InitrdWriter.split(in, out);
      }
      if (formats.contains(OutputFormat.KERNEL_INITRD)) {
        stageKernelInitrd(boot, initrd, workDir, dir, name, staged);
      }
      if (formats.contains(OutputFormat.TAR_KERNEL_INITRD)) {
        Path t = workDir.resolve("initrd.tar");
        kernelInitrdTar(boot, initrd, t);
        staged.put(t, dir.resolve(name + "-initrd.tar"));
      }
    }
    Files.createDirectories(dir);
    List<Path> done = new ArrayList<>();
    for (Map.Entry<Path, Path> e : staged.entrySet()) {
      Path tmp = e.getValue().resolveSibling("." + e.getValue().getFileName() + ".partial");
      Files.move(e.getKey(), tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          tmp, e.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done.add(e.getValue());
    }
    return done;
  }

  private static void stageKernelInitrd(
      InitrdWriter.Boot boot,
      Path initrd,
      Path workDir,
      Path dir,
      String name,
      Map<Path, Path> staged)
      throws IOException {
    Path kernel = workDir.resolve("out-kernel");
    Files.write(kernel, boot.kernel());
    Path cmdline = workDir.resolve("out-cmdline");
    Files.writeString(cmdline, boot.cmdline(), StandardCharsets.UTF_8);
    Path img = initrd;
    if (boot.ucode().isPresent()) {
      img = workDir.resolve("out-initrd-ucode.img");
      try (OutputStream out = Files.newOutputStream(img)) {
        out.write(boot.ucode().get());
        Files.copy(initrd, out);
      }
    }
    staged.put(kernel, dir.resolve(name + "-kernel"));
    staged.put(img, dir.resolve(name + "-initrd.img"));
    staged.put(cmdline, dir.resolve(name + "-cmdline"));
  }

  private static void kernelInitrdTar(InitrdWriter.Boot boot, Path initrd, Path out)
      throws IOException {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            new BufferedOutputStream(Files.newOutputStream(out), 1 << 16), "UTF-8")) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      add(
          tar,
          "kernel",
          Files.size(Files.write(out.resolveSibling("k.tmp"), boot.kernel())),
          out.resolveSibling("k.tmp"));
      add(tar, "initrd.img", Files.size(initrd), initrd);
      byte[] cmd = boot.cmdline().getBytes(StandardCharsets.UTF_8);
      Path c = Files.write(out.resolveSibling("c.tmp"), cmd);
      add(tar, "cmdline", cmd.length, c);
      if (boot.ucode().isPresent()) {
        Path u = Files.write(out.resolveSibling("u.tmp"), boot.ucode().get());
        add(tar, "ucode.cpio", boot.ucode().get().length, u);
      }
      tar.finish();
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, long size, Path data)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
    e.setMode(0100644);
    e.setSize(size);
    e.setUserName("");
    e.setGroupName("");
    e.setModTime(dev.bulwark.builder.assemble.RootfsWriter.DEFAULT_MTIME);
    tar.putArchiveEntry(e);
    Files.copy(data, tar);
    tar.closeArchiveEntry();
  }
}
