package dev.bulwark.trust.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the real Notary 0.7.0 busybox fixtures copied into test resources. */
final class NotaryFixtures {
  private NotaryFixtures() {}

  static byte[] read(String name) {
    String path = "/notary/busybox/" + name;
    try (InputStream in = NotaryFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
