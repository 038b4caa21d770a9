package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.RollbackException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.model.RoleType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotaryReaderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
  private static final String ROOT_V6_CERT_ID =
      "70a87c74"; // prefix; the full ID is read from the fixture below

  private final FixtureServer server = new FixtureServer();
  private final MetadataStore cache = new InMemoryMetadataStore();

  private NotaryReader reader(TrustPinning pinning, Clock clock) {
    return new NotaryReader(
        new NotaryRemote(new NotaryLayout(FixtureServer.URL), server),
        pinning,
        clock,
        gun -> cache);
  }

  private NotaryCollection read() throws Exception {
    return reader(TrustPinning.tofu(), CLOCK).read(FixtureServer.GUN);
  }

  @Test
  void coldRead_verifiesRealFixture_andListsTargetsOfBothRoles() throws Exception {
    NotaryCollection c = read();

    assertThat(c.root().signed().version()).isEqualTo(6);
    assertThat(c.list())
        .extracting(TargetWithRole::name, TargetWithRole::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1.36", "targets"),
            org.assertj.core.groups.Tuple.tuple("1.36-r1", "targets"),
            org.assertj.core.groups.Tuple.tuple("1.37", "targets/releases"),
            org.assertj.core.groups.Tuple.tuple("latest", "targets"));
    TargetWithRole t = c.lookup("1.36").orElseThrow();
    assertThat(t.file().length()).isEqualTo(529);
    assertThat(t.sha256Hex())
        .isEqualTo("1f0e2e2b781438ad11ab1fc5797b3ceacaee300790331d100303cf61ce2d75d5");
    assertThat(server.requests())
        .startsWith("root.json", "timestamp.json")
        .anyMatch(r -> r.startsWith("targets/releases.") && r.endsWith(".json"));
  }

  @Test
  void successfulRead_cachesEveryRoleExactlyAsReceived() throws Exception {
    read();

    assertThat(cache.read("root"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(FixtureServer.fixture("root.json")));
    assertThat(cache.read("targets/releases"))
        .hasValueSatisfying(
            b -> assertThat(b).isEqualTo(FixtureServer.fixture("targets/releases.json")));
    assertThat(cache.read("timestamp")).isPresent();
    assertThat(cache.read("snapshot")).isPresent();
  }

  @Test
  void secondReadOfAnUnchangedCollection_downloadsOnlyTheTimestamp() throws Exception {
    read();
    int before = server.requests().size();

    NotaryCollection c = read();

    assertThat(server.requests().subList(before, server.requests().size()))
        .containsExactly("timestamp.json");
    assertThat(c.list()).hasSize(4);
  }

  @Test
  void cachedRootVersion1_isRotatedThroughEveryVersionUpTo6() throws Exception {
    cache.write("root", FixtureServer.fixture("versions/1.root.json"));

    NotaryCollection c = read();

    assertThat(c.root().signed().version()).isEqualTo(6);
    assertThat(server.requests())
        .contains("2.root.json", "3.root.json", "4.root.json", "5.root.json");
    assertThat(cache.read("root"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(FixtureServer.fixture("root.json")));
  }

  @Test
  void rootRotationWithAMissingIntermediateVersion_isRefused() throws Exception {
    cache.write("root", FixtureServer.fixture("versions/1.root.json"));
    server.put("4.root.json", FixtureServer.fixture("versions/3.root.json"));

    assertThatThrownBy(this::read)
        .isInstanceOf(RollbackException.class)
        .hasMessageContaining("4.root.json");
    assertThat(cache.read("root"))
        .hasValueSatisfying(
            b -> assertThat(b).isEqualTo(FixtureServer.fixture("versions/1.root.json")));
  }

  @Test
  void flippedByteInTargets_isRefusedAsHashMismatch() throws Exception {
    byte[] original = FixtureServer.fixture("targets.json");
    String text = new String(original, StandardCharsets.UTF_8);
    byte[] evil =
        text.replaceFirst("\"length\":529", "\"length\":528").getBytes(StandardCharsets.UTF_8);
    server.replace(original, evil);

    assertThatThrownBy(this::read)
        .isInstanceOf(HashMismatchException.class)
        .hasMessageContaining("targets");
    assertThat(cache.read("targets")).isEmpty();
  }

  @Test
  void timestampWithItsSignatureRemoved_isRefusedForThreshold() throws Exception {
    byte[] original = FixtureServer.fixture("timestamp.json");
    String text = new String(original, StandardCharsets.UTF_8);
    byte[] evil =
        text.replaceFirst("\"signatures\":\\[.*\\]", "\"signatures\":[]")
            .getBytes(StandardCharsets.UTF_8);
    server.replace(original, evil);

    assertThatThrownBy(this::read)
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("timestamp");
  }

  @Test
  void expiredTimestamp_isRefused() {
    Clock late = Clock.fixed(Instant.parse("2026-12-13T00:00:00Z"), ZoneOffset.UTC);

    assertThatThrownBy(() -> reader(TrustPinning.tofu(), late).read(FixtureServer.GUN))
        .isInstanceOf(ExpiredMetadataException.class)
        .hasMessageContaining("timestamp");
  }

  @Test
  void rollbackOfTimestampVersion_isRefused() throws Exception {
    read();
    server.put("timestamp.json", FixtureServer.fixture("versions/11.timestamp.json"));

    assertThatThrownBy(this::read)
        .isInstanceOf(RollbackException.class)
        .hasMessageContaining("timestamp");
  }

  @Test
  void rootPinnedToItsCertificate_isAccepted() throws Exception {
    String id = rootCertId();
    TrustPinning pin =
        new TrustPinning(Map.of(FixtureServer.GUN.name(), List.of(id)), Map.of(), true);

    assertThat(reader(pin, CLOCK).read(FixtureServer.GUN).root().signed().version()).isEqualTo(6);
  }

  @Test
  void rootPinnedByWildcardPrefix_isAccepted() throws Exception {
    TrustPinning pin =
        new TrustPinning(
            Map.of("localhost:5000/linuxkit/*", List.of(rootCertId())), Map.of(), true);

    assertThat(reader(pin, CLOCK).read(FixtureServer.GUN).root().signed().version()).isEqualTo(6);
  }

  @Test
  void rootPinnedToAnotherCertificate_isRefused() throws Exception {
    TrustPinning pin =
        new TrustPinning(
            Map.of(FixtureServer.GUN.name(), List.of("00".repeat(32))), Map.of(), true);

    assertThatThrownBy(() -> reader(pin, CLOCK).read(FixtureServer.GUN))
        .isInstanceOf(TrustPinningException.class)
        .hasMessageContaining("unable to match any certificates to trust_pinning config");
    assertThat(cache.read("root")).isEmpty();
  }

  @Test
  void tofuDisabledWithoutPin_isRefused() {
    TrustPinning pin = new TrustPinning(Map.of(), Map.of(), true);

    assertThatThrownBy(() -> reader(pin, CLOCK).read(FixtureServer.GUN))
        .isInstanceOf(TrustPinningException.class)
        .hasMessageContaining("TOFU is disabled");
  }

  @Test
  void collectionServedUnderAnotherGun_isRefusedByCommonNameCheck() {
    Gun other = new Gun("localhost:5000/linuxkit/alpine");
    NotaryLayout layout = new NotaryLayout(FixtureServer.URL);
    NotaryReader r =
        new NotaryReader(
            new NotaryRemote(
                layout,
                (uri, max) ->
                    server.fetch(
                        java.net.URI.create(
                            uri.toString().replace(other.name(), FixtureServer.GUN.name())),
                        max)),
            TrustPinning.tofu(),
            CLOCK,
            gun -> cache);

    assertThatThrownBy(() -> r.read(other))
        .isInstanceOf(TrustPinningException.class)
        .hasMessageContaining("no valid leaf certificates");
  }

  @Test
  void unknownGun_saysItHasNoTrustData() {
    server.put("root.json", null);

    assertThatThrownBy(this::read)
        .isInstanceOf(NoTrustDataException.class)
        .hasMessageContaining("does not have trust data");
  }

  private static String rootCertId() throws Exception {
    var root =
        dev.bulwark.trust.core.model.Metadata.parseRoot(
            dev.bulwark.trust.core.model.Dialect.NOTARY, FixtureServer.fixture("root.json"));
    String id = root.signed().role(RoleType.ROOT).keyIds().getFirst();
    assertThat(id).startsWith(ROOT_V6_CERT_ID);
    return id;
  }
}
