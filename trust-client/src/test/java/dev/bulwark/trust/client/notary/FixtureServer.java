package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.core.crypto.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An in-memory Notary server for one GUN serving the real fixture metadata (test resources {@code
 * notary/busybox}, copied from shared/fixtures/notary): current roles, {@code <role>.<sha256>.json}
 * for every stored version and {@code <n>.root.json}. Tests replace files to stage attacks.
 */
final class FixtureServer implements Fetcher {
  static final Gun GUN = new Gun("localhost:5000/linuxkit/busybox");
  static final URI URL = URI.create("https://notary.test:4443");

  private final Map<String, byte[]> files = new HashMap<>();
  private final List<String> requests = new ArrayList<>();

  FixtureServer() {
    Path dir = fixtureDir();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString();
        if (rel.endsWith(".key.json")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(p);
        if (rel.startsWith("versions/")) {
          String name = rel.substring("versions/".length());
          String role = name.substring(name.indexOf('.') + 1, name.length() - ".json".length());
          put(name, bytes);
          putByHash(role, bytes);
        } else {
          put(rel, bytes);
          putByHash(rel.substring(0, rel.length() - ".json".length()), bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path fixtureDir() {
    try {
      return Path.of(FixtureServer.class.getResource("/notary/busybox/root.json").toURI())
          .getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] fixture(String rel) {
    try {
      return Files.readAllBytes(fixtureDir().resolve(rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves {@code bytes} as {@code file} ("timestamp.json", "3.root.json", ...). */
  void put(String file, byte[] bytes) {
    files.put(file, bytes);
  }

  /** Serves {@code bytes} as {@code <role>.<sha256 of bytes>.json}. */
  void putByHash(String role, byte[] bytes) {
    files.put(role + "." + Digests.sha256Hex(bytes) + ".json", bytes);
  }

  /** Replaces every served copy equal to {@code original} (current and by-hash) by {@code evil}. */
  void replace(byte[] original, byte[] evil) {
    files.replaceAll((k, v) -> java.util.Arrays.equals(v, original) ? evil : v);
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    String prefix = URL + "/v2/" + GUN.name() + "/_trust/tuf/";
    String s = uri.toString();
    if (!s.startsWith(prefix)) {
      throw new RemoteNotFoundException(uri, "unexpected URL " + uri);
    }
    String file = s.substring(prefix.length());
    requests.add(file);
    byte[] b = files.get(file);
    if (b == null) {
      throw new RemoteNotFoundException(uri, uri + " not found (HTTP 404)");
    }
    if (b.length > maxLength) {
      throw new LengthExceededException(uri, maxLength);
    }
    return b.clone();
  }
}
