package dev.bulwark.trust.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryMetadataStoreTest {
  @TempDir Path dir;

  @Test
  void writtenBytes_areReadBackExactly() throws Exception {
    DirectoryMetadataStore store = new DirectoryMetadataStore(dir);
    byte[] bytes = "{\"signed\":{} } \n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    store.write("timestamp", bytes);
    assertThat(store.read("timestamp")).hasValue(bytes);
    assertThat(Files.readAllBytes(dir.resolve("timestamp.json"))).isEqualTo(bytes);
  }

  @Test
  void unusualRoleNames_stayInsideTheDirectory() throws Exception {
    DirectoryMetadataStore store = new DirectoryMetadataStore(dir.resolve("meta"));
    for (String role : new String[] {"../evil", "/abs", "a?b", "c#d", "x/y"}) {
      store.write(role, new byte[] {1});
    }
    try (Stream<Path> files = Files.list(dir.resolve("meta"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "..%2Fevil.json", "%2Fabs.json", "a%3Fb.json", "c%23d.json", "x%2Fy.json");
    }
    assertThat(dir.resolve("evil.json")).doesNotExist();
  }

  @Test
  void overwrite_leavesNoTempFiles() throws Exception {
    DirectoryMetadataStore store = new DirectoryMetadataStore(dir);
    store.write("root", new byte[] {1});
    store.write("root", new byte[] {2});
    store.delete("snapshot");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("root.json");
    }
    assertThat(store.read("root")).hasValue(new byte[] {2});
    store.delete("root");
    assertThat(store.read("root")).isEmpty();
  }

  @Test
  void encoding_matchesPythonQuoteWithNoSafeCharacters() {
    assertThat(RoleNames.encode("../delegatedrole")).isEqualTo("..%2Fdelegatedrole");
    assertThat(RoleNames.encode("targets/releases")).isEqualTo("targets%2Freleases");
    assertThat(RoleNames.encode("bin-0a~_")).isEqualTo("bin-0a~_");
    assertThat(RoleNames.encode("é")).isEqualTo("%C3%A9");
  }
}
