package dev.bulwark.builder.assemble;

import dev.bulwark.builder.BuildException;
import dev.bulwark.builder.config.BuildConfig;
import dev.bulwark.builder.config.FileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The {@code files} section. Leading directories not created by this section are emitted with the
 * file's owner and its mode plus execute bits, as LinuxKit does.
 */
final class FilesSection {
  private static final long MAX_SOURCE_BYTES = 64L << 20;

  private FilesSection() {}

  static void write(RootfsWriter w, BuildConfig config, Map<String, Long> ids)
      throws IOException, BuildException {
    Set<String> created = new HashSet<>();
    List<FileEntry> files = config.files();
    for (int i = 0; i < files.size(); i++) {
      FileEntry f = files.get(i);
      Origin o = new Origin("linuxkit.files", "files[" + i + "]");
      String what = f.where() + ": file '" + f.path() + "'";
      long uid = OciSpec.id(f.uid(), ids, what);
      long gid = OciSpec.id(f.gid(), ids, what);
      byte[] data = f.directory() || f.symlink().isPresent() ? null : contents(f, config, what);
      if (data == null && !f.directory() && f.symlink().isEmpty()) {
        continue; // optional source that does not exist
      }
      int dirMode = withExecute(f.mode());
      for (String a : ancestors(f.path())) {
        if (!created.contains(a)) {
          w.dir(a, dirMode, uid, gid, o);
        }
      }
      if (f.directory()) {
        w.dir(f.path(), f.mode(), uid, gid, o);
        created.add(f.path());
      } else if (f.symlink().isPresent()) {
        w.symlink(f.path(), f.symlink().get(), o);
      } else {
        w.file(f.path(), data, f.mode(), uid, gid, o);
      }
    }
  }

  private static byte[] contents(FileEntry f, BuildConfig config, String what)
      throws BuildException {
    if (f.contents().isPresent()) {
      return f.contents().get().getBytes(StandardCharsets.UTF_8);
    }
    if (f.metadata().isPresent()) {
      return f.metadata().get().equals("json")
          ? GoJson.indent(config.document())
          : yaml(config.document());
    }
    String src = f.source().orElseThrow();
    Path p =
        src.startsWith("~/")
            ? Path.of(System.getProperty("user.home"), src.substring(2))
            : Path.of(src);
    try {
      if (!Files.exists(p) && f.optional()) {
        return null;
      }
      if (Files.size(p) > MAX_SOURCE_BYTES) {
        throw new BuildException(
            what + ": source " + p + " is larger than " + MAX_SOURCE_BYTES + " bytes");
      }
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new BuildException(what + ": cannot read source " + p + ": " + e.getMessage());
    }
  }

  private static byte[] yaml(Map<String, Object> doc) {
    DumpSettings s = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
    return new Dump(s).dumpToString(doc).getBytes(StandardCharsets.UTF_8);
  }

  /** Adds the execute bit to every class (user, group, other) that has any bit. */
  static int withExecute(int mode) {
    int out = mode;
    for (int shift : new int[] {6, 3, 0}) {
      if (((mode >> shift) & 7) != 0) {
        out |= 1 << shift;
      }
    }
    return out;
  }

  private static List<String> ancestors(String path) {
    List<String> out = new java.util.ArrayList<>();
    int i = path.indexOf('/');
    while (i > 0) {
      out.add(path.substring(0, i));
      i = path.indexOf('/', i + 1);
    }
    return out;
  }
}
