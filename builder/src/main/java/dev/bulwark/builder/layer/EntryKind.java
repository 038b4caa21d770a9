package dev.bulwark.builder.layer;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

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
    // Only the regular-file type flags: commons-compress calls every unknown flag (GNU volume
    // header 'V', vendor letters) a file, which would smuggle exotic entries in as plain files.
    byte flag = e.getLinkFlag();
    if (e.isFile()
        && !e.isSparse()
        && (flag == TarConstants.LF_NORMAL
            || flag == TarConstants.LF_OLDNORM
            || flag == TarConstants.LF_CONTIG)) {
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
