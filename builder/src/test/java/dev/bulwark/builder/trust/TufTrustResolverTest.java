package dev.bulwark.builder.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.ImageReference;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TufTrustResolverTest {
  private static final String DIGEST = "ab".repeat(32);
  private static final String REF = "localhost:5000/test/hello:1";
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  private TufFixture signed() throws Exception {
    return new TufFixture(dir.resolve("repo"), clock).sign(REF, DIGEST, 527).publish();
  }

  private TrustedImage resolve(TufFixture repo, String ref, Clock at) throws Exception {
    return repo.resolver(dir.resolve("client"), at).resolve(ImageReference.parse(ref));
  }

  @Test
  void signedTag_resolvesToTheSignedManifestDigest_withRoleAndKeys() throws Exception {
    TufFixture repo = signed();
    TrustedImage t = resolve(repo, REF, clock);

    assertThat(t.pinned().digest().toString()).isEqualTo("sha256:" + DIGEST);
    assertThat(t.pinned().reference().toString()).isEqualTo(REF + "@sha256:" + DIGEST);
    assertThat(t.verification().method()).isEqualTo("tuf");
    assertThat(t.verification().role()).isEqualTo("targets");
    assertThat(t.verification().keyIds())
        .containsExactly(repo.sim.signers("targets").getFirst().keyId());
  }

  @Test
  void dockerHubShortName_isLookedUpByItsNormalisedReference() throws Exception {
    TufFixture repo =
        new TufFixture(dir.resolve("repo"), clock)
            .sign("docker.io/linuxkit/init:v1", DIGEST, 10)
            .publish();
    assertThat(resolve(repo, "linuxkit/init:v1", clock).pinned().digest().hex()).isEqualTo(DIGEST);
  }

  @Test
  void unsignedTag_isRefused_namingTheImage() throws Exception {
    TufFixture repo = signed();
    assertThatThrownBy(() -> resolve(repo, "localhost:5000/test/hello:2", clock))
        .isInstanceOf(TrustFailure.class)
        .hasMessageStartingWith("localhost:5000/test/hello:2: not signed")
        .hasMessageContaining("'localhost:5000/test/hello:2'");
  }

  @Test
  void tamperedTargetsMetadata_isRefused() throws Exception {
    TufFixture repo = signed();
    for (String name : List.of("2.targets.json", "targets.json")) {
      Path p = repo.metadataDir().resolve(name);
      Files.writeString(
          p,
          Files.readString(p, StandardCharsets.UTF_8).replace(DIGEST, "cd".repeat(32)),
          StandardCharsets.UTF_8);
    }
    assertThatThrownBy(() -> resolve(repo, REF, clock))
        .isInstanceOf(TrustFailure.class)
        .hasMessageStartingWith(REF + ": no valid trust data from TUF repository")
        .hasMessageContaining("signatures below threshold");
  }

  @Test
  void targetsResignedByAnAttackerKey_isRefusedAsBelowThreshold() throws Exception {
    TufFixture repo = new TufFixture(dir.resolve("repo"), clock).sign(REF, DIGEST, 527);
    List<SigningKey> signers = repo.sim.signers("targets");
    signers.clear();
    signers.add(SigningKey.generate(Dialect.TUF, KeyAlgorithm.ED25519));
    repo.publish();
    assertThatThrownBy(() -> resolve(repo, REF, clock))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining(REF)
        .hasMessageContaining("signatures below threshold");
  }

  @Test
  void expiredMetadata_isRefused() throws Exception {
    TufFixture repo = signed();
    Clock later = Clock.offset(clock, Duration.ofDays(400));
    assertThatThrownBy(() -> resolve(repo, REF, later))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining(REF)
        .hasMessageContaining("expired metadata");
  }

  @Test
  void everyImageOfABrokenRepository_isRefused_notOnlyTheFirst() throws Exception {
    TufFixture repo = signed();
    TufTrustResolver r =
        repo.resolver(dir.resolve("client"), Clock.offset(clock, Duration.ofDays(400)));
    for (String ref : List.of(REF, "localhost:5000/test/other:1")) {
      assertThatThrownBy(() -> r.resolve(ImageReference.parse(ref)))
          .isInstanceOf(TrustFailure.class)
          .hasMessageStartingWith(ref + ": ");
    }
  }

  @Test
  void missingRootFile_isAClearFailure() {
    assertThatThrownBy(
            () ->
                TufTrustResolver.open(
                    dir.toUri(), dir.resolve("nope.json"), dir.resolve("client"), clock))
        .isInstanceOf(TrustFailure.class)
        .hasMessageContaining("cannot read the trusted TUF root");
  }
}
