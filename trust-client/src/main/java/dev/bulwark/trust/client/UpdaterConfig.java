package dev.bulwark.trust.client;

/**
 * Limits and switches of the {@link Updater}. Defaults follow python-tuf and tuf-js
 * (research/tuf.md §4): 256 root rotations per refresh, 32 delegated roles visited per target
 * search, and maximum download sizes for metadata whose length no trusted metadata announces.
 *
 * @param maxRootRotations TUF 5.3.3: the most new root versions loaded in one refresh
 * @param maxDelegations TUF 5.6.7.1: the most delegated roles visited while searching one target
 * @param rootMaxLength bytes allowed for a root file (root lengths are never announced)
 * @param timestampMaxLength bytes allowed for timestamp (TUF 5.4.1)
 * @param snapshotMaxLength bytes allowed for snapshot when timestamp gives no length (5.5.1)
 * @param targetsMaxLength bytes allowed for a targets role when snapshot gives no length (5.6.1)
 * @param prefixTargetsWithHash TUF 5.7.3: with consistent snapshots, fetch targets as {@code
 *     dir/HASH.name}
 */
public record UpdaterConfig(
    int maxRootRotations,
    int maxDelegations,
    long rootMaxLength,
    long timestampMaxLength,
    long snapshotMaxLength,
    long targetsMaxLength,
    boolean prefixTargetsWithHash) {

  public UpdaterConfig {
    positive("maxRootRotations", maxRootRotations);
    positive("maxDelegations", maxDelegations);
    positive("rootMaxLength", rootMaxLength);
    positive("timestampMaxLength", timestampMaxLength);
    positive("snapshotMaxLength", snapshotMaxLength);
    positive("targetsMaxLength", targetsMaxLength);
  }

  /** The defaults: 256, 32, 512000, 16384, 2000000, 5000000, prefix targets with hash. */
  public static UpdaterConfig defaults() {
    return new UpdaterConfig(256, 32, 512_000, 16_384, 2_000_000, 5_000_000, true);
  }

  public UpdaterConfig withMaxRootRotations(int value) {
    return new UpdaterConfig(
        value,
        maxDelegations,
        rootMaxLength,
        timestampMaxLength,
        snapshotMaxLength,
        targetsMaxLength,
        prefixTargetsWithHash);
  }

  public UpdaterConfig withMaxDelegations(int value) {
    return new UpdaterConfig(
        maxRootRotations,
        value,
        rootMaxLength,
        timestampMaxLength,
        snapshotMaxLength,
        targetsMaxLength,
        prefixTargetsWithHash);
  }

  public UpdaterConfig withPrefixTargetsWithHash(boolean value) {
    return new UpdaterConfig(
        maxRootRotations,
        maxDelegations,
        rootMaxLength,
        timestampMaxLength,
        snapshotMaxLength,
        targetsMaxLength,
        value);
  }

  /** The same limits with every maximum length replaced (tests of the endless-data attack). */
  public UpdaterConfig withMaxLengths(long root, long timestamp, long snapshot, long targets) {
    return new UpdaterConfig(
        maxRootRotations,
        maxDelegations,
        root,
        timestamp,
        snapshot,
        targets,
        prefixTargetsWithHash);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, found " + value);
    }
  }
}
