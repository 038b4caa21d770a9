package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.JsonSyntaxException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.WrongTypeException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonNumber;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metadata an attacker controls (a compromised mirror, or a compromised key of one role trying to
 * reach further): each test is one hostile input and what the parser or verifier must do with it.
 */
class HostileMetadataTest {
  private static final Dialect T = Dialect.TUF;

  private static SigningKey k(int i) {
    return TestKeys.key(T, KeyAlgorithm.ED25519, i);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] unsigned(JsonObject signed) {
    return ThresholdTest.envelope(signed, List.of());
  }

  private static JsonObject rootJson() {
    return Fixtures.root(1, List.of(k(0)), 1).toJson(T);
  }

  private static JsonObject targetsWithDelegation(JsonObject role) {
    JsonObject delegations =
        JsonObject.builder()
            .put("keys", JsonObject.EMPTY)
            .put("roles", new JsonArray(List.of(role)))
            .build();
    return Fixtures.targets(1).toJson(T).toBuilder().put("delegations", delegations).build();
  }

  private static JsonObject delegatedRole(String name) {
    return new DelegatedRole(
            name, List.of(k(1).keyId()), 1, false, Optional.of(List.of("*")), Optional.empty())
        .toJson(T);
  }

  // ---- thresholds and keys ----------------------------------------------------------------

  @Test
  void oneKeyUnderTwoValidKeyIds_countsOnceTowardsTheThreshold() throws TrustException {
    // An extra field changes the TUF key ID, so one key can be listed under two IDs that both
    // hash correctly; the threshold of 2 must still need two different keys.
    SigningKey key = k(0);
    JsonObject aliasJson = key.key().json().toBuilder().put("x-alias", "1").build();
    Key alias = Key.parse(T, aliasJson, "alias");
    assertThat(alias.id()).isNotEqualTo(key.keyId());
    Map<String, Key> keys = new LinkedHashMap<>();
    keys.put(key.keyId(), key.key());
    keys.put(alias.id(), alias);
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(key));
    Signature sig = md.signatures().getFirst();
    Metadata<Targets> twice =
        md.withSignatures(List.of(sig, new Signature(alias.id(), sig.sig(), Optional.empty())));
    Role role = new Role(List.of(key.keyId(), alias.id()), 2);
    assertThatThrownBy(() -> twice.verify("targets", role, keys))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("found 1")
        .hasMessageContaining("same public key");
  }

  @Test
  void oneKeyUnderTwoValidKeyIds_stillCountsOnceForAThresholdOfOne() throws TrustException {
    SigningKey key = k(0);
    Key alias = Key.parse(T, key.key().json().toBuilder().put("x", "1").build(), "alias");
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(key));
    Signature sig = md.signatures().getFirst();
    Metadata<Targets> twice =
        md.withSignatures(List.of(sig, new Signature(alias.id(), sig.sig(), Optional.empty())));
    Map<String, Key> keys = Map.of(key.keyId(), key.key(), alias.id(), alias);
    assertThat(twice.verify("targets", new Role(List.of(key.keyId(), alias.id()), 1), keys))
        .containsExactly(key.keyId());
  }

  @Test
  void signatureByAKeyOfAnotherRole_doesNotCount() throws TrustException {
    // Timestamp key k(1) signs a snapshot: the root lists it, but not for snapshot.
    Map<String, Key> keys = Map.of(k(0).keyId(), k(0).key(), k(1).keyId(), k(1).key());
    Map<String, Role> roles = new LinkedHashMap<>();
    roles.put("root", new Role(List.of(k(0).keyId()), 1));
    roles.put("timestamp", new Role(List.of(k(1).keyId()), 1));
    roles.put("snapshot", new Role(List.of(k(0).keyId()), 1));
    roles.put("targets", new Role(List.of(k(0).keyId()), 1));
    Root root =
        new Root(1, Fixtures.EXPIRES, Optional.empty(), true, keys, roles, JsonObject.EMPTY);
    Snapshot snap =
        new Snapshot(
            1,
            Fixtures.EXPIRES,
            Optional.empty(),
            Map.of("targets", MetaFile.ofVersion(1)),
            JsonObject.EMPTY);
    Metadata<Snapshot> md = Metadata.sign(T, snap, List.of(k(1)));
    assertThatThrownBy(() -> root.verify(RoleType.SNAPSHOT, md))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("not a key of this role");
  }

  @Test
  void keyIdNotMatchingKeyContent_doesNotCount() throws TrustException {
    // A root that lists k(1)'s key under k(0)'s ID: a signature by k(1) must not count for k(0).
    Map<String, Key> keys = Map.of(k(0).keyId(), k(1).key());
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(1)));
    Signature s = new Signature(k(0).keyId(), md.signatures().getFirst().sig(), Optional.empty());
    Metadata<Targets> relabelled = md.withSignatures(List.of(s));
    assertThatThrownBy(() -> relabelled.verify("targets", new Role(List.of(k(0).keyId()), 1), keys))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("computes to key ID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "9223372036854775808", "\"1\"", "true", "null"})
  void rootThresholdNotAPositiveInteger_isMalformed(String threshold) {
    String json =
        new String(unsigned(rootJson()), StandardCharsets.UTF_8)
            .replaceFirst("\"threshold\":1", "\"threshold\":" + threshold);
    assertThatThrownBy(() -> Metadata.parseRoot(T, utf8(json)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("threshold");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "18446744073709551617", "1e3", "\"2\""})
  void versionBeyondRangeOrOfWrongType_isRefused(String version) {
    String json =
        new String(unsigned(Fixtures.targets(1).toJson(T)), StandardCharsets.UTF_8)
            .replace("\"version\":1", "\"version\":" + version);
    assertThatThrownBy(() -> Metadata.parseTargets(T, utf8(json)))
        .isInstanceOf(MalformedMetadataException.class);
  }

  @Test
  void hugeIntegerLiteral_isRefusedByTheReader() {
    String digits = "9".repeat(5000);
    assertThatThrownBy(() -> JsonReader.parse(utf8("{\"version\":" + digits + "}")))
        .isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void rootFieldsOfWrongJsonType_areMalformedNotCrashes() {
    for (String field : List.of("keys", "roles", "consistent_snapshot", "expires", "_type")) {
      JsonObject bad = rootJson().toBuilder().put(field, new JsonArray(List.of())).build();
      assertThatThrownBy(() -> Metadata.parseRoot(T, unsigned(bad)))
          .as(field)
          .isInstanceOf(MalformedMetadataException.class)
          .hasMessageContaining(field);
    }
  }

  @Test
  void keyWithGarbagePublicValue_parsesButNeverVerifies() throws TrustException {
    JsonObject keyJson =
        JsonObject.builder()
            .put("keytype", "ed25519")
            .put("scheme", "ed25519")
            .put("keyval", JsonObject.builder().put("public", "zz-not-hex").build())
            .build();
    Key key = Key.parse(T, keyJson, "k");
    assertThat(key.unusableReason()).isPresent();
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(0)));
    Signature s = new Signature(key.id(), md.signatures().getFirst().sig(), Optional.empty());
    assertThatThrownBy(
            () ->
                md.withSignatures(List.of(s))
                    .verify("targets", new Role(List.of(key.id()), 1), Map.of(key.id(), key)))
        .isInstanceOf(ThresholdNotMetException.class);
  }

  @Test
  void signatureThatIsNotHex_isIgnoredNotACrash() throws TrustException {
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(0)));
    Signature bad = new Signature(k(0).keyId(), "not hex at all", Optional.empty());
    Root root = Fixtures.root(1, List.of(k(0)), 1);
    Metadata<Targets> parsed = Metadata.parseTargets(T, md.withSignatures(List.of(bad)).rawBytes());
    assertThatThrownBy(() -> root.verify(RoleType.TARGETS, parsed))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("not valid hex");
  }

  // ---- JSON ---------------------------------------------------------------------------------

  @Test
  void duplicateKeySpelledWithAnEscape_isRefused() {
    // "targets" with its first letter written as a JSON \\u escape is the same key once decoded;
    // neither spelling may silently win.
    String json = "{\"signed\":{\"targets\":{},\"\\u0074argets\":{}},\"signatures\":[]}";
    assertThatThrownBy(() -> JsonReader.parse(utf8(json)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("duplicate");
  }

  @Test
  void duplicateSignedMember_isRefused() {
    byte[] good = Metadata.sign(T, Fixtures.targets(1), List.of(k(0))).rawBytes();
    String json = new String(good, StandardCharsets.UTF_8);
    String signed = json.substring(json.indexOf("{\"_type\""), json.indexOf(",\"signatures\""));
    String twice =
        "{\"signed\":"
            + signed
            + ",\"signed\":"
            + signed
            + json.substring(json.indexOf(",\"signatures\""));
    assertThatThrownBy(() -> Metadata.parseTargets(T, utf8(twice)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("duplicate");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C328", // 2-byte lead, ASCII where a continuation byte belongs
        "FF", // never valid in UTF-8
        "EDA080", // an encoded surrogate (CESU-8)
        "C0AF", // overlong "/"
        "E08080", // overlong NUL
        "F4908080", // above U+10FFFF
        "E282" // truncated at the closing quote
      })
  void malformedUtf8InAString_isRefused(String hex) {
    // Decoding these to U+FFFD would give different bytes one canonical form and one signature.
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    byte[] doc = new byte[bad.length + 8];
    System.arraycopy(utf8("{\"a\":\""), 0, doc, 0, 6);
    System.arraycopy(bad, 0, doc, 6, bad.length);
    System.arraycopy(utf8("\"}"), 0, doc, 6 + bad.length, 2);
    assertThatThrownBy(() -> JsonReader.parse(doc))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("invalid UTF-8");
  }

  @Test
  void wellFormedMultiByteUtf8_isAccepted() throws TrustException {
    String text = "{\"\u00e9\u20ac\uD83D\uDE00\":\"\u07ff\uffff\uDBFF\uDFFF\"}";
    assertThat(JsonReader.parse(utf8(text))).isInstanceOf(JsonObject.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":\"x\ny\"}", // raw control character in a string
        "{\"a\":\"x\u0000y\"}",
        "{/*c*/\"a\":1}",
        "{'a':1}",
        "{\"a\":01}",
        "{\"a\":+1}",
        "{\"a\":NaN}",
        "{\"a\":1,}",
        "{\"a\":[1,]}",
        "{\"a\":\"\\x41\"}",
        "{\"a\":1}\u0000",
        "{\"a\":1} {}"
      })
  void nonStandardJson_isRefused(String json) {
    // Lenient parsing would accept documents that other TUF clients refuse.
    assertThatThrownBy(() -> JsonReader.parse(utf8(json))).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void escapedUnpairedSurrogateInATargetPath_isRefused() {
    String json = "{\"\\ud800x\":1}";
    assertThatThrownBy(() -> JsonReader.parse(utf8(json)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void nonBmpTargetPath_signsAndVerifiesOverTheSameCanonicalBytes() throws TrustException {
    // Canonical order is by code point: U+1F600 sorts after U+FFFD although its UTF-16 form
    // (a surrogate pair) sorts before it.
    Map<String, TargetFile> files = new LinkedHashMap<>();
    files.put("\uD83D\uDE00", TargetFile.of(new byte[] {1}, Optional.empty()));
    files.put("\uFFFD", TargetFile.of(new byte[] {2}, Optional.empty()));
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1, files), List.of(k(0)));
    Metadata<Targets> parsed = Metadata.parseTargets(T, md.rawBytes());
    String text = new String(parsed.canonicalSigned(), StandardCharsets.UTF_8);
    assertThat(text.indexOf("\uFFFD")).isLessThan(text.indexOf("\uD83D\uDE00"));
    Fixtures.root(1, List.of(k(0)), 1).verify(RoleType.TARGETS, parsed);
  }

  @Test
  void longTargetPath_parses() throws TrustException {
    String path = "a/".repeat(10_000) + "b";
    Metadata<Targets> md =
        Metadata.sign(
            T,
            Fixtures.targets(1, Map.of(path, TargetFile.of(new byte[] {1}, Optional.empty()))),
            List.of(k(0)));
    assertThat(Metadata.parseTargets(T, md.rawBytes()).signed().targets()).containsKey(path);
  }

  @Test
  void targetPathBeyondTheNameLimit_isRefusedCleanly() {
    String path = "a".repeat(200_000);
    byte[] md =
        Metadata.sign(
                T,
                Fixtures.targets(1, Map.of(path, TargetFile.of(new byte[] {1}, Optional.empty()))),
                List.of(k(0)))
            .rawBytes();
    assertThatThrownBy(() -> Metadata.parseTargets(T, md))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("length");
  }

  // ---- type confusion and header fields ------------------------------------------------------

  @Test
  void rootServedAsTargets_isWrongType() {
    byte[] root = Metadata.sign(T, Fixtures.root(1, List.of(k(0)), 1), List.of(k(0))).rawBytes();
    assertThatThrownBy(() -> Metadata.parseTargets(T, root)).isInstanceOf(WrongTypeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.9", "2", "10.0", "", "x1.0"})
  void specVersionOfAnotherMajor_isRefused(String spec) {
    JsonObject bad = Fixtures.targets(1).toJson(T).toBuilder().put("spec_version", spec).build();
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(bad)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("spec_version");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2030-01-01T00:00:00+01:00",
        "2030-01-01T00:00:00",
        "2030-01-01",
        "2030-13-01T00:00:00Z",
        "2030-02-30T00:00:00Z",
        "2030-01-01T24:00:01Z",
        "1 Jan 2030 00:00:00 Z",
        "2030-01-01T00:00:00z"
      })
  void expiresInAnOddFormatOrZone_isMalformed(String expires) {
    JsonObject bad = Fixtures.targets(1).toJson(T).toBuilder().put("expires", expires).build();
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(bad)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("expires");
  }

  @Test
  void expiresOnALeapSecond_parsesToTheSecondBefore() throws TrustException {
    JsonObject leap =
        Fixtures.targets(1).toJson(T).toBuilder().put("expires", "2030-06-30T23:59:60Z").build();
    assertThat(Metadata.parseTargets(T, unsigned(leap)).signed().expires())
        .isEqualTo(java.time.Instant.parse("2030-06-30T23:59:59Z"));
  }

  @Test
  void negativeLengthInMeta_isMalformed() {
    JsonObject meta =
        JsonObject.builder()
            .put("snapshot.json", JsonObject.builder().put("version", 1).put("length", -1).build())
            .build();
    JsonObject bad = Fixtures.timestamp(1).toJson(T).toBuilder().put("meta", meta).build();
    assertThatThrownBy(() -> Metadata.parseTimestamp(T, unsigned(bad)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("length");
  }

  @Test
  void targetLengthBeyondLong_isMalformed() {
    JsonObject file =
        JsonObject.builder()
            .put("length", new JsonNumber(BigInteger.TWO.pow(80)))
            .put("hashes", JsonObject.builder().put("sha256", "00").build())
            .build();
    JsonObject bad =
        Fixtures.targets(1).toJson(T).toBuilder()
            .put("targets", JsonObject.builder().put("a", file).build())
            .build();
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(bad)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void oddLengthHexDigest_isMalformed() {
    JsonObject file =
        JsonObject.builder()
            .put("length", 1)
            .put("hashes", JsonObject.builder().put("sha256", "abc").build())
            .build();
    JsonObject bad =
        Fixtures.targets(1).toJson(T).toBuilder()
            .put("targets", JsonObject.builder().put("a", file).build())
            .build();
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(bad)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("hex digest");
  }

  @Test
  void snapshotListingOneRoleUnderTwoMetaKeys_isMalformed() {
    // "targets.json" (version 9) and "targets" (version 1) both name the targets role.
    JsonObject meta =
        JsonObject.builder()
            .put("targets.json", MetaFile.ofVersion(9).toJson(T))
            .put("targets", MetaFile.ofVersion(1).toJson(T))
            .build();
    JsonObject snap =
        new Snapshot(1, Fixtures.EXPIRES, Optional.empty(), Map.of(), JsonObject.EMPTY)
            .toJson(T).toBuilder().put("meta", meta).build();
    assertThatThrownBy(() -> Metadata.parseSnapshot(T, unsigned(snap)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("second one for role targets");
  }

  // ---- delegations ----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(RoleType.class)
  void delegationToATopLevelRoleName_isMalformed(RoleType type) {
    JsonObject t = targetsWithDelegation(delegatedRole(type.roleName()));
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(t)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("top-level role name \"" + type.roleName() + "\"");
  }

  @Test
  void delegationToATopLevelRoleName_isMalformedInNotaryToo() {
    JsonObject t =
        targetsWithDelegation(delegatedRole("root")).toBuilder()
            .put("_type", "Targets")
            .remove("spec_version")
            .build();
    assertThatThrownBy(() -> Metadata.parseTargets(Dialect.NOTARY, unsigned(t)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("top-level role name");
  }

  @Test
  void delegationToAnEmptyRoleName_isMalformed() {
    JsonObject t = targetsWithDelegation(delegatedRole(""));
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(t)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("expected a role name");
  }

  @Test
  void delegationToRoleNamesWithPathCharacters_parses() throws TrustException {
    // Names like "../x" are legal (tuf-conformance test_unusual_role_name); stores encode them.
    for (String name : List.of("../x", "/abs", "a%2Fb", "?", "#", "..", "\u00e9")) {
      Targets t =
          Metadata.parseTargets(T, unsigned(targetsWithDelegation(delegatedRole(name)))).signed();
      assertThat(t.delegations().orElseThrow().role(name)).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 33, 64})
  void succinctBitLengthOutOfRange_isMalformed(int bits) {
    JsonObject succinct =
        new SuccinctRoles(List.of(k(1).keyId()), 1, 8, "bin")
            .toJson().toBuilder().put("bit_length", bits).build();
    JsonObject delegations =
        JsonObject.builder().put("keys", JsonObject.EMPTY).put("succinct_roles", succinct).build();
    JsonObject t =
        Fixtures.targets(1).toJson(T).toBuilder().put("delegations", delegations).build();
    assertThatThrownBy(() -> Metadata.parseTargets(T, unsigned(t)))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("bit_length");
  }

  @Test
  void pathPatternWithManyStars_matchesInLinearTime() {
    // A backtracking matcher needs ~C(200, 20) steps here; a delegator must not hang the client.
    String pattern = "*a".repeat(20) + "*b";
    String path = "a".repeat(200);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThat(PathPatterns.globMatches(pattern, path)).isFalse();
          assertThat(PathPatterns.globMatches(pattern, path + "b")).isTrue();
        });
  }

  @Test
  void pathPatternWithManyClassesAndStars_matchesInLinearTime() {
    String pattern = "*[a-c]".repeat(25) + "*[!a]";
    String path = "b".repeat(300);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertThat(PathPatterns.globMatches(pattern + "x", path)).isFalse());
  }

  @Test
  void questionMarkMatchesOneCodePointNotOneUtf16Unit() {
    assertThat(PathPatterns.globMatches("a/?.txt", "a/\uD83D\uDE00.txt")).isTrue();
    assertThat(PathPatterns.globMatches("a/??.txt", "a/\uD83D\uDE00.txt")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "a/../../x", "a/./b"})
  void dotSegmentsAndAbsolutePaths_matchOnlyLiterally(String path) {
    // "*" covers one component and never "..": a role trusted for "a/*" gets nothing above "a".
    assertThat(PathPatterns.globMatches("a/*", path)).isFalse();
    assertThat(PathPatterns.globMatches("*", path)).isFalse();
  }

  @Test
  void unterminatedClass_isALiteralBracket() {
    assertThat(PathPatterns.globMatches("a[b", "a[b")).isTrue();
    assertThat(PathPatterns.globMatches("a[b", "ab")).isFalse();
  }

  @Test
  void deeplyNestedCustomData_isRefusedBeyondTheDepthLimit() {
    String nested = "[".repeat(JsonReader.MAX_DEPTH + 5) + "]".repeat(JsonReader.MAX_DEPTH + 5);
    String json =
        new String(unsigned(Fixtures.targets(1).toJson(T)), StandardCharsets.UTF_8)
            .replace("\"version\":1", "\"version\":1,\"x\":" + nested);
    assertThatThrownBy(() -> Metadata.parseTargets(T, utf8(json)))
        .isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void manySignaturesByUnknownKeys_areAllIgnoredQuickly() throws TrustException {
    Metadata<Targets> md = Metadata.sign(T, Fixtures.targets(1), List.of(k(0)));
    List<Signature> sigs = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      sigs.add(new Signature("%064x".formatted(i), "00", Optional.empty()));
    }
    sigs.add(md.signatures().getFirst());
    Metadata<Targets> noisy = Metadata.parseTargets(T, md.withSignatures(sigs).rawBytes());
    Root root = Fixtures.root(1, List.of(k(0)), 1);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertThat(root.verify(RoleType.TARGETS, noisy)).containsExactly(k(0).keyId()));
  }
}
