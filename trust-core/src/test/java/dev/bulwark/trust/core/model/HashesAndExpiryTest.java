package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hash, length and expiry checks (TUF 5.4.4, 5.5.2, 5.6.2, 5.7.3). */
class HashesAndExpiryTest {
  private static final byte[] DATA = {10, 20, 30};

  @Test
  void sha256Only_sha512Only_and_both_verify() {
    Hashes all = Hashes.of(DATA);
    String s256 = all.hex().get("sha256");
    String s512 = all.hex().get("sha512");
    for (Map<String, String> m :
        List.of(Map.of("sha256", s256), Map.of("sha512", s512), all.hex())) {
      assertThatCode(() -> new Hashes(m).verify(DATA, "f")).doesNotThrowAnyException();
    }
  }

  @Test
  void unknownAlgorithmOnly_isRefused() {
    Hashes h = new Hashes(Map.of("md5", "00"));
    assertThatThrownBy(() -> h.verify(DATA, "file.txt"))
        .isInstanceOf(HashMismatchException.class)
        .hasMessageContaining("supported");
  }

  @Test
  void oneMismatchingAlgorithm_isRefusedEvenIfAnotherMatches() {
    Hashes h = new Hashes(Map.of("sha256", Digests.sha256Hex(DATA), "sha512", "00".repeat(64)));
    assertThatThrownBy(() -> h.verify(DATA, "file.txt"))
        .isInstanceOf(HashMismatchException.class)
        .hasMessageContaining("sha512");
  }

  @Test
  void targetWithWrongLength_isRefused() {
    TargetFile t = TargetFile.of(DATA, Optional.empty());
    assertThatThrownBy(() -> t.verify(new byte[] {10, 20, 30, 40}, "a"))
        .isInstanceOf(LengthMismatchException.class);
    assertThatThrownBy(() -> t.verify(new byte[] {10, 20, 31}, "a"))
        .isInstanceOf(HashMismatchException.class);
  }

  @Test
  void metaFileWithoutLengthOrHashes_acceptsAnyBytes() throws TrustException {
    MetaFile.ofVersion(3).verify(DATA, "snapshot");
    assertThatThrownBy(() -> MetaFile.of(3, DATA).verify(new byte[] {1}, "snapshot"))
        .isInstanceOf(LengthMismatchException.class);
  }

  @Test
  void hashesEncodeHexInTufAndBase64InNotary() {
    Hashes h = Hashes.sha256(DATA);
    byte[] raw = Digests.sha256(DATA);
    assertThat(h.toJson(Dialect.TUF).get("sha256").orElseThrow())
        .isEqualTo(dev.bulwark.trust.core.json.JsonValue.of(HexFormat.of().formatHex(raw)));
    assertThat(h.toJson(Dialect.NOTARY).get("sha256").orElseThrow())
        .isEqualTo(
            dev.bulwark.trust.core.json.JsonValue.of(
                java.util.Base64.getEncoder().encodeToString(raw)));
  }

  @Test
  void expiry_isInclusive() throws TrustException {
    Instant exp = Fixtures.EXPIRES;
    Metadata<Timestamp> md = Metadata.sign(Dialect.TUF, Fixtures.timestamp(1), List.of());
    md.checkNotExpired("timestamp", exp.minusSeconds(1));
    assertThatThrownBy(() -> md.checkNotExpired("timestamp", exp))
        .isInstanceOf(ExpiredMetadataException.class)
        .hasMessageContaining("timestamp version 1 expired at " + exp);
  }

  @ParameterizedTest
  @CsvSource({
    "2036-11-25T20:57:54.843308411Z, 2036-11-25T20:57:54.843308411Z",
    "2036-11-25T20:57:54.843308410Z, 2036-11-25T20:57:54.84330841Z",
    "2036-11-25T20:57:54.500Z, 2036-11-25T20:57:54.5Z",
    "2036-11-25T20:57:54Z, 2036-11-25T20:57:54Z",
  })
  void notaryExpiresFormat_isGoRfc3339Nano(String instant, String expected) {
    assertThat(Dialect.NOTARY.formatExpires(Instant.parse(instant))).isEqualTo(expected);
  }

  @Test
  void tufExpiresFormat_isWholeSeconds() {
    assertThat(Dialect.TUF.formatExpires(Instant.parse("2030-01-01T00:00:00.999Z")))
        .isEqualTo("2030-01-01T00:00:00Z");
  }

  @Test
  void nonUtcExpires_isMalformed() {
    assertThatThrownBy(() -> Dialect.TUF.parseExpires("2030-01-01T00:00:00+01:00", "expires"))
        .isInstanceOf(MalformedMetadataException.class);
  }

  @Test
  void notaryTimestampWithoutVersionInMeta_parses() {
    MetaFile m = new MetaFile(OptionalLong.empty(), OptionalLong.of(3), Hashes.of(DATA));
    assertThat(m.toJson(Dialect.NOTARY).has("version")).isFalse();
  }
}
