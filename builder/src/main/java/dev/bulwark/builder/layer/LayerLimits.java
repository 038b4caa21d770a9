package dev.bulwark.builder.layer;

/**
 * Bounds on what one image may contain; an image beyond them is refused rather than filling the
 * disk or memory.
 */
public record LayerLimits(long maxEntryBytes, long maxImageBytes, int maxEntries) {
  /** 8 GiB per file, 64 GiB per image, one million entries. */
  public static final LayerLimits DEFAULT = new LayerLimits(8L << 30, 64L << 30, 1_000_000);

  public LayerLimits {
    if (maxEntryBytes <= 0 || maxImageBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("layer limits must be positive");
    }
  }
}
