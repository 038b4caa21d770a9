package dev.bulwark.trust.client.notary;

import static dev.bulwark.trust.client.notary.CollectionHistoryTest.T1;
import static dev.bulwark.trust.client.notary.CollectionHistoryTest.T2;
import static dev.bulwark.trust.client.notary.CollectionHistoryTest.T3;
import static dev.bulwark.trust.client.notary.CollectionHistoryTest.T4;
import static dev.bulwark.trust.client.notary.CollectionHistoryTest.history;
import static dev.bulwark.trust.client.notary.CollectionHistoryTest.targets;
import static dev.bulwark.trust.client.notary.FakeFeedServer.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaleTargetsTest {
  private static List<String> stale(FakeFeedServer s, List<String> roles, Instant cutoff)
      throws Exception {
    return StaleTargets.olderThan(history(s), roles, cutoff).stream()
        .map(t -> t.role() + ":" + t.name() + "@" + t.publishedAt())
        .toList();
  }

  @Test
  void targetsFirstPublishedBeforeTheCutoff_areChosen_newerOnesAreKept() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("old", "1"));
    s.publish(T3, targets("old", "1", "new", "2"));

    assertThat(stale(s, List.of("targets"), T2)).containsExactly("targets:old@" + T1);
    assertThat(stale(s, List.of("targets"), T4))
        .containsExactly("targets:new@" + T3, "targets:old@" + T1);
  }

  @Test
  void targetPublishedExactlyAtTheCutoff_isNotOlder() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    assertThat(stale(s, List.of("targets"), T1)).isEmpty();
  }

  @Test
  void targetReAddedWithDifferentHashes_countsFromTheNewerTime() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("app", "build 1"));
    s.publish(T3, targets("app", "build 2"));

    assertThat(stale(s, List.of("targets"), T2)).isEmpty();
    assertThat(stale(s, List.of("targets"), T4)).containsExactly("targets:app@" + T3);
  }

  @Test
  void targetRemovedThenReAddedWithTheSameContent_countsFromTheReAdd() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("app", "same"));
    s.publish(T2, targets());
    s.publish(T3, targets("app", "same"));

    assertThat(stale(s, List.of("targets"), T3.minusSeconds(1))).isEmpty();
    assertThat(stale(s, List.of("targets"), T4)).containsExactly("targets:app@" + T3);
  }

  @Test
  void unchangedTargetAcrossOtherChanges_keepsItsFirstTime() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("keep", "k"));
    s.publish(T2, targets("keep", "k", "x", "1"));
    s.publish(T3, targets("keep", "k", "x", "2"));

    assertThat(stale(s, List.of("targets"), T2.plusSeconds(1)))
        .containsExactly("targets:keep@" + T1);
  }

  @Test
  void delegationRole_isPrunedOnItsOwnHistory_andOnlyTheRolesAsked() throws Exception {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(
        T1, Map.of("targets", Map.of("t", file("1")), "targets/releases", Map.of("r", file("1"))));
    s.publish(T3, Map.of("targets/releases", Map.of("r", file("1"), "r2", file("2"))));

    assertThat(stale(s, List.of("targets/releases"), T2))
        .containsExactly("targets/releases:r@" + T1);
    assertThat(stale(s, List.of("targets", "targets/releases"), T4))
        .containsExactly(
            "targets:t@" + T1, "targets/releases:r@" + T1, "targets/releases:r2@" + T3);
  }

  @Test
  void withoutAChangefeed_nothingIsChosen_andTheReasonIsGiven() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.changefeedStatus(404);
    assertThatThrownBy(() -> stale(s, List.of("targets"), T4))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("cannot tell when the targets of example.com/app were published")
        .hasMessageContaining("no changefeed");
  }

  @Test
  void aTargetWhoseVersionNoRecordNames_refusesThePrune_evenIfOthersAreKnown() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    s.publish(T2, targets("a", "1", "b", "2"));
    s.forget("timestamp." + s.timestampSha(2) + ".json");
    assertThatThrownBy(() -> stale(s, List.of("targets"), T4))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("cannot tell when b of targets was published")
        .hasMessageContaining("version 3");
  }

  @Test
  void unknownRole_isAnError() {
    FakeFeedServer s = new FakeFeedServer();
    s.publish(T1, targets("a", "1"));
    assertThatThrownBy(() -> stale(s, List.of("targets/nope"), T4))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("targets/nope is not a targets role of example.com/app");
  }

  @Test
  void signableRoles_areThoseWithAHeldKey() {
    SigningKey targetsKey = SigningKey.generate(Dialect.NOTARY, KeyAlgorithm.ECDSA_P256);
    SigningKey releasesKey = SigningKey.generate(Dialect.NOTARY, KeyAlgorithm.ECDSA_P256);
    Instant exp = Instant.parse("2036-01-01T00:00:00Z");
    Key tk = targetsKey.key();
    Key rk = releasesKey.key();
    Root root =
        new Root(
            1,
            exp,
            Optional.empty(),
            false,
            Map.of(tk.id(), tk),
            Map.of(
                "root", new Role(List.of(tk.id()), 1),
                "targets", new Role(List.of(tk.id()), 1),
                "snapshot", new Role(List.of(tk.id()), 1),
                "timestamp", new Role(List.of(tk.id()), 1)),
            JsonObject.EMPTY);
    Delegations ds =
        new Delegations(
            Map.of(rk.id(), rk),
            List.of(
                new DelegatedRole(
                    "targets/releases",
                    List.of(rk.id()),
                    1,
                    false,
                    Optional.of(List.of("")),
                    Optional.empty())),
            Optional.empty());
    Metadata<Targets> top =
        Metadata.sign(
            Dialect.NOTARY,
            new Targets(2, exp, Optional.empty(), Map.of(), Optional.of(ds), JsonObject.EMPTY),
            List.of());
    Metadata<Targets> rel =
        Metadata.sign(
            Dialect.NOTARY,
            new Targets(2, exp, Optional.empty(), Map.of(), Optional.empty(), JsonObject.EMPTY),
            List.of());
    Metadata<Snapshot> snap =
        Metadata.sign(
            Dialect.NOTARY,
            new Snapshot(2, exp, Optional.empty(), Map.of(), JsonObject.EMPTY),
            List.of());
    NotaryCollection c =
        new NotaryCollection(
            FakeFeedServer.GUN,
            Metadata.sign(Dialect.NOTARY, root, List.of()),
            Metadata.sign(
                Dialect.NOTARY,
                new Timestamp(
                    1, exp, Optional.empty(), MetaFile.ofBytes(snap.rawBytes()), JsonObject.EMPTY),
                List.of()),
            snap,
            List.of(
                new VerifiedTargets("targets", top, List.of("")),
                new VerifiedTargets("targets/releases", rel, List.of(""))));

    assertThat(StaleTargets.signableRoles(c, Set.of(tk.canonicalId()))).containsExactly("targets");
    assertThat(StaleTargets.signableRoles(c, Set.of(rk.canonicalId())))
        .containsExactly("targets/releases");
    assertThat(StaleTargets.signableRoles(c, Set.of())).isEmpty();
  }
}
