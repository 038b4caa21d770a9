package dev.bulwark.trust.server.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.server.store.MetaUpdate;
import dev.bulwark.trust.server.store.StoredFile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Delegation and root rules of {@link UpdateValidator} that differ from a naive TUF check, each
 * compared with notary-server 0.7 (research/notary.md §2.2): what the real notary client cannot
 * load must be refused; what notary-server accepts and the client tolerates must not be.
 */
class UpdateValidatorDelegationTest {
  private static final Dialect D = Dialect.NOTARY;
  private static final String GUN = "example.com/org/app";
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
  private static final Instant LATER = NOW.plus(Duration.ofDays(365));

  private final SigningKey rootKey = SigningKey.generate(D, KeyAlgorithm.ECDSA_P256);
  private final SigningKey targetsKey = SigningKey.generate(D, KeyAlgorithm.ECDSA_P256);
  private final SigningKey snapshotKey = SigningKey.generate(D, KeyAlgorithm.ECDSA_P256);
  private final SigningKey timestampKey = SigningKey.generate(D, KeyAlgorithm.ECDSA_P256);
  private final SigningKey releasesKey = SigningKey.generate(D, KeyAlgorithm.ECDSA_P256);
  private final UpdateValidator validator =
      new UpdateValidator(
          Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30), Duration.ofDays(14));
  private final HeldKeys held =
      (role, listed) ->
          Optional.of(role.equals("snapshot") ? snapshotKey : timestampKey)
              .filter(k -> listed.keyIds().contains(k.keyId()));
  private final Map<String, StoredFile> current = new LinkedHashMap<>();

  UpdateValidatorDelegationTest() {
    store("root", 1, root(1, LATER));
    store("targets", 1, targets(1, Map.of(), Delegations.EMPTY));
  }

  @Test
  void delegationNotNamedUnderTargets_isErrBadTargets_likeNotaryServer() {
    byte[] up = targets(2, Map.of(), delegating("releases", List.of(""), releasesKey.key()));
    assertThatThrownBy(() -> validate(Map.of("targets", up)))
        .isInstanceOfSatisfying(
            InvalidUpdateException.class, e -> assertThat(e.errorName()).isEqualTo("ErrBadTargets"))
        .hasMessage("targets type metadata invalid: delegation role releases invalid");
  }

  @Test
  void delegationOfAGrandchildRole_isErrBadTargets() {
    byte[] up = targets(2, Map.of(), delegating("targets/a/b", List.of(""), releasesKey.key()));
    assertThatThrownBy(() -> validate(Map.of("targets", up)))
        .isInstanceOf(InvalidUpdateException.class)
        .hasMessage("targets type metadata invalid: delegation role targets/a/b invalid");
  }

  @Test
  void delegationKeyIdWithoutItsKey_isErrBadTargets_likeNotaryServer() {
    String ghost = "ab".repeat(32);
    Delegations d =
        new Delegations(
            Map.of(),
            List.of(
                new DelegatedRole(
                    "targets/releases",
                    List.of(ghost),
                    1,
                    false,
                    Optional.of(List.of("")),
                    Optional.empty())),
            Optional.empty());
    byte[] up = targets(2, Map.of(), d);
    assertThatThrownBy(() -> validate(Map.of("targets", up)))
        .isInstanceOfSatisfying(
            InvalidUpdateException.class, e -> assertThat(e.errorName()).isEqualTo("ErrBadTargets"))
        .hasMessage(
            "targets type metadata invalid: key ID "
                + ghost
                + " specified in targets/releases without corresponding key");
  }

  @Test
  void delegatedTargetsOutsideNarrowedPaths_areStored_asNotaryServerDoes() throws Exception {
    // targets/releases was delegated "" and signed old/a; then its paths were narrowed to new/.
    store(
        "targets",
        2,
        targets(2, Map.of(), delegating("targets/releases", List.of("new/"), releasesKey.key())));
    store("targets/releases", 1, releases(1, "old/a"));
    // Its signer publishes new/b: old/a is still in the file; clients ignore it (TUF 5.6.7.2).
    List<MetaUpdate> out = validate(Map.of("targets/releases", releases(2, "old/a", "new/b")));
    assertThat(out).extracting(MetaUpdate::role).contains("targets/releases", "snapshot");
  }

  @Test
  void rootReuploadWithTheSameVersion_passesValidation_soTheStoreAnswersVersion() throws Exception {
    byte[] sameVersion = root(1, LATER.plusSeconds(1));
    List<MetaUpdate> out = validate(Map.of("root", sameVersion));
    assertThat(out)
        .filteredOn(u -> u.role().equals("root"))
        .singleElement()
        .satisfies(u -> assertThat(u.version()).isEqualTo(1));
  }

  @Test
  void rootSkippingAVersion_isStillErrBadRoot() {
    assertThatThrownBy(() -> validate(Map.of("root", root(3, LATER))))
        .isInstanceOf(InvalidUpdateException.class)
        .hasMessage("Root modifications must increment the version. Current 1, new 3");
  }

  // --- helpers ---

  private List<MetaUpdate> validate(Map<String, byte[]> uploads) throws Exception {
    return validator.validate(GUN, current, uploads, held);
  }

  private void store(String role, int version, byte[] data) {
    current.put(role, new StoredFile(GUN, role, version, data, "00".repeat(32), NOW));
  }

  private byte[] root(long version, Instant expires) {
    Map<String, Key> keys = new LinkedHashMap<>();
    Map<String, Role> roles = new LinkedHashMap<>();
    for (var e :
        Map.of(
                "root", rootKey,
                "targets", targetsKey,
                "snapshot", snapshotKey,
                "timestamp", timestampKey)
            .entrySet()) {
      keys.put(e.getValue().keyId(), e.getValue().key());
      roles.put(e.getKey(), new Role(List.of(e.getValue().keyId()), 1));
    }
    Root r = new Root(version, expires, Optional.empty(), false, keys, roles, JsonObject.EMPTY);
    return Metadata.sign(D, r, List.of(rootKey)).rawBytes();
  }

  private Delegations delegating(String role, List<String> paths, Key key) {
    return new Delegations(
        Map.of(key.id(), key),
        List.of(
            new DelegatedRole(
                role, List.of(key.id()), 1, false, Optional.of(paths), Optional.empty())),
        Optional.empty());
  }

  private byte[] targets(long version, Map<String, TargetFile> files, Delegations d) {
    Targets t =
        new Targets(version, LATER, Optional.empty(), files, Optional.of(d), JsonObject.EMPTY);
    return Metadata.sign(D, t, List.of(targetsKey)).rawBytes();
  }

  private byte[] releases(long version, String... names) {
    Map<String, TargetFile> files = new LinkedHashMap<>();
    for (String n : names) {
      files.put(n, TargetFile.of(n.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    }
    Targets t =
        new Targets(
            version,
            LATER,
            Optional.empty(),
            files,
            Optional.of(Delegations.EMPTY),
            JsonObject.EMPTY);
    return Metadata.sign(D, t, List.of(releasesKey)).rawBytes();
  }
}
