package dev.bulwark.trust.client.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MetadataStore} in memory, for callers that must not touch the disk. */
public final class InMemoryMetadataStore implements MetadataStore {
  private final Map<String, byte[]> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<byte[]> read(String role) {
    return Optional.ofNullable(entries.get(role)).map(byte[]::clone);
  }

  @Override
  public void write(String role, byte[] bytes) {
    entries.put(role, bytes.clone());
  }

  @Override
  public void delete(String role) {
    entries.remove(role);
  }
}
