package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.error.JsonSyntaxException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.WrongTypeException;
import dev.bulwark.trust.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape errors name the field path; wrong types are their own exception (TUF 4.2.1). */
class MalformedMetadataTest {
  private static final Dialect T = Dialect.TUF;

  private static byte[] targetsWith(String name, dev.bulwark.trust.core.json.JsonValue value) {
    JsonObject signed = Fixtures.targets(1).toJson(T).toBuilder().put(name, value).build();
    return ThresholdTest.envelope(signed, List.of());
  }

  @Test
  void timestampServedAsSnapshot_isWrongType() throws TrustException {
    byte[] ts = Metadata.sign(T, Fixtures.timestamp(1), List.of()).rawBytes();
    assertThatThrownBy(() -> Metadata.parseSnapshot(T, ts))
        .isInstanceOf(WrongTypeException.class)
        .hasMessageContaining("expected \"snapshot\", found \"timestamp\"");
  }

  @Test
  void notaryCapitalisedTypeInTufDialect_isWrongType() {
    byte[] f = targetsWith("_type", dev.bulwark.trust.core.json.JsonValue.of("Targets"));
    assertThatThrownBy(() -> Metadata.parseTargets(T, f)).isInstanceOf(WrongTypeException.class);
  }

  @Test
  void unsupportedSpecVersion_isRefused() {
    byte[] f = targetsWith("spec_version", dev.bulwark.trust.core.json.JsonValue.of("2.0.0"));
    assertThatThrownBy(() -> Metadata.parseTargets(T, f))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("spec_version");
  }

  @Test
  void legacySpecVersion_isAccepted() throws TrustException {
    byte[] f = targetsWith("spec_version", dev.bulwark.trust.core.json.JsonValue.of("1.0"));
    assertThat(Metadata.parseTargets(T, f).signed().specVersion()).contains("1.0");
  }

  @Test
  void versionZero_isRefused() {
    byte[] f = targetsWith("version", dev.bulwark.trust.core.json.JsonValue.of(0));
    assertThatThrownBy(() -> Metadata.parseTargets(T, f))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("version");
  }

  @Test
  void versionAsString_namesTheField() {
    byte[] f = targetsWith("version", dev.bulwark.trust.core.json.JsonValue.of("1"));
    assertThatThrownBy(() -> Metadata.parseTargets(T, f))
        .hasMessageContaining("signed.version: expected an integer, found string");
  }

  @Test
  void missingSignatures_isMalformed() {
    byte[] f = "{\"signed\":{}}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Metadata.parseTargets(T, f))
        .isInstanceOf(MalformedMetadataException.class);
  }

  @Test
  void floatInSignedData_isRefused() {
    String json =
        new String(
                targetsWith("x", dev.bulwark.trust.core.json.JsonValue.of(1)),
                StandardCharsets.UTF_8)
            .replace("\"x\":1", "\"x\":1.5");
    assertThatThrownBy(() -> Metadata.parseTargets(T, json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void timestampWithoutSnapshotMeta_namesTheMetaKey() {
    JsonObject signed =
        Fixtures.timestamp(1).toJson(T).toBuilder().put("meta", JsonObject.EMPTY).build();
    assertThatThrownBy(() -> Metadata.parseTimestamp(T, ThresholdTest.envelope(signed, List.of())))
        .hasMessageContaining("signed.meta.snapshot.json: required field missing");
  }
}
