package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.Signed;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Delegation failures the real client tolerates (expired, below threshold: the subtree is skipped
 * and reported) and those it does not (rollback, hash mismatch, anything wrong with {@code
 * targets}).
 */
class DelegationWalkerTest {
  private static final Dialect N = Dialect.NOTARY;
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(86_400);
  private static final Gun GUN = new Gun("example.com/app");

  private final SigningKey rootKey = SigningKey.generate(N, KeyAlgorithm.ECDSA_P256);
  private final SigningKey targetsKey = SigningKey.generate(N, KeyAlgorithm.ECDSA_P256);
  private final SigningKey releasesKey = SigningKey.generate(N, KeyAlgorithm.ECDSA_P256);
  private final SigningKey otherKey = SigningKey.generate(N, KeyAlgorithm.ECDSA_P256);
  private final Map<String, byte[]> files = new HashMap<>();
  private final Map<String, MetaFile> meta = new LinkedHashMap<>();
  private final InMemoryMetadataStore cache = new InMemoryMetadataStore();

  private Root root() {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (RoleType rt : RoleType.values()) {
      SigningKey k = rt == RoleType.TARGETS ? targetsKey : rootKey;
      roles.put(rt.roleName(), new Role(List.of(k.keyId()), 1));
    }
    return new Root(
        1,
        LATER,
        Optional.empty(),
        false,
        Map.of(rootKey.keyId(), rootKey.key(), targetsKey.keyId(), targetsKey.key()),
        roles,
        JsonObject.EMPTY);
  }

  private void publish(String role, Signed signed, SigningKey... keys) {
    byte[] raw = Metadata.sign(N, signed, List.of(keys)).rawBytes();
    files.put(role, raw);
    meta.put(role, MetaFile.ofBytes(raw));
  }

  private static Targets targets(
      long version, Instant expires, Map<String, String> tags, Delegations delegations) {
    Map<String, TargetFile> t = new LinkedHashMap<>();
    tags.forEach(
        (name, content) ->
            t.put(name, TargetFile.of(content.getBytes(StandardCharsets.UTF_8), Optional.empty())));
    return new Targets(
        version, expires, Optional.empty(), t, Optional.of(delegations), JsonObject.EMPTY);
  }

  private static Delegations delegate(String name, Key... keys) {
    Map<String, Key> ks = new LinkedHashMap<>();
    for (Key k : keys) {
      ks.put(k.id(), k);
    }
    return new Delegations(
        ks,
        List.of(
            new DelegatedRole(
                name,
                List.copyOf(ks.keySet()),
                1,
                false,
                Optional.of(List.of("")),
                Optional.empty())),
        Optional.empty());
  }

  /** targets → targets/releases (key releasesKey) → targets/releases/nightly. */
  private void collection(Instant releasesExpires, SigningKey releasesSigner) {
    publish(
        "targets",
        targets(2, LATER, Map.of("1.0", "one"), delegate("targets/releases", releasesKey.key())),
        targetsKey);
    publish(
        "targets/releases",
        targets(
            3,
            releasesExpires,
            Map.of("2.0", "two"),
            delegate("targets/releases/nightly", releasesKey.key())),
        releasesSigner);
    publish(
        "targets/releases/nightly",
        targets(1, LATER, Map.of("3.0-nightly", "three"), Delegations.EMPTY),
        releasesKey);
  }

  private DelegationWalker walker() {
    Snapshot snap = new Snapshot(5, LATER, Optional.empty(), meta, JsonObject.EMPTY);
    NotaryRemote remote =
        new NotaryRemote(
            new NotaryLayout(URI.create("https://notary.test")),
            (uri, max) -> {
              String path = uri.getPath();
              String file = path.substring(path.indexOf("/_trust/tuf/") + "/_trust/tuf/".length());
              String role = file.substring(0, file.indexOf('.'));
              byte[] b = files.get(role);
              if (b == null) {
                throw new RemoteNotFoundException(uri, "not found");
              }
              return b;
            });
    return new DelegationWalker(remote, GUN, snap, NOW, new Versions(cache), cache);
  }

  private static List<String> roles(List<VerifiedTargets> vts) {
    return vts.stream().map(VerifiedTargets::role).toList();
  }

  @Test
  void wellSignedDelegations_areAllVerified_andNothingSkipped() throws Exception {
    collection(LATER, releasesKey);
    DelegationWalker w = walker();

    assertThat(roles(w.walk(root())))
        .containsExactly("targets", "targets/releases", "targets/releases/nightly");
    assertThat(w.skipped()).isEmpty();
  }

  @Test
  void delegationSignedByARevokedKey_isSkippedWithItsSubtree_notTheWholeCollection()
      throws Exception {
    collection(LATER, otherKey); // releases signed by a key targets no longer lists
    DelegationWalker w = walker();

    assertThat(roles(w.walk(root()))).containsExactly("targets");
    assertThat(w.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.role()).isEqualTo("targets/releases");
              assertThat(s.kind()).isEqualTo(SkippedRole.Kind.THRESHOLD);
              assertThat(s.expired()).isEmpty();
            });
  }

  @Test
  void expiredDelegation_isSkipped_andKeptForItsOwnerToReSign() throws Exception {
    collection(NOW.minusSeconds(1), releasesKey);
    DelegationWalker w = walker();

    assertThat(roles(w.walk(root()))).containsExactly("targets");
    SkippedRole s = w.skipped().getFirst();
    assertThat(s.kind()).isEqualTo(SkippedRole.Kind.EXPIRED);
    assertThat(s.reason()).contains("targets/releases");
    assertThat(s.expired().orElseThrow().signed().version()).isEqualTo(3);
  }

  @Test
  void topLevelTargetsExpired_stillFailsTheWholeRead() {
    publish("targets", targets(2, NOW.minusSeconds(1), Map.of(), Delegations.EMPTY), targetsKey);

    assertThatThrownBy(() -> walker().walk(root())).isInstanceOf(ExpiredMetadataException.class);
  }

  @Test
  void topLevelTargetsUnderThreshold_stillFailsTheWholeRead() {
    publish("targets", targets(2, LATER, Map.of(), Delegations.EMPTY), otherKey);

    assertThatThrownBy(() -> walker().walk(root())).isInstanceOf(ThresholdNotMetException.class);
  }

  @Test
  void rollbackOfADelegation_stillFailsTheWholeRead() throws Exception {
    collection(LATER, releasesKey);
    cache.write(
        "targets/releases",
        Metadata.sign(N, targets(9, LATER, Map.of(), Delegations.EMPTY), List.of(releasesKey))
            .rawBytes());

    assertThatThrownBy(() -> walker().walk(root()))
        .isInstanceOf(RollbackException.class)
        .hasMessageContaining("targets/releases");
  }

  @Test
  void delegationOfAnotherLength_stillFailsTheWholeRead() {
    collection(LATER, releasesKey);
    files.put("targets/releases", files.get("targets/releases/nightly"));

    assertThatThrownBy(() -> walker().walk(root())).isInstanceOf(LengthMismatchException.class);
  }

  @Test
  void delegationWithOneByteChanged_stillFailsTheWholeRead() {
    collection(LATER, releasesKey);
    String text = new String(files.get("targets/releases"), StandardCharsets.UTF_8);
    int at = text.indexOf("\"sha256\":\"") + "\"sha256\":\"".length();
    char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
    files.put(
        "targets/releases",
        (text.substring(0, at) + flipped + text.substring(at + 1))
            .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> walker().walk(root())).isInstanceOf(HashMismatchException.class);
  }
}
