package dev.bulwark.trust.client.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Fetches {@code file:} URIs (local mirrors, tests), with the same length limit as over HTTP. */
public final class FileFetcher implements Fetcher {

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    Path path;
    try {
      path = Path.of(uri);
    } catch (IllegalArgumentException e) {
      throw new DownloadException(uri, "not a local file URI: " + uri, e);
    }
    // Role names and target paths come from the repository; percent-decoding turns a role named
    // "../../x" (URL "..%2F..%2Fx.json") into a path that climbs out of the mirror directory.
    for (Path part : path) {
      if (part.toString().equals("..")) {
        throw new DownloadException(
            uri, "refusing a file URL with a '..' segment (after decoding): " + uri);
      }
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readBounded(uri, in, maxLength);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new RemoteNotFoundException(uri, path + " does not exist or is not readable");
    } catch (IOException e) {
      throw new DownloadException(uri, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads at most {@code maxLength} bytes; one byte more fails without reading further. */
  static byte[] readBounded(URI uri, InputStream in, long maxLength)
      throws IOException, LengthExceededException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[16384];
    long total = 0;
    for (int n; (n = in.read(chunk)) != -1; ) {
      total += n;
      if (total > maxLength) {
        throw new LengthExceededException(uri, maxLength);
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }
}
