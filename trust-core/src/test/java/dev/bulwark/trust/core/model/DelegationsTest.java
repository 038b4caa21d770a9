package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.Digests;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path patterns (TUF §4.5), hash prefixes, Notary prefixes and TAP 15 bins. */
class DelegationsTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*.txt, file.txt, true",
    "*.txt, dir/file.txt, false", // wildcard does not match path separator
    "dir/*.txt, dir/file.txt, true",
    "*/*.txt, dir/file.txt, true",
    "dir/*, dir/sub/file.txt, false",
    "file?.txt, file1.txt, true", // question mark wildcard
    "file?.txt, file12.txt, false",
    "File.txt, file.txt, false", // case sensitive
    "targets/[ab]*.tgz, targets/a-1.tgz, true",
    "targets/[!ab]*.tgz, targets/a-1.tgz, false",
    "targets/[0-9].tgz, targets/7.tgz, true",
    "*, anything, true",
    "a/b/c, a/b/c, true",
  })
  void tufGlobPatterns(String pattern, String path, boolean expected) {
    assertThat(Dialect.TUF.pathMatches(pattern, path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({"'', anything, true", "1., 1.36, true", "1., 2.0, false", "a/, a/b/c, true"})
  void notaryPrefixPaths(String prefix, String path, boolean expected) {
    assertThat(Dialect.NOTARY.pathMatches(prefix, path)).isEqualTo(expected);
  }

  @Test
  void pathHashPrefixes_matchSha256OfPath() {
    String h = Digests.sha256Hex("a/b.txt".getBytes(StandardCharsets.UTF_8));
    DelegatedRole r =
        new DelegatedRole(
            "bin", List.of(), 1, false, Optional.empty(), Optional.of(List.of(h.substring(0, 2))));
    assertThat(r.isDelegatedPath(Dialect.TUF, "a/b.txt")).isTrue();
    String other = h.charAt(0) == '0' ? "1" : "0";
    DelegatedRole no =
        new DelegatedRole(
            "bin", List.of(), 1, false, Optional.empty(), Optional.of(List.of(other)));
    assertThat(no.isDelegatedPath(Dialect.TUF, "a/b.txt")).isFalse();
  }

  @Test
  void roleWithNeitherPathsNorPrefixes_delegatesNothing() {
    DelegatedRole r =
        new DelegatedRole("r", List.of(), 1, false, Optional.empty(), Optional.empty());
    assertThat(r.isDelegatedPath(Dialect.TUF, "x")).isFalse();
  }

  @Test
  void rolesFor_keepsPriorityOrder() {
    DelegatedRole a = role("a", "*.txt");
    DelegatedRole b = role("b", "*");
    DelegatedRole c = role("c", "*.bin");
    Delegations d = new Delegations(Map.of(), List.of(a, b, c), Optional.empty());
    assertThat(d.rolesFor(Dialect.TUF, "f.txt"))
        .extracting(DelegatedRole::name)
        .containsExactly("a", "b");
  }

  private static DelegatedRole role(String name, String path) {
    return new DelegatedRole(
        name, List.of(), 1, false, Optional.of(List.of(path)), Optional.empty());
  }

  @ParameterizedTest(name = "bit_length {0}")
  @CsvSource({
    "1, 1, p-0, p-1",
    "4, 1, p-0, p-f",
    "8, 2, p-00, p-ff",
    "10, 3, p-000, p-3ff",
    "16, 4, p-0000, p-ffff"
  })
  void succinctBinNames(int bits, int width, String first, String last) {
    SuccinctRoles s = new SuccinctRoles(List.of(), 1, bits, "p");
    assertThat(s.binName(0)).isEqualTo(first).hasSize(2 + width);
    assertThat(s.binName(s.numberOfBins() - 1)).isEqualTo(last);
    assertThat(s.isDelegatedRole(last)).isTrue();
    assertThat(s.isDelegatedRole(last + "0")).isFalse();
    assertThat(s.isDelegatedRole("q-" + last.substring(2))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"a.txt", "dir/b.bin", "targets/x/y/z"})
  void succinctBinForPath_isFirstBitsOfSha256(String path) {
    byte[] h = Digests.sha256(path.getBytes(StandardCharsets.UTF_8));
    for (int bits : new int[] {1, 8, 10, 32}) {
      SuccinctRoles s = new SuccinctRoles(List.of(), 1, bits, "bin");
      long first = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(h).getInt());
      assertThat(s.roleNameFor(path)).isEqualTo(s.binName(first >>> (32 - bits)));
      Delegations d = new Delegations(Map.of(), List.of(), Optional.of(s));
      assertThat(d.rolesFor(Dialect.TUF, path))
          .singleElement()
          .satisfies(r -> assertThat(r.name()).isEqualTo(s.roleNameFor(path)));
      assertThat(d.role(s.roleNameFor(path))).isPresent();
    }
  }

  @Test
  void succinctRoles_withRoles_isMalformed() {
    String json =
        """
        {"keys":{},"roles":[],"succinct_roles":{"keyids":[],"threshold":1,"bit_length":8,"name_prefix":"b"}}
        """;
    assertThatThrownBy(() -> parseDelegations(json))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("succinct_roles");
  }

  @Test
  void duplicateDelegatedRoleName_isMalformed() {
    String r =
        "{\"name\":\"r\",\"keyids\":[],\"threshold\":1,\"terminating\":false,\"paths\":[\"*\"]}";
    assertThatThrownBy(() -> parseDelegations("{\"keys\":{},\"roles\":[" + r + "," + r + "]}"))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("duplicate role name");
  }

  @Test
  void pathsAndHashPrefixes_both_isMalformed() {
    String r =
        "{\"name\":\"r\",\"keyids\":[],\"threshold\":1,\"terminating\":false,\"paths\":[\"*\"],\"path_hash_prefixes\":[\"0\"]}";
    assertThatThrownBy(() -> parseDelegations("{\"keys\":{},\"roles\":[" + r + "]}"))
        .isInstanceOf(MalformedMetadataException.class);
  }

  @Test
  void succinctRoles_parse() throws MalformedMetadataException {
    Delegations d =
        parseDelegations(
            "{\"keys\":{},\"succinct_roles\":{\"keyids\":[],\"threshold\":1,\"bit_length\":8,\"name_prefix\":\"b\"}}");
    assertThat(d.succinctRoles()).isPresent();
    assertThat(d.toJson(Dialect.TUF).has("succinct_roles")).isTrue();
  }

  private static Delegations parseDelegations(String json) throws MalformedMetadataException {
    JsonObject o = JsonReader.parseObject(json.getBytes(StandardCharsets.UTF_8));
    return Delegations.parse(
        Dialect.TUF, dev.bulwark.trust.core.json.JsonFields.of(o, "delegations"));
  }
}
