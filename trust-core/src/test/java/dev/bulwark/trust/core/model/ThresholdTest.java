package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Threshold counting: distinct keys only, unknown or bad signatures ignored (TUF 5.4.2 etc.). */
class ThresholdTest {
  private static final Dialect T = Dialect.TUF;

  private static SigningKey k(int i) {
    return TestKeys.key(T, KeyAlgorithm.ED25519, i);
  }

  @Test
  void twoOfThree_metByAnyTwo() throws TrustException {
    Root root = Fixtures.root(1, List.of(k(0), k(1), k(2)), 2);
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(0), k(2)));
    assertThat(root.verify(RoleType.TARGETS, md))
        .containsExactlyInAnyOrder(k(0).keyId(), k(2).keyId());
  }

  @Test
  void twoOfThree_oneSignature_isRefused() throws TrustException {
    Root root = Fixtures.root(1, List.of(k(0), k(1), k(2)), 2);
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(1)));
    assertThatThrownBy(() -> root.verify(RoleType.TARGETS, md))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("at least 2")
        .hasMessageContaining("found 1");
  }

  @Test
  void repeatedSignatureKeyId_isRefusedInTuf() throws TrustException {
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(0)));
    Metadata<Targets> doubled =
        md.withSignatures(List.of(md.signatures().getFirst(), md.signatures().getFirst()));
    assertThatThrownBy(() -> Metadata.parseTargets(T, doubled.rawBytes()))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("more than once");
  }

  @Test
  void repeatedSignatureKeyId_countsOnceInNotary() throws TrustException {
    Dialect n = Dialect.NOTARY;
    SigningKey a = TestKeys.key(n, KeyAlgorithm.ECDSA_P256, 0);
    SigningKey b = TestKeys.key(n, KeyAlgorithm.ECDSA_P256, 1);
    Root root = Fixtures.root(1, List.of(a, b), 2);
    Metadata<Targets> md = Metadata.sign(n, Fixtures.targets(1), List.of(a));
    Signature s = md.signatures().getFirst();
    Metadata<Targets> doubled =
        Metadata.parseTargets(n, md.withSignatures(List.of(s, s, s)).rawBytes());
    assertThatThrownBy(() -> root.verify(RoleType.TARGETS, doubled))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("found 1");
  }

  @Test
  void sameKeyListedUnderManyIds_countsOnce() throws TrustException {
    // test_duplicate_keys: the same key cannot be listed under other IDs, because IDs are computed.
    SigningKey key = k(0);
    Map<String, Key> keys = new java.util.LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String fakeId = "%064x".formatted(i);
      keys.put(fakeId, key.key());
      ids.add(fakeId);
    }
    ids.add(key.keyId());
    keys.put(key.keyId(), key.key());
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(key));
    List<Signature> sigs = new ArrayList<>();
    for (String id : ids) {
      sigs.add(new Signature(id, md.signatures().getFirst().sig(), java.util.Optional.empty()));
    }
    Metadata<Targets> many = md.withSignatures(sigs);
    assertThatThrownBy(() -> many.verify("targets", new Role(ids, 3), keys))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("found 1")
        .hasMessageContaining("computes to key ID");
  }

  @Test
  void duplicateKeyIdInRoleKeyids_isMalformed() throws TrustException {
    Root root = Fixtures.root(1, List.of(k(0)), 1);
    JsonObject json = root.toJson(T);
    JsonObject roles = (JsonObject) json.members().get("roles");
    JsonObject dupRole =
        JsonObject.builder()
            .put("keyids", JsonArray.ofStrings(List.of(k(0).keyId(), k(0).keyId())))
            .put("threshold", 1)
            .build();
    JsonObject bad =
        json.toBuilder().put("roles", roles.toBuilder().put("targets", dupRole).build()).build();
    byte[] file = envelope(bad, List.of());
    assertThatThrownBy(() -> Metadata.parseRoot(T, file))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("roles.targets.keyids")
        .hasMessageContaining("duplicate");
  }

  @Test
  void invalidSignatureAmongValidOnes_isIgnored() throws TrustException {
    Root root = Fixtures.root(1, List.of(k(0), k(1), k(2)), 2);
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(0), k(1)));
    List<Signature> sigs = new ArrayList<>(md.signatures());
    sigs.add(new Signature(k(2).keyId(), "", java.util.Optional.empty())); // empty sig (sigstore)
    sigs.add(new Signature("ab".repeat(32), "00", java.util.Optional.empty())); // unknown key
    assertThat(root.verify(RoleType.TARGETS, md.withSignatures(sigs))).hasSize(2);
  }

  @Test
  void signatureByKeyOutsideTheRole_doesNotCount() throws TrustException {
    Root root = Fixtures.root(1, List.of(k(0)), 1);
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(1)));
    assertThatThrownBy(() -> root.verify(RoleType.TARGETS, md))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("not a key of this role");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unsupportedKeyType_parsesButNeverVerifies(Dialect d) throws TrustException {
    JsonObject keyval = JsonObject.builder().put("public", "abcd").build();
    JsonObject.Builder kb = JsonObject.builder().put("keytype", "sphincs").put("keyval", keyval);
    if (d == Dialect.TUF) {
      kb.put("scheme", "sphincs-shake");
    }
    Key key = Key.parse(d, kb.build(), "keys.x");
    assertThat(key.unusableReason()).isPresent();
    assertThat(key.publicKey()).isEmpty();
  }

  @Test
  void tufKeyId_hashesExtraFields() throws TrustException {
    JsonObject base = k(0).key().json();
    JsonObject extra =
        base.toBuilder()
            .put("keyid_hash_algorithms", JsonArray.ofStrings(List.of("sha256", "sha512")))
            .build();
    Key withExtra = Key.parse(T, extra, "k");
    assertThat(withExtra.id()).isNotEqualTo(k(0).keyId());
    assertThat(withExtra.id())
        .isEqualTo(dev.bulwark.trust.core.crypto.Digests.sha256Hex(CanonicalJson.encode(extra)));
  }

  @Test
  void notaryKeyId_ignoresExtraFieldsAndMemberOrder() throws TrustException {
    Dialect n = Dialect.NOTARY;
    // timestamp.key.json in the fixtures lists "public" before "private".
    Key fixture =
        Key.parse(n, JsonReader.parseObject(NotaryFixtures.read("timestamp.key.json")), "k");
    assertThat(fixture.id())
        .isEqualTo("a8e274a92d88e20fa26cb47eba7a438f2a41bcd2536284b031411a711d217d68");
    JsonObject withExtra = fixture.json().toBuilder().put("note", "x").build();
    assertThat(Key.parse(n, withExtra, "k").id()).isEqualTo(fixture.id());
  }

  static byte[] envelope(JsonObject signed, List<Signature> sigs) {
    List<JsonValue> s = new ArrayList<>();
    sigs.forEach(x -> s.add(x.toJson()));
    return CanonicalJson.encode(
        JsonObject.builder().put("signed", signed).put("signatures", new JsonArray(s)).build());
  }
}
