package dev.bulwark.trust.client.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import dev.bulwark.trust.client.keystore.KeyAlgorithm;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.SkippedRole;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-party thresholds, key revocation and root rotation against the real notary-server; every
 * signer has its own trust dir.
 */
class ThresholdAndCompromiseIT {
  @TempDir static Path tmp;
  static NotaryServerProcess server;

  @BeforeAll
  static void start() {
    server = NotaryServerProcess.start(tmp.resolve("server"), Storage.memory());
    NotaryInteropIT.server = server;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static RepoContext dir(String name) {
    return NotaryInteropIT.bulwark(tmp.resolve(name));
  }

  private static Key delegationKey(RepoContext signer) throws Exception {
    UnlockedKey k = signer.keyStore().generate("targets/releases", "", KeyAlgorithm.ECDSA);
    return Key.of(Dialect.NOTARY, k.publicKey());
  }

  private static Change target(String role, String name, String hexByte) {
    return Staging.addTarget(
        role, name, 10, Map.of("sha256", hexByte.repeat(32)), Optional.empty());
  }

  private static void delegate(RepoContext owner, Gun gun, int threshold, Key... keys)
      throws Exception {
    Map<String, Key> add = new LinkedHashMap<>();
    for (Key k : keys) {
      add.put(k.id(), k);
    }
    owner
        .changelist(gun)
        .add(
            Staging.delegation(
                "targets/releases",
                new DelegationEdit(add, List.of(), List.of(""), List.of(), false, threshold)));
    assertThat(
            owner
                .publisher(gun, ExpiryPolicy.defaults())
                .publish(Set.of(), tmp.resolve("x.bundle")))
        .isInstanceOf(Publisher.Outcome.Published.class);
  }

  @Test
  void twoOfThreeDelegation_oneSignatureRefused_twoAccepted() throws Exception {
    Gun gun = new Gun("localhost:5000/threshold/app");
    RepoContext owner = dir("t-owner");
    owner.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), true);
    RepoContext alice = dir("t-alice");
    RepoContext bob = dir("t-bob");
    RepoContext carol = dir("t-carol");
    delegate(owner, gun, 2, delegationKey(alice), delegationKey(bob), delegationKey(carol));

    alice.changelist(gun).add(target("targets/releases", "v1", "ab"));
    Path bundleFile = tmp.resolve("release.bundle");
    var staged = alice.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), bundleFile);
    assertThat(staged).isInstanceOf(Publisher.Outcome.NeedsSignatures.class);
    SigningBundle one = SigningBundle.read(bundleFile);
    assertThat(one.complete()).isFalse();

    // One signature: Bulwark refuses to publish it, and the real server refuses it when forced.
    assertThatThrownBy(() -> carol.publisher(gun, ExpiryPolicy.defaults()).publish(one))
        .isInstanceOf(ThresholdNotReachedException.class);
    Map<String, byte[]> forced =
        Map.of("targets/releases", one.roles().getFirst().metadata().rawBytes());
    assertThatThrownBy(() -> carol.writer().update(gun, forced))
        .isInstanceOf(ServerRefusedException.class)
        .hasMessageContaining("INVALID_UPDATE");
    assertThat(carol.reader().read(gun).lookup("v1")).isEmpty();

    // Bob co-signs offline (his own trust dir, no server), then Carol publishes.
    SigningBundle two = one.cosign(bob.signingKeys(), new java.util.ArrayList<>());
    two.write(bundleFile);
    assertThat(SigningBundle.read(bundleFile).complete()).isTrue();
    carol.publisher(gun, ExpiryPolicy.defaults()).publish(SigningBundle.read(bundleFile));

    NotaryCollection seen = dir("t-reader").reader().read(gun);
    assertThat(seen.lookup("v1"))
        .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo("targets/releases"));
    String real = server.client(tmp.resolve("t-real")).runOk("lookup", gun.name(), "v1").stdout();
    assertThat(real).contains("v1 sha256:" + "ab".repeat(32));
  }

  @Test
  void revokedDelegationKey_itsTargetsNoLongerVerify_andRotatedKeyTakesOver() throws Exception {
    Gun gun = new Gun("localhost:5000/compromise/app");
    RepoContext owner = dir("c-owner");
    owner.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), true);
    RepoContext mallory = dir("c-stolen");
    RepoContext bob = dir("c-bob");
    Key stolen = delegationKey(mallory);
    delegate(owner, gun, 1, stolen);
    mallory.changelist(gun).add(target("targets/releases", "evil", "ee"));
    mallory.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("c1.bundle"));
    assertThat(dir("c-r1").reader().read(gun).lookup("evil")).isPresent();

    // Revoke in one publish: drop the compromised role, delegate to Bob's rotated key.
    // (Revoking only the key works too: see the next test.)
    Key fresh = delegationKey(bob);
    owner.changelist(gun).add(Staging.removeDelegation("targets/releases"));
    owner
        .changelist(gun)
        .add(
            Staging.delegation(
                "targets/stable",
                new DelegationEdit(
                    Map.of(fresh.id(), fresh), List.of(), List.of(""), List.of(), false, 1)));
    owner.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("c3.bundle"));
    assertThat(dir("c-r2").reader().read(gun).lookup("evil")).isEmpty();

    bob.changelist(gun).add(target("targets/stable", "good", "aa"));
    bob.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("c4.bundle"));
    NotaryCollection after = dir("c-r3").reader().read(gun);
    assertThat(after.lookup("good")).isPresent();
    assertThat(after.lookup("evil")).isEmpty();

    // The stolen key can no longer sign anything: Bulwark has no authority for it, the server
    // refuses a forced upload.
    mallory.changelist(gun).add(target("targets/stable", "evil2", "ef"));
    assertThatThrownBy(
            () ->
                mallory
                    .publisher(gun, ExpiryPolicy.defaults())
                    .publish(Set.of(), tmp.resolve("c5.bundle")))
        .hasMessageContaining("no private key for targets/stable");
    var forged =
        dev.bulwark.trust.core.model.Metadata.sign(
            Dialect.NOTARY,
            after.targets().getLast().metadata().signed(),
            List.of(
                dev.bulwark.trust.core.model.SigningKey.of(
                    Dialect.NOTARY, mallory.keyStore().unlock(stolen.id()).privateKey(), stolen)));
    assertThatThrownBy(
            () ->
                mallory
                    .writer()
                    .update(
                        gun, Map.of("targets/stable", NotaryFiles.normalize(forged).rawBytes())))
        .isInstanceOf(ServerRefusedException.class);
  }

  @Test
  void revokingOnlyTheKey_skipsTheRoleUntilTheNewKeyReSignsIt_withoutBlockingPublishes()
      throws Exception {
    Gun gun = new Gun("localhost:5000/revoke/app");
    RepoContext owner = dir("k-owner");
    owner.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), true);
    RepoContext mallory = dir("k-stolen");
    RepoContext bob = dir("k-bob");
    Key stolen = delegationKey(mallory);
    delegate(owner, gun, 1, stolen);
    mallory.changelist(gun).add(target("targets/releases", "evil", "ee"));
    mallory.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("k1.bundle"));

    // Notary #1500: swapping the key leaves targets/releases signed only by the revoked key.
    Key fresh = delegationKey(bob);
    owner
        .changelist(gun)
        .add(
            Staging.delegation(
                "targets/releases",
                new DelegationEdit(
                    Map.of(fresh.id(), fresh),
                    List.of(stolen.id()),
                    List.of(),
                    List.of(),
                    false,
                    0)));
    owner.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("k2.bundle"));

    NotaryCollection between = dir("k-r1").reader().read(gun);
    assertThat(between.lookup("evil")).isEmpty();
    assertThat(between.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.role()).isEqualTo("targets/releases");
              assertThat(s.kind()).isEqualTo(SkippedRole.Kind.THRESHOLD);
            });
    // The real client skips it the same way (and does not fail).
    assertThat(server.client(tmp.resolve("k-real")).runOk("list", gun.name()).stdout())
        .doesNotContain("evil");

    // Publishing elsewhere is not blocked, and Bob's key takes the role over from scratch.
    owner.changelist(gun).add(target("targets", "base", "bb"));
    owner.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("k3.bundle"));
    bob.changelist(gun).add(target("targets/releases", "good", "aa"));
    bob.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("k4.bundle"));

    NotaryCollection after = dir("k-r2").reader().read(gun);
    assertThat(after.skipped()).isEmpty();
    assertThat(after.lookup("good"))
        .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo("targets/releases"));
    assertThat(after.lookup("evil")).isEmpty();
    assertThat(after.lookup("base")).isPresent();
    assertThat(server.client(tmp.resolve("k-real2")).runOk("lookup", gun.name(), "good").stdout())
        .contains("good sha256:" + "aa".repeat(32));
  }

  @Test
  void expiredDelegation_isSkipped_thenResignedByItsOwner() throws Exception {
    Gun gun = new Gun("localhost:5000/expiry/app");
    RepoContext owner = dir("e-owner");
    owner.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), true);
    RepoContext alice = dir("e-alice");
    delegate(owner, gun, 1, delegationKey(alice));
    alice.changelist(gun).add(target("targets/releases", "v1", "ab"));
    alice
        .publisher(gun, new ExpiryPolicy(Map.of("targets/releases", java.time.Duration.ofDays(1))))
        .publish(Set.of(), tmp.resolve("e1.bundle"));

    // Two days later (the timestamp, 14 days, and targets, 3 years, are still valid).
    java.time.Clock later =
        java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(2));
    RepoContext aliceLater = NotaryInteropIT.bulwark(tmp.resolve("e-alice"), later);
    NotaryCollection expired = aliceLater.reader().read(gun);
    assertThat(expired.lookup("v1")).isEmpty();
    SkippedRole s = expired.skipped().getFirst();
    assertThat(s.kind()).isEqualTo(SkippedRole.Kind.EXPIRED);

    aliceLater
        .publisher(gun, ExpiryPolicy.defaults())
        .publish(Set.of("targets/releases"), tmp.resolve("e2.bundle"));

    NotaryCollection renewed =
        NotaryInteropIT.bulwark(tmp.resolve("e-r"), later).reader().read(gun);
    assertThat(renewed.skipped()).isEmpty();
    assertThat(renewed.lookup("v1"))
        .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo("targets/releases"));
  }

  @Test
  void rootRotations_verifyFromAnOldCachedRoot() throws Exception {
    Gun gun = new Gun("localhost:5000/rotation/app");
    RepoContext owner = dir("r-owner");
    owner.initializer(gun, ExpiryPolicy.defaults()).init(Optional.empty(), false);
    RepoContext oldReader = dir("r-old");
    assertThat(oldReader.reader().read(gun).root().signed().version()).isEqualTo(1);
    var realOld = server.client(tmp.resolve("r-real"));
    realOld.runOk("list", gun.name());

    owner.rotator(gun, ExpiryPolicy.defaults()).rotate("root", false);
    owner.rotator(gun, ExpiryPolicy.defaults()).rotate("targets", false);
    owner.rotator(gun, ExpiryPolicy.defaults()).rotate("root", false);
    owner.rotator(gun, ExpiryPolicy.defaults()).rotate("snapshot", true);
    owner.changelist(gun).add(target("targets", "after-rotation", "cc"));
    owner.publisher(gun, ExpiryPolicy.defaults()).publish(Set.of(), tmp.resolve("r.bundle"));

    NotaryCollection c = oldReader.reader().read(gun);
    assertThat(c.root().signed().version()).isEqualTo(5);
    assertThat(c.lookup("after-rotation")).isPresent();
    assertThat(realOld.runOk("list", gun.name()).stdout()).contains("after-rotation");
  }
}
