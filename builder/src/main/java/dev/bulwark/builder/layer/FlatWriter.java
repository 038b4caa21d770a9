package dev.bulwark.builder.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Pass 2 of {@link LayerFlattener}: copies the winners bottom-up, parents first. */
final class FlatWriter {
  private final TreeMap<String, Winner> winners;
  private final TarArchiveOutputStream tar;
  private final Set<String> written = new HashSet<>();

  FlatWriter(TreeMap<String, Winner> winners, TarArchiveOutputStream tar) {
    this.winners = winners;
    this.tar = tar;
  }

  void write(List<Path> layers) throws IOException, LayerException {
    for (int i = 0; i < layers.size(); i++) {
      String what = "layer " + (i + 1) + " (" + layers.get(i).getFileName() + ")";
      try (TarArchiveInputStream in = LayerOpener.open(layers.get(i))) {
        int ordinal = 0;
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
          ordinal++;
          String path = EntryPath.normalize(e.getName(), what);
          Winner w = winners.get(path);
          if (w == null || w.layer() != i || w.ordinal() != ordinal || written.contains(path)) {
            continue;
          }
          parents(path);
          copy(w, e, in);
        }
      }
    }
    if (written.size() < winners.size()) {
      throw new LayerException("a layer changed while it was being read");
    }
  }

  /** Writes every missing parent directory: the image's own entry if it has one, else 0755 root. */
  private void parents(String path) throws IOException {
    for (String a : EntryPath.ancestors(path)) {
      if (written.contains(a)) {
        continue;
      }
      Winner dir = winners.get(a);
      TarArchiveEntry d = new TarArchiveEntry(a + "/", TarConstants.LF_DIR);
      if (dir != null) {
        d.setMode((TarArchiveEntry.DEFAULT_DIR_MODE & ~07777) | dir.mode());
        d.setUserId(dir.uid());
        d.setGroupId(dir.gid());
        d.setModTime(FileTime.fromMillis(dir.mtimeSeconds() * 1000));
      } else {
        d.setMode(040755);
        d.setModTime(FileTime.fromMillis(0));
      }
      tar.putArchiveEntry(d);
      tar.closeArchiveEntry();
      written.add(a);
    }
  }

  private void copy(Winner w, TarArchiveEntry src, TarArchiveInputStream in)
      throws IOException, LayerException {
    TarArchiveEntry out =
        switch (w.kind()) {
          case DIRECTORY -> new TarArchiveEntry(w.path() + "/", TarConstants.LF_DIR);
          case FILE -> new TarArchiveEntry(w.path(), TarConstants.LF_NORMAL);
          case SYMLINK -> new TarArchiveEntry(w.path(), TarConstants.LF_SYMLINK);
          case HARDLINK -> new TarArchiveEntry(w.path(), TarConstants.LF_LINK);
          case FIFO -> new TarArchiveEntry(w.path(), TarConstants.LF_FIFO);
        };
    if (w.kind() == EntryKind.HARDLINK && !written.contains(w.linkTarget())) {
      throw new LayerException(
          "hard link " + EntryPath.printable(w.path()) + " precedes its target");
    }
    out.setMode((out.getMode() & ~07777) | w.mode());
    out.setUserId(w.uid());
    out.setGroupId(w.gid());
    out.setUserName(src.getUserName());
    out.setGroupName(src.getGroupName());
    out.setModTime(FileTime.fromMillis(w.mtimeSeconds() * 1000));
    if (w.kind() == EntryKind.SYMLINK || w.kind() == EntryKind.HARDLINK) {
      out.setLinkName(w.linkTarget());
    }
    if (w.kind() == EntryKind.FILE) {
      out.setSize(src.getSize());
    }
    tar.putArchiveEntry(out);
    if (w.kind() == EntryKind.FILE) {
      long copied = in.transferTo(tar);
      if (copied != src.getSize()) {
        throw new LayerException("entry " + EntryPath.printable(w.path()) + " is truncated");
      }
    }
    tar.closeArchiveEntry();
    written.add(w.path());
  }
}
