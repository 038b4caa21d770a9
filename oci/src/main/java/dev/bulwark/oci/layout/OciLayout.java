package dev.bulwark.oci.layout;

import dev.bulwark.oci.BlobVerificationException;
import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Digest;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageFormatException;
import dev.bulwark.oci.ImageNotFoundException;
import dev.bulwark.oci.ManifestDocument;
import dev.bulwark.oci.MediaTypes;
import dev.bulwark.oci.OciException;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.internal.VerifyingCopy;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A content-addressed store in OCI image layout ({@code oci-layout}, {@code index.json}, {@code
 * blobs/<alg>/<hex>}), used both as Bulwark's local cache and to read layouts made by other tools.
 *
 * <p>Invariants: a blob file only ever appears under its digest's name after its size and digest
 * were verified while streaming into a temporary file beside it (then atomically renamed), so a
 * failed or concurrent write leaves nothing half-written under a blob name. Reads re-hash a blob
 * the first time this instance opens it, so a blob corrupted on disk is refused (and removed).
 * {@code index.json} is rewritten atomically under a file lock.
 */
public final class OciLayout {
  private static final String LAYOUT_FILE = "{\"imageLayoutVersion\":\"1.0.0\"}";
  private final Path root;
  private final Set<Digest> verified = ConcurrentHashMap.newKeySet();
  private final LayoutIndex index;

  private OciLayout(Path root) {
    this.root = root;
    this.index = new LayoutIndex(root);
  }

  /** Opens the layout at {@code dir}, creating an empty one if the directory is empty or absent. */
  public static OciLayout open(Path dir) throws IOException, ImageFormatException {
    Path root = dir.toAbsolutePath().normalize();
    Path layoutFile = root.resolve("oci-layout");
    if (!Files.exists(layoutFile)) {
      if (Files.isDirectory(root) && !isEmpty(root)) {
        throw new ImageFormatException(
            root
                + ": not an OCI layout (no oci-layout file) and not empty; refusing to write there");
      }
      Files.createDirectories(root);
      writeAtomically(root, layoutFile, LAYOUT_FILE.getBytes(StandardCharsets.UTF_8));
    } else if (!Files.readString(layoutFile, StandardCharsets.UTF_8)
        .contains("\"imageLayoutVersion\"")) {
      throw new ImageFormatException(layoutFile + ": not an OCI layout (no imageLayoutVersion)");
    }
    Files.createDirectories(root.resolve("blobs").resolve("sha256"));
    OciLayout layout = new OciLayout(root);
    layout.index.createIfAbsent();
    return layout;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  public Path root() {
    return root;
  }

  /** Where the blob for {@code digest} lives (whether or not it exists yet). */
  public Path blobPath(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** Whether a blob file with this digest and the descriptor's size is present (not re-hashed). */
  public boolean has(Descriptor d) {
    try {
      return Files.size(blobPath(d.digest())) == d.size();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Streams {@code in} into the blob for {@code expected}, verifying size and digest on the way; on
   * any mismatch the temporary file is deleted and nothing is stored.
   */
  public void writeBlob(Descriptor expected, InputStream in, String where)
      throws IOException, BlobVerificationException {
    Path target = blobPath(expected.digest());
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".partial");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
        VerifyingCopy.copy(in, out, expected, where);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      verified.add(expected.digest());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Stores {@code bytes} as a blob of {@code mediaType}; returns its descriptor. */
  public Descriptor writeBlob(String mediaType, byte[] bytes) throws IOException {
    Descriptor d = Descriptor.of(mediaType, Digest.sha256(bytes), bytes.length);
    try {
      writeBlob(d, new ByteArrayInputStream(bytes), "new blob");
    } catch (BlobVerificationException e) {
      throw new IllegalStateException("a blob did not match its own digest", e);
    }
    return d;
  }

  /**
   * The blob file for {@code d}, after checking its size and (once per instance) its digest. A blob
   * that fails the check is deleted so that a later pull can repair the cache.
   */
  public Path verifiedBlob(Descriptor d) throws IOException, OciException {
    Path p = blobPath(d.digest());
    long size;
    try {
      size = Files.size(p);
    } catch (NoSuchFileException e) {
      throw new ImageNotFoundException("blob " + d.digest() + " is not in the layout at " + root);
    }
    if (size != d.size() || (!verified.contains(d.digest()) && !hashMatches(p, d))) {
      throw new BlobVerificationException(
          p
              + ": blob does not match its descriptor "
              + d.digest()
              + " ("
              + d.size()
              + " bytes); "
              + removeCorrupt(p));
    }
    verified.add(d.digest());
    return p;
  }

  private static String removeCorrupt(Path p) {
    try {
      Files.deleteIfExists(p);
      return "removed from the cache";
    } catch (IOException readOnly) {
      return "could not remove it (" + readOnly.getClass().getSimpleName() + ")";
    }
  }

  /** Reads a small verified blob (a manifest, index or config) into memory. */
  public byte[] readBlob(Descriptor d) throws IOException, OciException {
    if (d.size() > ManifestDocument.MAX_BYTES) {
      throw new BlobVerificationException(
          "document "
              + d.digest()
              + " is "
              + d.size()
              + " bytes, more than the limit of "
              + ManifestDocument.MAX_BYTES);
    }
    return Files.readAllBytes(verifiedBlob(d));
  }

  private static boolean hashMatches(Path p, Descriptor d) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      VerifyingCopy.copy(in, OutputStream.nullOutputStream(), d, p.toString());
      return true;
    } catch (BlobVerificationException e) {
      return false;
    }
  }

  /** The descriptors listed in {@code index.json}. */
  public List<Descriptor> manifests() throws IOException, ImageFormatException {
    return index.read();
  }

  /**
   * Names {@code d} as {@code refName} in {@code index.json} (annotation {@code
   * org.opencontainers.image.ref.name}), replacing any older entry of that name.
   */
  public void tag(String refName, Descriptor d) throws IOException, ImageFormatException {
    index.put(refName, d.withAnnotation(MediaTypes.REF_NAME_ANNOTATION, refName));
  }

  /** Adds {@code d} to {@code index.json} without a name (if not already listed). */
  public void addManifest(Descriptor d) throws IOException, ImageFormatException {
    index.add(d);
  }

  /** The entry named {@code refName} in {@code index.json}, if any. */
  public Optional<Descriptor> lookup(String refName) throws IOException, ImageFormatException {
    return index.read().stream()
        .filter(d -> refName.equals(d.annotations().get(MediaTypes.REF_NAME_ANNOTATION)))
        .findFirst();
  }

  /**
   * Loads the image {@code ref} for {@code platform} from this layout, verifying every blob: the
   * top document must hash to {@code ref.digest()}, the rest to the descriptors that lead to them.
   */
  public Image loadImage(PinnedRef ref, Platform platform) throws IOException, OciException {
    return new ImageLoader(this).load(ref, platform);
  }

  static void writeAtomically(Path dir, Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(dir, ".tmp-", ".partial");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UncheckedIOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  @Override
  public String toString() {
    return "OciLayout[" + root + "]";
  }
}
