package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.VersionMismatchException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TUF 5.1-5.5 against the simulator: requests made, errors raised, files persisted. */
class RefreshWorkflowTest {
  @TempDir Path dir;

  @Test
  void firstRefresh_makesExactlyTheFourRequests_andStoresReceivedBytes() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.refresh();
    assertThat(f.repo.metadataRequests())
        .containsExactly("2.root.json", "timestamp.json", "1.snapshot.json", "1.targets.json");
    assertThat(f.stored("timestamp"))
        .hasValue(f.repo.peek("metadata/timestamp.json").orElseThrow());
    assertThat(f.stored("snapshot"))
        .hasValue(f.repo.peek("metadata/1.snapshot.json").orElseThrow());
    assertThat(f.stored("targets")).hasValue(f.repo.peek("metadata/1.targets.json").orElseThrow());
    try (var files = Files.list(f.metadataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "root.json", "timestamp.json", "snapshot.json", "targets.json");
    }
  }

  @Test
  void step5_1_clockIsReadOncePerRefresh() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    AtomicInteger reads = new AtomicInteger();
    f.clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneId.of("UTC");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            reads.incrementAndGet();
            return ClientFixture.NOW;
          }
        };
    f.refresh();
    assertThat(reads).hasValue(1);
  }

  @Test
  void step5_2_unsignedInitialRoot_isRefusedWithoutAnyRequest() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    String root = new String(f.repo.initialRoot(), StandardCharsets.UTF_8);
    String tampered = root.replaceFirst("\"sig\":\"[0-9a-f]{8}", "\"sig\":\"00000000");
    Files.writeString(f.metadataDir.resolve("root.json"), tampered);
    assertThatThrownBy(f::refresh).isInstanceOf(ThresholdNotMetException.class);
    assertThat(f.repo.requests()).isEmpty();
  }

  @Test
  void step5_2_malformedInitialRoot_isRefusedWithoutAnyRequest() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    Files.writeString(f.metadataDir.resolve("root.json"), "{\"signed\":{}}");
    assertThatThrownBy(f::refresh).isInstanceOf(MalformedMetadataException.class);
    assertThat(f.repo.requests()).isEmpty();
  }

  @Test
  void step5_3_rootRotation_walksEveryVersionAndPersistsTheLast() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.bumpRoot();
    f.repo.rotateKeys(RoleType.ROOT, List.of(newKey()), 1); // signed by the new key only ...
    f.repo.signers("root").addAll(List.of()); // (kept explicit: v3 needs the old key as well)
    byte[] v3 = f.repo.bumpRoot();
    assertThatThrownBy(f::refresh).isInstanceOf(ThresholdNotMetException.class);
    assertThat(f.storedVersion("root")).isEqualTo(2);
    assertThat(f.stored("root")).isNotEqualTo(v3);
  }

  @Test
  void step5_3_4_rootSignedByOldAndNewKeys_isAccepted() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    SigningKey old = f.repo.signers("root").getFirst();
    SigningKey next = newKey();
    f.repo.rotateKeys(RoleType.ROOT, List.of(next), 1);
    f.repo.signers("root").add(old); // cross-signed by the outgoing key
    byte[] v2 = f.repo.bumpRoot();
    f.repo.signers("root").remove(old);
    byte[] v3 = f.repo.bumpRoot();
    f.refresh();
    assertThat(f.stored("root")).hasValue(v3);
    assertThat(v2).isNotEqualTo(v3);
    assertThat(f.repo.metadataRequests()).startsWith("2.root.json", "3.root.json", "4.root.json");
  }

  @Test
  void step5_3_3_rootRotations_areBoundedByTheMaximum() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    for (int i = 0; i < 5; i++) {
      f.repo.bumpRoot();
    }
    f.config = f.config.withMaxRootRotations(3);
    f.refresh();
    assertThat(f.storedVersion("root")).isEqualTo(4);
    assertThat(f.repo.metadataRequests())
        .startsWith("2.root.json", "3.root.json", "4.root.json", "timestamp.json");
  }

  @Test
  void step5_3_5_rootWithUnexpectedVersion_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.bumpRoot();
    f.repo.put("metadata/2.root.json", f.repo.peek("metadata/1.root.json").orElseThrow());
    assertThatThrownBy(f::refresh).isInstanceOf(VersionMismatchException.class);
    assertThat(f.storedVersion("root")).isEqualTo(1);
    assertThat(f.stored("timestamp")).isEmpty();
  }

  @Test
  void step5_3_10_expiredFinalRoot_isStoredButNothingElseIsFetched() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setExpiry("root", ClientFixture.NOW.minusSeconds(1));
    f.repo.bumpRoot();
    assertThatThrownBy(f::refresh).isInstanceOf(ExpiredMetadataException.class);
    assertThat(f.storedVersion("root")).isEqualTo(2);
    assertThat(f.repo.metadataRequests()).containsExactly("2.root.json", "3.root.json");
  }

  @Test
  void step5_3_11_timestampKeyRotation_deletesStoredTimestampAndSnapshot() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.refresh();
    f.repo.rotateKeys(RoleType.TIMESTAMP, List.of(newKey()), 1);
    f.repo.bumpRoot();
    f.repo.remove("metadata/timestamp.json"); // the refresh stops right after the root update
    assertThatThrownBy(f::refresh)
        .isInstanceOf(dev.bulwark.trust.client.fetch.RemoteNotFoundException.class);
    assertThat(f.stored("timestamp")).isEmpty();
    assertThat(f.stored("snapshot")).isEmpty();
    assertThat(f.storedVersion("root")).isEqualTo(2);
  }

  @Test
  void step5_4_1_oversizedTimestamp_isCutOff() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.tamper("metadata/timestamp.json", b -> new byte[20_000]);
    assertThatThrownBy(f::refresh).isInstanceOf(LengthExceededException.class);
    assertThat(f.stored("timestamp")).isEmpty();
  }

  @Test
  void step5_4_3_timestampWithSameVersion_isIgnoredAndNotStored() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.refresh();
    byte[] trusted = f.stored("timestamp").orElseThrow();
    f.repo.resetVersions(0, 99); // next timestamp is v1 again, naming snapshot v100
    f.repo.updateSnapshot();
    f.repo.clearRequests();
    f.refresh();
    assertThat(f.stored("timestamp")).hasValue(trusted);
    assertThat(f.repo.metadataRequests()).containsExactly("2.root.json", "timestamp.json");
  }

  @Test
  void step5_4_3_2_snapshotVersionRollbackInTimestamp_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.updateSnapshot(); // snapshot v2, timestamp v2
    f.refresh();
    f.repo.resetVersions(2, 0); // timestamp v3 names snapshot v1
    f.repo.updateSnapshot();
    byte[] trusted = f.stored("timestamp").orElseThrow();
    assertThatThrownBy(f::refresh).isInstanceOf(RollbackException.class);
    assertThat(f.stored("timestamp")).hasValue(trusted);
  }

  @Test
  void step5_4_4_expiredLocalTimestamp_stillGuardsAgainstRollback() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.updateSnapshot();
    f.repo.updateSnapshot(); // timestamp v3
    f.repo.setExpiry("root", ClientFixture.NOW.plusSeconds(800L * 86400));
    f.repo.bumpRoot();
    f.refresh();
    f.clock = Clock.fixed(ClientFixture.NOW.plusSeconds(400L * 86400), ZoneId.of("UTC"));
    f.repo.setExpiry("timestamp", ClientFixture.NOW.plusSeconds(800L * 86400));
    f.repo.setExpiry("snapshot", ClientFixture.NOW.plusSeconds(800L * 86400));
    f.repo.resetVersions(1, 5); // new timestamp v2 < trusted (expired) v3
    f.repo.updateSnapshot();
    assertThatThrownBy(f::refresh).isInstanceOf(RollbackException.class);
  }

  @Test
  void step5_5_localSnapshotStillCurrent_isNotDownloadedAgain() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.refresh();
    f.repo.updateTimestamp(); // new timestamp, same snapshot
    f.repo.clearRequests();
    f.refresh();
    assertThat(f.repo.metadataRequests()).containsExactly("2.root.json", "timestamp.json");
  }

  @Test
  void step5_5_2_snapshotLongerThanTimestampSays_isCutOff() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setHashesInMeta(true);
    f.repo.updateSnapshot();
    f.repo.tamper(
        "metadata/2.snapshot.json",
        b -> (new String(b, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(f::refresh).isInstanceOf(LengthExceededException.class);
    assertThat(f.stored("snapshot")).isEmpty();
    assertThat(f.storedVersion("timestamp")).isEqualTo(2);
  }

  @Test
  void step5_5_2_snapshotSameLengthDifferentBytes_isHashMismatch() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setHashesInMeta(true);
    f.repo.updateSnapshot();
    f.repo.tamper(
        "metadata/2.snapshot.json",
        b -> {
          b[b.length - 2] ^= 1;
          return b;
        });
    assertThatThrownBy(f::refresh).isInstanceOf(HashMismatchException.class);
    assertThat(f.stored("snapshot")).isEmpty();
  }

  @Test
  void step5_5_3_snapshotSignedByWrongKey_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.signers("snapshot").set(0, newKey());
    f.repo.updateSnapshot();
    assertThatThrownBy(f::refresh).isInstanceOf(ThresholdNotMetException.class);
    assertThat(f.stored("snapshot")).isEmpty();
  }

  @Test
  void step5_5_4_snapshotVersionDifferentFromTimestamp_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.updateSnapshot(); // v2
    f.repo.put("metadata/2.snapshot.json", f.repo.peek("metadata/1.snapshot.json").orElseThrow());
    assertThatThrownBy(f::refresh).isInstanceOf(VersionMismatchException.class);
    assertThat(f.stored("snapshot")).isEmpty();
  }

  @Test
  void step5_5_5_targetsRoleRemovedFromSnapshot_isRollback() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.delegate("targets", "a", false, List.of("*"));
    f.repo.bumpTargets("targets");
    f.repo.publishTargets("a");
    f.repo.updateSnapshot();
    f.refresh();
    f.repo.forgetRole("a");
    f.repo.updateSnapshot();
    byte[] trusted = f.stored("snapshot").orElseThrow();
    assertThatThrownBy(f::refresh).isInstanceOf(RollbackException.class);
    assertThat(f.stored("snapshot")).hasValue(trusted);
  }

  @Test
  void step5_5_6_expiredSnapshot_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setExpiry("snapshot", ClientFixture.NOW.minusSeconds(1));
    f.repo.updateSnapshot();
    assertThatThrownBy(f::refresh).isInstanceOf(ExpiredMetadataException.class);
    assertThat(f.stored("snapshot")).isEmpty();
  }

  private static SigningKey newKey() {
    return SigningKey.generate(Dialect.TUF, KeyAlgorithm.ED25519);
  }
}
