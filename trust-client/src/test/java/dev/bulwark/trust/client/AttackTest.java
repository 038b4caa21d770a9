package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.tuf.SimulatorHttpServer;
import dev.bulwark.trust.client.fetch.HttpFetcher;
import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.client.fetch.SlowRetrievalException;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per attack of TUF spec §1.5.2, each asserting the error and what was (not) persisted.
 */
class AttackTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ClientFixture withTarget(Path dir, String path, String content) {
    ClientFixture f = new ClientFixture(dir);
    f.repo.addTarget("targets", path, bytes(content));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    return f;
  }

  private static SigningKey newKey() {
    return SigningKey.generate(Dialect.TUF, KeyAlgorithm.ED25519);
  }

  private static void assertEmpty(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void arbitraryInstallation_ofUnlistedContent_isRefusedAndNotWritten() throws Exception {
    ClientFixture f = withTarget(dir, "app.tar", "genuine");
    f.repo.tamper("targets/app.tar", b -> bytes("malware"));
    f.config = f.config.withPrefixTargetsWithHash(false);
    Updater u = f.updater();
    TargetInfo t = u.findTarget("app.tar");
    assertThatThrownBy(() -> u.download(t, f.targetDir.resolve("app.tar")))
        .isInstanceOf(HashMismatchException.class);
    assertEmpty(f.targetDir);
  }

  @Test
  void endlessData_isCutOffWhileStreamingOverHttp() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.tamper("metadata/timestamp.json", b -> new byte[8 * 1024 * 1024]);
    try (SimulatorHttpServer server = new SimulatorHttpServer(f.repo)) {
      Updater u =
          Updater.builder()
              .store(f.store)
              .layout(new TufRemoteLayout(server.metadataUrl(), Optional.empty()))
              .fetcher(new HttpFetcher())
              .clock(f.clock)
              .build();
      assertThatThrownBy(u::refresh).isInstanceOf(LengthExceededException.class);
    }
    assertThat(f.stored("timestamp")).isEmpty();
  }

  @Test
  void extraneousDependencies_listedByARoleNotTrustedForThem_areNotFound() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.delegate("targets", "python", false, List.of("*.py"));
    f.repo.addTarget("python", "libevil.so", bytes("evil"));
    f.repo.bumpTargets("targets");
    f.repo.publishTargets("python");
    f.repo.updateSnapshot();
    assertThatThrownBy(() -> f.updater().findTarget("libevil.so"))
        .isInstanceOf(TargetNotFoundException.class);
    assertThat(f.stored("python")).isEmpty(); // its paths do not cover the target: never fetched
  }

  @Test
  void fastForward_timestampVersion_isRecoveredByTimestampKeyRotation() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.resetVersions(
        99, f.repo.snapshotVersion()); // an attacker with the timestamp key publishes v100
    f.repo.updateTimestamp();
    f.refresh();
    assertThat(f.storedVersion("timestamp")).isEqualTo(100);
    f.repo.resetVersions(0, f.repo.snapshotVersion()); // the repository restarts at v1 ...
    f.repo.updateTimestamp();
    assertThatThrownBy(f::refresh).isInstanceOf(RollbackException.class); // ... which is stuck
    f.repo.rotateKeys(RoleType.TIMESTAMP, List.of(newKey()), 1); // TUF 5.3.11 recovery
    f.repo.bumpRoot();
    f.repo.resetVersions(0, f.repo.snapshotVersion());
    f.repo.updateTimestamp();
    f.refresh();
    assertThat(f.storedVersion("timestamp")).isEqualTo(1);
  }

  @Test
  void indefiniteFreeze_ofAnExpiredTimestamp_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.refresh();
    byte[] frozen = f.stored("timestamp").orElseThrow();
    f.repo.setExpiry("timestamp", ClientFixture.NOW.plusSeconds(60));
    f.repo.updateTimestamp();
    byte[] shortLived = f.repo.peek("metadata/timestamp.json").orElseThrow();
    f.clock = Clock.fixed(ClientFixture.NOW.plusSeconds(3600), ZoneOffset.UTC);
    assertThatThrownBy(f::refresh).isInstanceOf(ExpiredMetadataException.class);
    assertThat(f.stored("timestamp")).hasValue(frozen).isNotEqualTo(Optional.of(shortLived));
  }

  @Test
  void maliciousMirror_replayingAnOldTimestamp_cannotHideUpdates() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    byte[] old = f.repo.peek("metadata/timestamp.json").orElseThrow();
    f.repo.updateSnapshot();
    f.refresh();
    byte[] current = f.stored("timestamp").orElseThrow();
    f.repo.put("metadata/timestamp.json", old);
    assertThatThrownBy(f::refresh).isInstanceOf(RollbackException.class);
    assertThat(f.stored("timestamp")).hasValue(current);
  }

  @Test
  void mixAndMatch_targetsFromAnotherRelease_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setHashesInMeta(true);
    byte[] release1 = f.repo.peek("metadata/1.targets.json").orElseThrow();
    f.repo.addTarget("targets", "app", bytes("2.0"));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    f.repo.put("metadata/2.targets.json", release1);
    assertThatThrownBy(f::refresh)
        .isInstanceOfAny(LengthMismatchException.class, HashMismatchException.class);
    assertThat(f.stored("targets")).isEmpty();
    assertThat(f.storedVersion("snapshot")).isEqualTo(2);
  }

  @Test
  void rollback_ofTargetsVersionInSnapshot_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot(); // snapshot v2 lists targets v2
    f.refresh();
    var model = f.repo.targets("targets");
    f.repo.setTargets(
        "targets",
        new dev.bulwark.trust.core.model.Targets(
            1,
            model.expires(),
            model.specVersion(),
            model.targets(),
            model.delegations(),
            model.unrecognized()));
    f.repo.updateSnapshot(); // snapshot v3 lists targets v1 again
    assertThatThrownBy(f::refresh).isInstanceOf(RollbackException.class);
    assertThat(f.storedVersion("snapshot")).isEqualTo(2);
    assertThat(f.storedVersion("targets")).isEqualTo(2);
  }

  @Test
  void slowRetrieval_isBoundedByTheDownloadDeadline() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    CountDownLatch release = new CountDownLatch(1);
    f.repo.tamper(
        "metadata/timestamp.json",
        b -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return b;
        });
    // The stalled handler runs on the server's dispatcher thread: release it before stopping the
    // server, or stop() waits for it forever.
    SimulatorHttpServer server = new SimulatorHttpServer(f.repo);
    try {
      Updater u =
          Updater.builder()
              .store(f.store)
              .layout(new TufRemoteLayout(server.metadataUrl(), Optional.empty()))
              .fetcher(new HttpFetcher(Duration.ofSeconds(5), Duration.ofMillis(300), "test"))
              .clock(f.clock)
              .build();
      assertThatThrownBy(u::refresh).isInstanceOf(SlowRetrievalException.class);
    } finally {
      release.countDown();
      server.close();
    }
    assertThat(f.stored("timestamp")).isEmpty();
  }

  @Test
  void keyCompromise_ofOneKeyBelowThreshold_cannotSignTimestamp() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    SigningKey a = newKey();
    SigningKey b = newKey();
    f.repo.rotateKeys(RoleType.TIMESTAMP, List.of(a, b), 2);
    f.repo.bumpRoot();
    f.repo.updateTimestamp();
    f.refresh();
    byte[] trusted = f.stored("timestamp").orElseThrow();
    f.repo.signers("timestamp").remove(b); // the attacker holds only key a
    f.repo.updateTimestamp();
    assertThatThrownBy(f::refresh).isInstanceOf(ThresholdNotMetException.class);
    assertThat(f.stored("timestamp")).hasValue(trusted);
  }

  @Test
  void wrongSoftwareInstallation_ofAnotherTargetsContent_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.addTarget("targets", "app-1.0", bytes("version 1"));
    f.repo.addTarget("targets", "app-2.0", bytes("version 2"));
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    f.config = f.config.withPrefixTargetsWithHash(false);
    f.repo.tamper("targets/app-2.0", b -> bytes("version 1"));
    Updater u = f.updater();
    TargetInfo t = u.findTarget("app-2.0");
    assertThatThrownBy(() -> u.download(t, f.targetDir.resolve("app-2.0")))
        .isInstanceOf(HashMismatchException.class);
    assertEmpty(f.targetDir);
  }
}
