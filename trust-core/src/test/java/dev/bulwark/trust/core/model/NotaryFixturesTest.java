package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real Notary v1 busybox collection verifies end to end; tampering fails specifically. */
class NotaryFixturesTest {
  private static final Dialect N = Dialect.NOTARY;

  /** Fixtures were produced 2026-11-28; timestamp expires 2026-12-12. */
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  private static Metadata<Root> root(int v) throws TrustException {
    return Metadata.parseRoot(N, NotaryFixtures.read("versions/" + v + ".root.json"));
  }

  @Test
  void rootChain_1to6_eachSignedByPreviousAndItself() throws TrustException {
    Metadata<Root> trusted = root(1);
    trusted.signed().verify(RoleType.ROOT, trusted);
    for (int v = 2; v <= 6; v++) {
      Metadata<Root> next = root(v);
      trusted.signed().verify(RoleType.ROOT, next); // TUF 5.3.4: old threshold
      next.signed().verify(RoleType.ROOT, next); // and its own
      assertThat(next.signed().version()).isEqualTo(trusted.signed().version() + 1);
      next.checkNotExpired("root", NOW);
      trusted = next;
    }
    assertThat(trusted.rawBytes()).isEqualTo(NotaryFixtures.read("root.json"));
  }

  @Test
  void topLevelAndDelegatedRoles_verifyAndHashesChain() throws TrustException {
    Root root = Metadata.parseRoot(N, NotaryFixtures.read("root.json")).signed();
    Metadata<Timestamp> ts = Metadata.parseTimestamp(N, NotaryFixtures.read("timestamp.json"));
    root.verify(RoleType.TIMESTAMP, ts);
    ts.checkNotExpired("timestamp", NOW);
    Metadata<Snapshot> snap = Metadata.parseSnapshot(N, NotaryFixtures.read("snapshot.json"));
    snap.checkAgainst(ts.signed().snapshotMeta(), "snapshot");
    root.verify(RoleType.SNAPSHOT, snap);
    Metadata<Targets> targets = Metadata.parseTargets(N, NotaryFixtures.read("targets.json"));
    targets.checkAgainst(snap.signed().metaFor("targets").orElseThrow(), "targets");
    root.verify(RoleType.TARGETS, targets);
    Metadata<Targets> releases =
        Metadata.parseTargets(N, NotaryFixtures.read("targets/releases.json"));
    releases.checkAgainst(snap.signed().metaFor("targets/releases").orElseThrow(), "releases");
    assertThat(targets.signed().verifyDelegate("targets/releases", releases)).hasSize(2);
    assertThat(releases.signed().targets()).containsKey("1.37");
    assertThat(targets.signed().targets().get("1.36").custom()).isPresent();
  }

  @Test
  void keyIds_followNotaryRule_andX509KeysHaveCanonicalIds() throws TrustException {
    Root root = Metadata.parseRoot(N, NotaryFixtures.read("root.json")).signed();
    root.keys().forEach((listed, key) -> assertThat(key.id()).isEqualTo(listed));
    Metadata<Targets> targets = Metadata.parseTargets(N, NotaryFixtures.read("targets.json"));
    Delegations d = targets.signed().delegations().orElseThrow();
    Key cert =
        d.keys()
            .get(
                "3634653b"
                    + d.keys().keySet().stream()
                        .filter(k -> k.startsWith("3634653b"))
                        .findFirst()
                        .orElseThrow()
                        .substring(8));
    assertThat(cert.keyType()).isEqualTo("ecdsa-x509");
    assertThat(cert.certificates()).isNotEmpty();
    assertThat(cert.canonicalId()).startsWith("aa209d09");
  }

  @Test
  void signedObject_isCanonicalAsServed() throws TrustException {
    byte[] raw = NotaryFixtures.read("targets.json");
    Metadata<Targets> md = Metadata.parseTargets(N, raw);
    String file = new String(raw, StandardCharsets.UTF_8);
    String canonical = new String(md.canonicalSigned(), StandardCharsets.UTF_8);
    assertThat(file).startsWith("{\"signed\":" + canonical + ",\"signatures\":");
  }

  @Test
  void reSerialisingTheModel_reproducesTheSignedBytes() throws TrustException {
    for (String f : List.of("root.json", "targets.json", "snapshot.json", "timestamp.json")) {
      byte[] raw = NotaryFixtures.read(f);
      Metadata<? extends Signed> md = parseAny(f, raw);
      assertThat(CanonicalJson.encodeToString(md.signed().toJson(N)))
          .as(f)
          .isEqualTo(new String(md.canonicalSigned(), StandardCharsets.UTF_8));
    }
  }

  private static Metadata<? extends Signed> parseAny(String f, byte[] raw) throws TrustException {
    return switch (f) {
      case "root.json" -> Metadata.parseRoot(N, raw);
      case "timestamp.json" -> Metadata.parseTimestamp(N, raw);
      case "snapshot.json" -> Metadata.parseSnapshot(N, raw);
      default -> Metadata.parseTargets(N, raw);
    };
  }

  @Test
  void flippedByteInSignedContent_failsThreshold() throws TrustException {
    String s = new String(NotaryFixtures.read("targets.json"), StandardCharsets.UTF_8);
    byte[] tampered =
        s.replace("\"length\":529", "\"length\":530").getBytes(StandardCharsets.UTF_8);
    Root root = Metadata.parseRoot(N, NotaryFixtures.read("root.json")).signed();
    Metadata<Targets> md = Metadata.parseTargets(N, tampered);
    assertThatThrownBy(() -> root.verify(RoleType.TARGETS, md))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("targets");
  }

  @Test
  void flippedByteInFile_failsHashCheckAgainstSnapshot() throws TrustException {
    Metadata<Snapshot> snap = Metadata.parseSnapshot(N, NotaryFixtures.read("snapshot.json"));
    byte[] raw = NotaryFixtures.read("targets.json");
    int i = new String(raw, StandardCharsets.UTF_8).lastIndexOf("\"sig\":\"") + 8;
    raw[i] = (byte) (raw[i] == 'A' ? 'B' : 'A'); // one base64 character of the signature
    Metadata<Targets> md = Metadata.parseTargets(N, raw);
    assertThatThrownBy(() -> md.checkAgainst(snap.signed().metaFor("targets").orElseThrow(), "t"))
        .isInstanceOf(HashMismatchException.class);
  }

  @Test
  void removedSignature_failsThreshold() throws TrustException {
    Metadata<Timestamp> ts = Metadata.parseTimestamp(N, NotaryFixtures.read("timestamp.json"));
    Root root = Metadata.parseRoot(N, NotaryFixtures.read("root.json")).signed();
    Metadata<Timestamp> unsigned = ts.withSignatures(List.of());
    assertThatThrownBy(() -> root.verify(RoleType.TIMESTAMP, unsigned))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("found 0");
  }

  @Test
  void expiredTimestamp_isRefused() throws TrustException {
    Metadata<Timestamp> ts = Metadata.parseTimestamp(N, NotaryFixtures.read("timestamp.json"));
    assertThatThrownBy(() -> ts.checkNotExpired("timestamp", Instant.parse("2026-12-13T00:00:00Z")))
        .isInstanceOf(ExpiredMetadataException.class)
        .hasMessageContaining("2026-12-12");
  }

  @Test
  void rootFromPreviousVersion_doesNotSignNewTimestampKey() throws TrustException {
    Root v1 = root(1).signed();
    Metadata<Timestamp> ts = Metadata.parseTimestamp(N, NotaryFixtures.read("timestamp.json"));
    assertThatThrownBy(() -> v1.verify(RoleType.TIMESTAMP, ts))
        .isInstanceOf(ThresholdNotMetException.class);
  }

  @Test
  void tufDialect_refusesNotaryFile() {
    assertThatThrownBy(() -> Metadata.parseRoot(Dialect.TUF, NotaryFixtures.read("root.json")))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("_type");
  }

  @Test
  void everyFixtureParsesAsStrictJson() throws TrustException {
    for (String f :
        List.of(
            "root.json",
            "targets.json",
            "snapshot.json",
            "timestamp.json",
            "targets/releases.json",
            "timestamp.key.json",
            "snapshot.key.json")) {
      assertThat(JsonReader.parse(NotaryFixtures.read(f))).isNotNull();
    }
  }
}
