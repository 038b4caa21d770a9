package dev.bulwark.builder.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Flattens an image's layers into one tar with the semantics of {@code mutate.Extract} (the top
 * layer wins, {@code .wh.NAME} hides NAME below, {@code .wh..wh..opq} hides a directory's lower
 * contents) and refuses hostile entries. Output order: lower layers first, each entry after its
 * parent directory, so the result unpacks correctly as a tar or as an initramfs.
 *
 * <p>Pass 1 walks layers top-down and decides the winner of every path; pass 2 walks them bottom-up
 * and copies the winners.
 */
public final class LayerFlattener {
  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";

  private final LayerLimits limits;

  public LayerFlattener(LayerLimits limits) {
    this.limits = limits;
  }

  /**
   * Flattens {@code layers} (bottom first) into {@code out}; the stream is finished, not closed.
   */
  public void flatten(List<Path> layers, OutputStream out) throws IOException, LayerException {
    TreeMap<String, Winner> winners = plan(layers);
    checkHardLinks(winners);
    try (TarArchiveOutputStream tar = FlatTar.output(out)) {
      new FlatWriter(winners, tar).write(layers);
      tar.finish();
    }
  }

  private TreeMap<String, Winner> plan(List<Path> layers) throws IOException, LayerException {
    TreeMap<String, Winner> winners = new TreeMap<>();
    Set<String> whitedOut = new HashSet<>();
    Set<String> opaque = new HashSet<>();
    long total = 0;
    long seen = 0;
    for (int i = layers.size() - 1; i >= 0; i--) {
      String what =
          "layer " + (i + 1) + " of " + layers.size() + " (" + layers.get(i).getFileName() + ")";
      Set<String> newWhiteouts = new HashSet<>();
      Set<String> newOpaque = new HashSet<>();
      try (TarArchiveInputStream in = LayerOpener.open(layers.get(i))) {
        int ordinal = 0;
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
          ordinal++;
          if (++seen > limits.maxEntries()) {
            throw new LayerException(
                what + ": the layers hold more than " + limits.maxEntries() + " entries");
          }
          String path = EntryPath.normalize(e.getName(), what);
          EntryKind kind = EntryKind.of(e, path, what);
          // Every entry's declared size is read (or skipped) twice, whatever its type: a
          // directory or fifo carrying data would otherwise be unbounded work.
          checkSize(e, path, what);
          total += e.getSize();
          if (total > limits.maxImageBytes()) {
            throw new LayerException(
                what + ": image content exceeds " + limits.maxImageBytes() + " bytes");
          }
          String base = EntryPath.base(path);
          if (base.startsWith(WHITEOUT)) {
            whiteout(path, base, what, newWhiteouts, newOpaque);
            continue;
          }
          if (path.isEmpty() || hidden(path, whitedOut, opaque) || winners.containsKey(path)) {
            continue;
          }
          Winner w = Winner.of(i, ordinal, kind, path, e, what);
          if (placeWinner(winners, w, what)) {
            winners.put(path, w);
          }
        }
      }
      whitedOut.addAll(newWhiteouts);
      opaque.addAll(newOpaque);
    }
    return winners;
  }

  private void checkSize(TarArchiveEntry e, String path, String what) throws LayerException {
    if (e.getSize() < 0 || e.getSize() > limits.maxEntryBytes()) {
      throw new LayerException(
          what
              + ": entry "
              + EntryPath.printable(path)
              + " declares "
              + e.getSize()
              + " bytes, limit "
              + limits.maxEntryBytes());
    }
  }

  private static void whiteout(
      String path, String base, String what, Set<String> whiteouts, Set<String> opaque)
      throws LayerException {
    String dir = EntryPath.parent(path);
    if (base.equals(OPAQUE)) {
      opaque.add(dir);
      return;
    }
    String target = base.substring(WHITEOUT.length());
    if (target.isEmpty() || target.equals(".") || target.equals("..")) {
      throw new LayerException(what + ": malformed whiteout " + EntryPath.printable(path));
    }
    whiteouts.add(EntryPath.child(dir, target));
  }

  /** Whiteouts and opaque markers of upper layers hide lower entries at or below them. */
  private static boolean hidden(String path, Set<String> whitedOut, Set<String> opaque) {
    if (whitedOut.contains(path)) {
      return true;
    }
    for (String a : EntryPath.ancestors(path)) {
      if (whitedOut.contains(a) || opaque.contains(a)) {
        return true;
      }
    }
    return opaque.contains("") && !path.isEmpty();
  }

  /**
   * Decides whether {@code w} joins the image. Beneath an upper layer's non-directory it is hidden
   * (the upper layer replaced the directory); beneath a same-layer symlink or file it is an escape
   * attempt; a lower symlink over upper-layer content would redirect that content.
   */
  private static boolean placeWinner(TreeMap<String, Winner> winners, Winner w, String what)
      throws LayerException {
    for (String a : EntryPath.ancestors(w.path())) {
      Winner above = winners.get(a);
      if (above != null && above.kind() != EntryKind.DIRECTORY) {
        if (above.layer() != w.layer()) {
          return false;
        }
        throw new LayerException(
            what
                + ": entry "
                + EntryPath.printable(w.path())
                + " lies beneath "
                + above.kind().label()
                + " "
                + EntryPath.printable(a)
                + " (escape attempt)");
      }
    }
    if (w.kind() != EntryKind.DIRECTORY) {
      String under = winners.ceilingKey(w.path() + "/");
      if (under != null && under.startsWith(w.path() + "/")) {
        throw new LayerException(
            what
                + ": "
                + w.kind().label()
                + " "
                + EntryPath.printable(w.path())
                + " would redirect "
                + EntryPath.printable(under)
                + " of an upper layer (escape attempt)");
      }
    }
    return true;
  }

  private static void checkHardLinks(TreeMap<String, Winner> winners) throws LayerException {
    List<Winner> links = new ArrayList<>();
    for (Winner w : winners.values()) {
      if (w.kind() == EntryKind.HARDLINK) {
        links.add(w);
      }
    }
    for (Winner w : links) {
      Winner target = winners.get(w.linkTarget());
      if (target == null || target.kind() != EntryKind.FILE) {
        throw new LayerException(
            "hard link "
                + EntryPath.printable(w.path())
                + " points to "
                + EntryPath.printable(w.linkTarget())
                + ", which is not a regular file of the image");
      }
      if (target.layer() > w.layer()
          || (target.layer() == w.layer() && target.ordinal() > w.ordinal())) {
        throw new LayerException(
            "hard link "
                + EntryPath.printable(w.path())
                + " points to "
                + EntryPath.printable(w.linkTarget())
                + ", which comes after it");
      }
    }
  }
}
