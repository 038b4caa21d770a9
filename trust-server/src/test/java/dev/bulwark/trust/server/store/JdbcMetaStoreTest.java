package dev.bulwark.trust.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcMetaStoreTest {
  private final MetaStore store = open();

  private static MetaStore open() {
    try {
      return MetaStores.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", 2);
    } catch (StoreException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static MetaUpdate file(String role, int version) {
    return new MetaUpdate(role, version, (role + version).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void update_isAtomic_aStaleRoleRollsBackTheWholeUpdate() throws Exception {
    store.update("g", List.of(file("targets", 2), file("timestamp", 1)));
    assertThatThrownBy(() -> store.update("g", List.of(file("snapshot", 1), file("targets", 2))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.current("g", "snapshot")).isEmpty();
    assertThat(store.current("g", "targets").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void everyVersionIsKept_andFoundByVersionAndChecksum() throws Exception {
    store.update("g", List.of(file("root", 1)));
    store.update("g", List.of(file("root", 2)));
    StoredFile v1 = store.byVersion("g", "root", 1).orElseThrow();
    assertThat(store.byChecksum("g", "root", v1.sha256()))
        .hasValueSatisfying(f -> assertThat(f.version()).isEqualTo(1));
    assertThat(store.currentAll("g").get("root").version()).isEqualTo(2);
  }

  @Test
  void changefeed_recordsTimestampWritesAndDeletions_andPagesBackwards() throws Exception {
    store.update("a", List.of(file("timestamp", 1)));
    store.update("b", List.of(file("timestamp", 1)));
    store.delete("a");
    assertThat(store.changes(null, 0, 10))
        .extracting(Change::category)
        .containsExactly("update", "update", "deletion");
    assertThat(store.changes("a", 0, 10)).hasSize(2);
    assertThat(store.changes(null, -1, 2)).extracting(Change::gun).containsExactly("b", "a");
    assertThat(store.current("a", "timestamp")).isEmpty();
  }
}
