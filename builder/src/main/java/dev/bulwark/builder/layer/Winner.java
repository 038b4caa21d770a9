package dev.bulwark.builder.layer;

import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * The entry that represents {@code path} in the flattened image: where it is (layer, position in
 * the layer) and the header fields needed to write it early (for directories) or to check links.
 */
record Winner(
    int layer,
    int ordinal,
    EntryKind kind,
    String path,
    String linkTarget,
    int mode,
    long uid,
    long gid,
    long mtimeSeconds) {

  static Winner of(
      int layer, int ordinal, EntryKind kind, String path, TarArchiveEntry e, String what)
      throws LayerException {
    String link = "";
    if (kind == EntryKind.HARDLINK) {
      link =
          EntryPath.normalize(e.getLinkName(), what + ": hard link " + EntryPath.printable(path));
    } else if (kind == EntryKind.SYMLINK) {
      link = e.getLinkName();
      if (link.isEmpty()
          || link.indexOf('\0') >= 0
          || link.getBytes(StandardCharsets.UTF_8).length > EntryPath.MAX_PATH_BYTES) {
        throw new LayerException(
            what + ": symlink " + EntryPath.printable(path) + " has a bad target");
      }
    }
    return new Winner(
        layer,
        ordinal,
        kind,
        path,
        link,
        e.getMode() & 07777,
        e.getLongUserId(),
        e.getLongGroupId(),
        e.getLastModifiedTime().toInstant().getEpochSecond());
  }
}
