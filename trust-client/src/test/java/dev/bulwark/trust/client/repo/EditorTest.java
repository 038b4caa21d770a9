package dev.bulwark.trust.client.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.keystore.KeyAlgorithm;
import dev.bulwark.trust.client.keystore.TrustDirKeyStore;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Targets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working copy, signing, co-signing bundles and the changelist, in memory and on a temp dir.
 */
class EditorTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  @TempDir Path dir;
  private SigningKeys owner;
  private Metadata<Root> root;
  private Metadata<Targets> targets;

  private static TrustDirKeyStore store(Path d) {
    return new TrustDirKeyStore(d, r -> "test-passphrase".toCharArray(), new SecureRandom(), 1000);
  }

  @BeforeEach
  void collection() throws Exception {
    TrustDirKeyStore s = store(dir.resolve("owner"));
    owner = new SigningKeys(s);
    UnlockedKey t = s.generate("targets", "g", KeyAlgorithm.ECDSA);
    UnlockedKey r = s.generate("root", "", KeyAlgorithm.ECDSA);
    Key tk = Key.of(Dialect.NOTARY, t.publicKey());
    Key rk = Key.of(Dialect.NOTARY, r.publicKey());
    Map<String, Key> keys = Map.of(tk.id(), tk, rk.id(), rk);
    Map<String, Role> roles = new LinkedHashMap<>();
    for (RoleType rt : RoleType.values()) {
      roles.put(rt.roleName(), new Role(List.of(rt == RoleType.TARGETS ? tk.id() : rk.id()), 1));
    }
    root =
        Metadata.sign(
            Dialect.NOTARY,
            new Root(
                1, NOW.plusSeconds(9999), Optional.empty(), false, keys, roles, JsonObject.EMPTY),
            List.of(SigningKey.of(Dialect.NOTARY, r.privateKey(), rk)));
    targets =
        NotaryFiles.normalize(
            Metadata.sign(
                Dialect.NOTARY,
                new Targets(
                    1,
                    NOW.plusSeconds(9999),
                    Optional.empty(),
                    Map.of(),
                    Optional.of(Delegations.EMPTY),
                    JsonObject.EMPTY),
                List.of(SigningKey.of(Dialect.NOTARY, t.privateKey(), tk))));
  }

  private Editor editor() {
    return new Editor(root, Map.of("targets", targets));
  }

  @Test
  void addedTarget_isSignedWithBumpedVersionAndPolicyExpiry_andVerifies() throws Exception {
    Editor e = editor();
    e.apply(
        Staging.addTarget("targets", "v1", 3, Map.of("sha256", "ab".repeat(32)), Optional.empty()));
    List<SignedRole> signed =
        e.sign(NOW, new ExpiryPolicy(Map.of("targets", java.time.Duration.ofDays(30))), owner);
    Metadata<Targets> md = signed.getFirst().metadata();
    assertThat(md.signed().version()).isEqualTo(2);
    assertThat(md.signed().expires()).isEqualTo(NOW.plus(java.time.Duration.ofDays(30)));
    assertThat(md.signed().targets()).containsKey("v1");
    root.signed().verify(RoleType.TARGETS, md);
  }

  @Test
  void notaryFileBytes_haveCanonicalSignedFirst() throws Exception {
    Editor e = editor();
    e.apply(
        Staging.addTarget(
            "targets",
            "v1",
            3,
            Map.of("sha256", "ab".repeat(32)),
            Optional.of(JsonReader.parse("{\"z\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))));
    Metadata<Targets> md = e.sign(NOW, ExpiryPolicy.defaults(), owner).getFirst().metadata();
    String raw = new String(md.rawBytes(), StandardCharsets.UTF_8);
    assertThat(raw)
        .startsWith("{\"signed\":{\"_type\":\"Targets\",\"delegations\":")
        .contains("\"custom\":{\"a\":2,\"z\":1}");
    assertThat(raw.indexOf("\"signatures\"")).isGreaterThan(raw.indexOf("\"signed\""));
  }

  @Test
  void targetOutsideDelegatedPaths_isRefused() throws Exception {
    Editor e = editor();
    Key k = Key.of(Dialect.NOTARY, KeyAlgorithm.ECDSA.generate(new SecureRandom()).getPublic());
    e.apply(
        Staging.delegation(
            "targets/releases",
            new DelegationEdit(
                Map.of(k.id(), k), List.of(), List.of("rel/"), List.of(), false, 1)));
    assertThatThrownBy(
            () ->
                e.apply(
                    Staging.addTarget(
                        "targets/releases",
                        "other/x",
                        1,
                        Map.of("sha256", "ab".repeat(32)),
                        Optional.empty())))
        .hasMessageContaining("outside the paths");
  }

  @Test
  void thresholdAboveKeyCount_isRefused() throws Exception {
    Key k = Key.of(Dialect.NOTARY, KeyAlgorithm.ECDSA.generate(new SecureRandom()).getPublic());
    assertThatThrownBy(
            () ->
                editor()
                    .apply(
                        Staging.delegation(
                            "targets/releases",
                            new DelegationEdit(
                                Map.of(k.id(), k), List.of(), List.of(""), List.of(), false, 2))))
        .hasMessageContaining("threshold 2 is more than its 1 key");
  }

  @Test
  void twoOfThree_bundleNeedsACoSigner_andCountsEachKeyOnce() throws Exception {
    List<SigningKeys> signers = new ArrayList<>();
    Map<String, Key> keys = new LinkedHashMap<>();
    for (String who : List.of("alice", "bob", "carol")) {
      TrustDirKeyStore s = store(dir.resolve(who));
      Key k =
          Key.of(
              Dialect.NOTARY, s.generate("targets/releases", "", KeyAlgorithm.ECDSA).publicKey());
      keys.put(k.id(), k);
      signers.add(new SigningKeys(s));
    }
    Editor parent = editor();
    parent.apply(
        Staging.delegation(
            "targets/releases",
            new DelegationEdit(keys, List.of(), List.of(""), List.of(), false, 2)));
    Metadata<Targets> newTargets =
        parent.sign(NOW, ExpiryPolicy.defaults(), owner).getFirst().metadata();

    Editor alice = new Editor(root, Map.of("targets", newTargets));
    alice.apply(
        Staging.addTarget(
            "targets/releases", "v1", 3, Map.of("sha256", "ab".repeat(32)), Optional.empty()));
    SignedRole one = alice.sign(NOW, ExpiryPolicy.defaults(), signers.get(0)).getFirst();
    assertThat(one.complete()).isFalse();
    var bundle =
        new SigningBundle(
            new Gun("g"),
            List.of(new SigningBundle.Entry(one.metadata(), "targets/releases", 2, keys)));
    Path f = dir.resolve("b.json");
    bundle.write(f);
    SigningBundle again = SigningBundle.read(f).cosign(signers.get(0), new ArrayList<>());
    assertThat(again.complete()).as("re-signing by the same key must not count twice").isFalse();
    SigningBundle two = again.cosign(signers.get(1), new ArrayList<>());
    assertThat(two.complete()).isTrue();
    newTargets.signed().verifyDelegate("targets/releases", two.roles().getFirst().metadata());
  }

  @Test
  void noKeyForRole_givesClearError() throws Exception {
    Editor e = editor();
    e.witness("targets");
    SigningKeys nobody = new SigningKeys(store(dir.resolve("nobody")));
    assertThatThrownBy(() -> e.sign(NOW, ExpiryPolicy.defaults(), nobody))
        .hasMessageContaining("no private key for targets");
  }

  @Test
  void changelist_roundTripsInOrder_resetsByNumber_andRefusesBadNumbers() throws Exception {
    Changelist cl =
        new Changelist(dir, new Gun("example.com/app"), Clock.fixed(NOW, ZoneOffset.UTC));
    cl.add(
        Staging.addTarget("targets", "a", 1, Map.of("sha256", "ab".repeat(32)), Optional.empty()));
    cl.add(Staging.removeTarget("targets", "b"));
    assertThat(cl.list()).extracting(Change::path).containsExactly("a", "b");
    assertThatThrownBy(() -> cl.remove(Set.of(5)))
        .hasMessageContaining("no staged change number 5");
    assertThat(cl.list()).hasSize(2);
    cl.remove(Set.of(0));
    assertThat(cl.list()).extracting(Change::path).containsExactly("b");
    cl.clear();
    assertThat(cl.list()).isEmpty();
  }

  @Test
  void corruptChangeFile_namesTheFile() throws Exception {
    Changelist cl = new Changelist(dir, new Gun("example.com/app"), Clock.systemUTC());
    cl.add(Staging.removeTarget("targets", "b"));
    Path d = dir.resolve("tuf/example.com/app/changelist");
    Path f;
    try (var s = Files.list(d)) {
      f = s.findFirst().orElseThrow();
    }
    Files.writeString(f, "{not json");
    assertThatThrownBy(cl::list)
        .isInstanceOf(RepoException.class)
        .hasMessageContaining(f.getFileName().toString());
  }

  @Test
  void badHashes_areRefusedWhenStaging() {
    assertThatThrownBy(
            () -> Staging.addTarget("targets", "a", 1, Map.of("sha256", "xyz"), Optional.empty()))
        .hasMessageContaining("64 hex digits");
  }
}
