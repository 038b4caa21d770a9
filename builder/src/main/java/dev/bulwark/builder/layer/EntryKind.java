package dev.bulwark.builder.layer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** The entry types an image may contain. Devices and anything exotic are refused. */
enum EntryKind {
  FILE("file"),
  DIRECTORY("directory"),
  SYMLINK("symlink"),
  HARDLINK("hard link"),
  FIFO("fifo");

  private final String label;

  EntryKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static EntryKind of(TarArchiveEntry e, String path, String what) throws LayerException {
    if (e.isCharacterDevice() || e.isBlockDevice()) {
      throw new LayerException(
          what
              + ": device node "
              + EntryPath.printable(path)
              + " is not allowed in an image layer");
    }
    if (e.isSymbolicLink()) {
      return SYMLINK;
    }
    if (e.isLink()) {
      return HARDLINK;
    }
    if (e.isDirectory()) {
      return DIRECTORY;
    }
    if (e.isFIFO()) {
      return FIFO;
    }
    if (e.isFile() && !e.isSparse()) {
      return FILE;
    }
    throw new LayerException(
        what
            + ": entry "
            + EntryPath.printable(path)
            + " has unsupported type '"
            + (char) e.getLinkFlag()
            + "'");
  }
}
