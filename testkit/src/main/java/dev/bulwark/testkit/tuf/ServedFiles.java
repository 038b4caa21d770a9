package dev.bulwark.testkit.tuf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The simulator's file table: path → bytes, tampering hooks, and the request log. Thread-safe. */
final class ServedFiles {
  private final Map<String, byte[]> files = new HashMap<>();
  private final Map<String, UnaryOperator<byte[]>> tampering = new HashMap<>();
  private final List<String> requests = new ArrayList<>();

  synchronized Optional<byte[]> serve(String path) {
    requests.add(path);
    byte[] bytes = files.get(path);
    if (bytes == null) {
      return Optional.empty();
    }
    UnaryOperator<byte[]> t = tampering.get(path);
    return Optional.of(t == null ? bytes.clone() : t.apply(bytes.clone()));
  }

  synchronized Optional<byte[]> peek(String path) {
    return Optional.ofNullable(files.get(path)).map(byte[]::clone);
  }

  synchronized List<String> paths() {
    return List.copyOf(new java.util.TreeSet<>(files.keySet()));
  }

  synchronized void put(String path, byte[] bytes) {
    files.put(path, bytes.clone());
  }

  synchronized void remove(String path) {
    files.remove(path);
  }

  synchronized void tamper(String path, UnaryOperator<byte[]> transform) {
    tampering.put(path, transform);
  }

  synchronized List<String> requests() {
    return Collections.unmodifiableList(new ArrayList<>(requests));
  }

  synchronized void clearRequests() {
    requests.clear();
  }
}
