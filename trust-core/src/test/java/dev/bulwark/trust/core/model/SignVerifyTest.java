package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.SignatureAlgorithm;
import dev.bulwark.trust.core.error.BadSignatureException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key type signs and verifies in both dialects, through the serialised bytes. */
class SignVerifyTest {

  static Stream<Arguments> dialectsAndKeys() {
    return Stream.of(Dialect.values())
        .flatMap(d -> Stream.of(KeyAlgorithm.values()).map(k -> Arguments.of(d, k)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialectsAndKeys")
  void signedBytes_parseAndVerify(Dialect d, KeyAlgorithm alg) throws TrustException {
    SigningKey key = TestKeys.key(d, alg, 0);
    Root root = Fixtures.root(1, List.of(key), 1);
    Metadata<Targets> md = Metadata.sign(d, Fixtures.targets(3), List.of(key));

    Metadata<Targets> parsed = Metadata.parseTargets(d, md.rawBytes());
    assertThat(root.verify(RoleType.TARGETS, parsed)).containsExactly(key.keyId());
    assertThat(parsed.signed().toJson(d)).isEqualTo(md.signed().toJson(d));
    assertThat(parsed.rawBytes()).isEqualTo(md.rawBytes());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialectsAndKeys")
  void signatureEncoding_followsDialect(Dialect d, KeyAlgorithm alg) {
    SigningKey key = TestKeys.key(d, alg, 0);
    Signature sig = key.sign(new byte[] {1, 2, 3});
    byte[] raw =
        d == Dialect.TUF
            ? HexFormat.of().parseHex(sig.sig())
            : Base64.getDecoder().decode(sig.sig());
    if (alg == KeyAlgorithm.ECDSA_P256) {
      // TUF: ASN.1 DER SEQUENCE; Notary: raw r||s, exactly 64 bytes.
      if (d == Dialect.TUF) {
        assertThat(raw[0]).isEqualTo((byte) 0x30);
      } else {
        assertThat(raw).hasSize(64);
      }
    }
    assertThat(sig.method().isPresent()).isEqualTo(d == Dialect.NOTARY);
    assertThat(key.toString()).doesNotContain("PRIVATE");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialectsAndKeys")
  void tamperedSignedContent_doesNotVerify(Dialect d, KeyAlgorithm alg) throws TrustException {
    SigningKey key = TestKeys.key(d, alg, 0);
    Root root = Fixtures.root(1, List.of(key), 1);
    Metadata<Targets> good = Metadata.sign(d, Fixtures.targets(3), List.of(key));
    Metadata<Targets> other =
        Metadata.sign(d, Fixtures.targets(4), List.of()).withSignatures(good.signatures());
    assertThatThrownBy(() -> root.verify(RoleType.TARGETS, other))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("does not verify");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialectsAndKeys")
  void signatureFromAnotherKeyWithSameId_isRefused(Dialect d, KeyAlgorithm alg)
      throws TrustException {
    SigningKey listed = TestKeys.key(d, alg, 0);
    SigningKey attacker = TestKeys.key(d, alg, 1);
    Signature forged =
        attacker.sign(Metadata.sign(d, Fixtures.targets(1), List.of()).canonicalSigned());
    Signature relabelled = new Signature(listed.keyId(), forged.sig(), forged.method());
    Metadata<Targets> md =
        Metadata.sign(d, Fixtures.targets(1), List.of()).withSignatures(List.of(relabelled));
    assertThatThrownBy(() -> listed.key().verify(md.canonicalSigned(), relabelled))
        .isInstanceOf(BadSignatureException.class);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialectsAndKeys")
  void keyJson_roundTripsToSameKeyAndId(Dialect d, KeyAlgorithm alg) throws TrustException {
    SigningKey key = TestKeys.key(d, alg, 0);
    JsonObject json = key.key().json();
    Key again = Key.parse(d, json, "k");
    assertThat(again.id()).isEqualTo(key.keyId());
    assertThat(again.publicKey()).contains(key.key().publicKey().orElseThrow());
    assertThat(again.unusableReason()).isEmpty();
    JsonFields f = JsonFields.of(json, "");
    assertThat(f.has("scheme")).isEqualTo(d == Dialect.TUF);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialectsAndKeys")
  void signingAlgorithm_isTheDialectsOne(Dialect d, KeyAlgorithm alg) {
    SignatureAlgorithm expected =
        switch (alg) {
          case ED25519 -> SignatureAlgorithm.ED25519;
          case ECDSA_P256 ->
              d == Dialect.TUF
                  ? SignatureAlgorithm.ECDSA_P256_SHA256_DER
                  : SignatureAlgorithm.ECDSA_P256_SHA256_RAW;
          case RSA -> SignatureAlgorithm.RSASSA_PSS_SHA256;
        };
    assertThat(TestKeys.key(d, alg, 0).algorithm()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dialectsAndKeys")
  void fileIsSignedFirstInCanonicalForm(Dialect d, KeyAlgorithm alg) throws TrustException {
    SigningKey key = TestKeys.key(d, alg, 0);
    Metadata<Targets> md = Metadata.sign(d, Fixtures.targets(1), List.of(key));
    String file = new String(md.rawBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(file)
        .startsWith(
            "{\"signed\":"
                + new String(md.canonicalSigned(), java.nio.charset.StandardCharsets.UTF_8)
                + ",\"signatures\":[");
    assertThat(JsonReader.parseObject(md.rawBytes()).has("signed")).isTrue();
  }
}
