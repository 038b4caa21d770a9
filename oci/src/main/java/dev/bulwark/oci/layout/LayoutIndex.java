package dev.bulwark.oci.layout;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.ImageFormatException;
import dev.bulwark.oci.MediaTypes;
import dev.bulwark.oci.internal.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The layout's {@code index.json}: read-modify-write under an in-process lock plus a {@code .lock}
 * file lock (for other processes), replaced atomically.
 */
final class LayoutIndex {
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private final Path root;
  private final Path file;

  LayoutIndex(Path root) {
    this.root = root;
    this.file = root.resolve("index.json");
  }

  void createIfAbsent() throws IOException, ImageFormatException {
    if (!Files.exists(file)) {
      locked(
          () -> {
            if (!Files.exists(file)) {
              write(List.of());
            }
            return null;
          });
    }
  }

  List<Descriptor> read() throws IOException, ImageFormatException {
    byte[] bytes = Files.readAllBytes(file);
    JsonNode node = Json.object(bytes, file.toString());
    List<Descriptor> out = new ArrayList<>();
    List<JsonNode> entries = Json.array(node, "manifests", file.toString());
    for (int i = 0; i < entries.size(); i++) {
      out.add(Descriptor.fromJson(entries.get(i), file + " manifests[" + i + "]"));
    }
    return out;
  }

  void put(String refName, Descriptor named) throws IOException, ImageFormatException {
    update(
        list -> {
          list.removeIf(d -> refName.equals(d.annotations().get(MediaTypes.REF_NAME_ANNOTATION)));
          list.add(named);
        });
  }

  void add(Descriptor d) throws IOException, ImageFormatException {
    update(
        list -> {
          if (list.stream()
              .noneMatch(e -> e.digest().equals(d.digest()) && e.annotations().isEmpty())) {
            list.add(d);
          }
        });
  }

  private interface Edit {
    void apply(List<Descriptor> list);
  }

  private interface Body<T> {
    T run() throws IOException, ImageFormatException;
  }

  private void update(Edit edit) throws IOException, ImageFormatException {
    locked(
        () -> {
          List<Descriptor> list = new ArrayList<>(read());
          edit.apply(list);
          write(list);
          return null;
        });
  }

  private <T> T locked(Body<T> body) throws IOException, ImageFormatException {
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
    jvm.lock();
    try (FileChannel ch =
            FileChannel.open(
                root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      Objects.requireNonNull(ignored);
      return body.run();
    } finally {
      jvm.unlock();
    }
  }

  private void write(List<Descriptor> list) throws IOException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("schemaVersion", 2);
    node.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode arr = node.putArray("manifests");
    list.forEach(d -> arr.add(d.toJson()));
    OciLayout.writeAtomically(root, file, Json.MAPPER.writeValueAsBytes(node));
  }
}
