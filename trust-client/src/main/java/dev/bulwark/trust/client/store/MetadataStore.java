package dev.bulwark.trust.client.store;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the updater keeps the metadata it trusts, one entry per role. Entries hold the exact bytes
 * received; writes replace an entry atomically, so a crash leaves either the old or the new bytes.
 */
public interface MetadataStore {

  /** The stored bytes for {@code role}, if any. */
  Optional<byte[]> read(String role) throws IOException;

  /** Atomically replaces the entry for {@code role} with {@code bytes}. */
  void write(String role, byte[] bytes) throws IOException;

  /** Removes the entry for {@code role}; absent entries are ignored. */
  void delete(String role) throws IOException;
}
