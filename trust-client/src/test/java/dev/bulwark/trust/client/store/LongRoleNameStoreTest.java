package dev.bulwark.trust.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository may name a delegated role (or a target) so that its encoded file name is close to
 * the 255-byte limit: the atomic write's temp file must not push it over.
 */
class LongRoleNameStoreTest {
  @TempDir Path dir;

  @Test
  void roleWhoseFileNameIsNearTheLimit_isStoredAndReadBack() throws Exception {
    DirectoryMetadataStore store = new DirectoryMetadataStore(dir);
    String role = "r".repeat(250); // "<250 r>.json" is 255 bytes
    store.write(role, new byte[] {1, 2, 3});
    assertThat(store.read(role)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    assertThat(store.pathOf(role).getFileName().toString()).hasSize(255);
  }

  @Test
  void targetFileNearTheLimit_isWrittenAtomically() throws Exception {
    Path target = dir.resolve("t".repeat(255));
    AtomicFiles.write(target, new byte[] {7});
    assertThat(target).hasBinaryContent(new byte[] {7});
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files).containsExactly(target); // no temp file left behind
    }
  }
}
