package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TUF §4: unknown fields are covered by signatures and survive re-serialisation. */
class UnknownFieldsTest {
  private static final Dialect T = Dialect.TUF;

  private static final String SIGNED =
      """
      {"_type":"targets","spec_version":"1.0.31","version":2,"expires":"2030-01-01T00:00:00Z",
       "x-top":{"nested":[1,"two"]},
       "targets":{"file.txt":{"length":3,"hashes":{"sha256":"%s"},"x-target":true,
                  "custom":{"b":1,"a":2}}},
       "delegations":{"keys":{},"roles":[{"name":"r","keyids":[],"threshold":1,"terminating":false,
                  "paths":["*.txt"],"x-role":1}]}}
      """;

  @Test
  void customFields_areSignedKeptAndWrittenBack() throws TrustException {
    SigningKey key = TestKeys.key(T, KeyAlgorithm.ECDSA_P256, 0);
    String sha = dev.bulwark.trust.core.crypto.Digests.sha256Hex(new byte[] {1, 2, 3});
    JsonObject signed =
        dev.bulwark.trust.core.json.JsonReader.parseObject(
            SIGNED.formatted(sha).getBytes(StandardCharsets.UTF_8));
    Signature sig = key.sign(CanonicalJson.encode(signed));
    byte[] file = ThresholdTest.envelope(signed, List.of(sig));

    Metadata<Targets> md = Metadata.parseTargets(T, file);
    Fixtures.root(1, List.of(key), 1).verify(RoleType.TARGETS, md);
    assertThat(md.signedJson()).isEqualTo(signed);
    assertThat(md.signed().unrecognized().members()).containsOnlyKeys("x-top");
    assertThat(md.signed().targets().get("file.txt").unrecognized().members())
        .containsOnlyKeys("x-target");
    assertThat(md.signed().targets().get("file.txt").custom()).isPresent();
    assertThat(md.rawBytes()).isEqualTo(file);

    // Re-serialising the model keeps top-level and target-level unknown fields.
    JsonObject again = md.signed().toJson(T);
    assertThat(again.members()).containsKey("x-top");
    assertThat(CanonicalJson.encodeToString(again)).contains("\"x-target\":true");
  }
}
