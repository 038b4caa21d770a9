package dev.bulwark.trust.client.notary;

import static dev.bulwark.trust.client.notary.FakeFeedServer.GUN;
import static dev.bulwark.trust.client.notary.FakeFeedServer.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.model.TargetFile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollectionHistoryTest {
  static final Instant T1 = Instant.parse("2026-01-01T10:00:00.123456789Z");
  static final Instant T2 = Instant.parse("2026-02-01T10:00:00Z");
  static final Instant T3 = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant T4 = Instant.parse("2026-04-01T10:00:00Z");

  static CollectionHistory history(FakeFeedServer s) throws Exception {
    return CollectionHistory.read(s.remote(), GUN, s.latest(), Changefeed.DEFAULT_MAX_RECORDS);
  }

  static Map<String, Map<String, TargetFile>> targets(Object... nameContent) {
    Map<String, TargetFile> m = new HashMap<>();
    for (int i = 0; i < nameContent.length; i += 2) {
      m.put((String) nameContent[i], file((String) nameContent[i + 1]));
    }
    return Map.of("targets", m);
  }

  @Test
  void eachVersion_getsTheTimeOfTheFirstRecordThatListsIt_notOfLaterTimestampResigns()
      throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.resignTimestamp(T2); // the server re-signs the timestamp: same snapshot, same targets
    s.publish(T3, targets("a", "1", "b", "2"));

    CollectionHistory h = history(s);

    assertThat(h.timesUnavailable()).isEmpty();
    List<RoleVersion> vs = h.of("targets");
    assertThat(vs).extracting(RoleVersion::version).containsExactly(2L, 3L);
    assertThat(vs.get(0).publishedAt()).contains(T1);
    assertThat(vs.get(0).added()).containsExactly("a");
    assertThat(vs.get(1).publishedAt()).contains(T3);
    assertThat(vs.get(1).added()).containsExactly("b");
    assertThat(vs.get(1).changed()).isEmpty();
    assertThat(vs.get(1).signedBy()).hasSize(1);
  }

  @Test
  void delegationRoles_getTheirOwnVersionsAndTimes() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, Map.of("targets", Map.of("a", file("1")), "targets/releases", Map.of()));
    s.publish(T2, Map.of("targets/releases", Map.of("r", file("r1"))));
    s.publish(T3, Map.of("targets", Map.of("a", file("1"), "b", file("2"))));

    CollectionHistory h = history(s);

    assertThat(h.of("targets/releases"))
        .extracting(v -> v.version() + "@" + v.publishedAt().orElseThrow())
        .containsExactly("2@" + T1, "3@" + T2);
    assertThat(h.of("targets"))
        .extracting(v -> v.version() + "@" + v.publishedAt().orElseThrow())
        .containsExactly("2@" + T1, "3@" + T3);
    assertThat(h.currentSince("targets/releases", "r").orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void changefeedPaging_readsEveryPage_andKeepsTheEarliestTime() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    for (int i = 0; i < Changefeed.PAGE * 2 + 10; i++) {
      s.resignTimestamp(T2.plusSeconds(i));
    }
    s.publish(T4, targets("a", "1", "b", "2"));

    CollectionHistory h = history(s);

    // 1 + 1010 + 1 records = 3 pages of 500 and one empty page to end.
    assertThat(s.changefeedRequests()).isEqualTo(4);
    assertThat(h.of("targets"))
        .extracting(v -> v.publishedAt().orElseThrow())
        .containsExactly(T1, T4);
  }

  @Test
  void moreRecordsThanTheCap_leavesTimesUnknown_withAClearReason() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.resignTimestamp(T2);
    s.resignTimestamp(T3);

    CollectionHistory h = CollectionHistory.read(s.remote(), GUN, s.latest(), 2);

    assertThat(h.timesUnavailable().orElseThrow()).contains("more than 2 records");
    assertThat(h.of("targets").getFirst().publishedAt()).isEmpty();
  }

  @Test
  void noChangefeed_404_or_401_stillListsVersions_withoutTimes() throws Exception {
    for (int status : new int[] {404, 401}) {
      FakeFeedServer s = new FakeFeedServer();
      s.publish(T1, targets("a", "1"));
      s.publish(T2, targets("b", "1"));
      s.changefeedStatus(status);

      CollectionHistory h = history(s);

      assertThat(h.timesUnavailable()).isPresent();
      assertThat(h.of("targets")).hasSize(2).allMatch(v -> v.publishedAt().isEmpty());
      assertThat(h.of("targets").get(1).removed()).containsExactly("a");
    }
  }

  @Test
  void changefeedServerError_isADownloadFailure_notSilentlyIgnored() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.changefeedStatus(500);
    assertThatThrownBy(() -> history(s))
        .isInstanceOf(dev.bulwark.trust.client.fetch.HttpStatusException.class);
  }

  @Test
  void recordsBeforeADeletion_belongToTheDeletedCollection_andAreIgnored() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.delete(T2);
    s.publish(T3, targets("a", "1"));

    CollectionHistory h = history(s);

    assertThat(h.of("targets")).extracting(v -> v.publishedAt().orElseThrow()).containsExactly(T3);
    assertThat(h.unresolvedRecords()).isZero();
  }

  @Test
  void timestampTheServerNoLongerHas_isCounted_andTheNextRecordGivesTheTime() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.resignTimestamp(T2);
    s.forget("timestamp." + s.timestampSha(1) + ".json");

    CollectionHistory h = history(s);

    assertThat(h.unresolvedRecords()).isEqualTo(1);
    assertThat(h.of("targets").getFirst().publishedAt()).contains(T2);
  }

  @Test
  void timestampWhoseBytesDoNotMatchTheRecordedChecksum_isRefused() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.resignTimestamp(T2);
    // the server answers the checksum URL of timestamp 1 with timestamp 2
    s.serve("timestamp." + s.timestampSha(1) + ".json", s.stored("2.timestamp.json"));

    assertThatThrownBy(() -> history(s))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("timestamp." + s.timestampSha(1) + ".json (changefeed record 1)")
        .hasMessageContaining("different sha256");
  }

  @Test
  void snapshotWhoseBytesDoNotMatchTheTimestamp_isRefused() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.publish(T2, targets("a", "2"));
    byte[] snap1 = s.stored("1.snapshot.json");
    s.serve(
        "snapshot." + dev.bulwark.trust.core.crypto.Digests.sha256Hex(snap1) + ".json",
        s.stored("2.snapshot.json"));

    assertThatThrownBy(() -> history(s)).isInstanceOf(HistoryException.class);
  }

  @Test
  void aMissingStoredVersion_breaksTheRun_soTheTargetCountsAsNewer() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.publish(T2, targets("a", "1", "b", "2"));
    s.publish(T3, targets("a", "1", "b", "2", "c", "3"));
    s.forget("3.targets.json");

    CollectionHistory h = history(s);

    assertThat(h.currentSince("targets", "a").orElseThrow().version()).isEqualTo(4);
    assertThat(h.currentSince("targets", "zzz")).isEqualTo(Optional.empty());
  }
}
