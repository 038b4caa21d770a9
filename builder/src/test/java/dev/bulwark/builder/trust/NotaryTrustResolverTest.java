package dev.bulwark.builder.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.ImageReference;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.SkippedRole;
import dev.bulwark.trust.client.notary.VerifiedTargets;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.MetaFile;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import dev.bulwark.trust.core.model.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which role a trusted tag comes from, and refusing to fall back past a skipped delegation. */
class NotaryTrustResolverTest {
  private static final Dialect N = Dialect.NOTARY;
  private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
  private final SigningKey key = SigningKey.generate(N, KeyAlgorithm.ECDSA_P256);

  private Metadata<Targets> targets(String tag, String content, Instant expires) {
    return Metadata.sign(
        N,
        new Targets(
            2,
            expires,
            Optional.empty(),
            Map.of(tag, TargetFile.of(content.getBytes(StandardCharsets.UTF_8), Optional.empty())),
            Optional.empty(),
            JsonObject.EMPTY),
        List.of(key));
  }

  private Map<String, Role> allRoles() {
    Map<String, Role> roles = new java.util.LinkedHashMap<>();
    for (RoleType rt : RoleType.values()) {
      roles.put(rt.roleName(), new Role(List.of(key.keyId()), 1));
    }
    return roles;
  }

  private NotaryCollection collection(List<VerifiedTargets> roles, List<SkippedRole> skipped) {
    var root =
        Metadata.sign(
            N,
            new Root(
                1,
                LATER,
                Optional.empty(),
                false,
                Map.of(key.keyId(), key.key()),
                allRoles(),
                JsonObject.EMPTY),
            List.of(key));
    var snap =
        Metadata.sign(
            N, new Snapshot(1, LATER, Optional.empty(), Map.of(), JsonObject.EMPTY), List.of(key));
    var ts =
        Metadata.sign(
            N,
            new Timestamp(
                1, LATER, Optional.empty(), MetaFile.ofBytes(snap.rawBytes()), JsonObject.EMPTY),
            List.of(key));
    return new NotaryCollection(new Gun("example.com/app"), root, ts, snap, roles, skipped);
  }

  private static TrustedImage resolve(NotaryCollection c) throws Exception {
    return new NotaryTrustResolver(gun -> c, "https://notary.test")
        .resolve(ImageReference.parse("example.com/app:1.0"));
  }

  @Test
  void tagInReleases_winsOverTargets() throws Exception {
    var c =
        collection(
            List.of(
                new VerifiedTargets("targets", targets("1.0", "old", LATER), List.of("")),
                new VerifiedTargets("targets/releases", targets("1.0", "new", LATER), List.of(""))),
            List.of());

    assertThat(resolve(c).verification().role()).isEqualTo("targets/releases");
  }

  @Test
  void expiredReleasesRole_isNotSilentlyReplacedByAnOlderDigestInTargets() {
    Metadata<Targets> expired = targets("1.0", "new", Instant.parse("2020-01-01T00:00:00Z"));
    var c =
        collection(
            List.of(new VerifiedTargets("targets", targets("1.0", "old", LATER), List.of(""))),
            List.of(
                new SkippedRole(
                    "targets/releases",
                    "targets/releases expired at 2020-01-01T00:00:00Z",
                    SkippedRole.Kind.EXPIRED,
                    2,
                    Optional.of(expired))));

    assertThatThrownBy(() -> resolve(c))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining("skipped delegation targets/releases")
        .hasMessageContaining("refusing to fall back");
  }

  @Test
  void releasesRoleBelowThreshold_failsClosed() {
    var c =
        collection(
            List.of(new VerifiedTargets("targets", targets("1.0", "old", LATER), List.of(""))),
            List.of(
                new SkippedRole(
                    "targets/releases",
                    "valid signatures did not meet threshold",
                    SkippedRole.Kind.THRESHOLD,
                    2,
                    Optional.empty())));

    assertThatThrownBy(() -> resolve(c))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining("threshold");
  }
}
