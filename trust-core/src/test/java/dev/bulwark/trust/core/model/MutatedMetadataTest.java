package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonBool;
import dev.bulwark.trust.core.json.JsonNull;
import dev.bulwark.trust.core.json.JsonNumber;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonString;
import dev.bulwark.trust.core.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation of valid metadata of every role: a field anywhere in {@code signed} is replaced
 * by a value of another JSON type (or an out-of-range number, or removed). Parsing and verifying
 * the result must either succeed or throw a {@link TrustException}; an unchecked exception would
 * let hostile bytes crash a client instead of being refused.
 */
class MutatedMetadataTest {
  private static final Dialect T = Dialect.TUF;
  private static final int CASES = 400;

  private static SigningKey k(int i) {
    return TestKeys.key(T, KeyAlgorithm.ED25519, i);
  }

  private static final List<JsonValue> REPLACEMENTS =
      List.of(
          new JsonString(""),
          new JsonString("x"),
          new JsonString("../x"),
          new JsonNumber(BigInteger.ZERO),
          new JsonNumber(BigInteger.valueOf(-1)),
          new JsonNumber(BigInteger.TWO.pow(70)),
          new JsonNumber(BigInteger.valueOf(Integer.MAX_VALUE + 1L)),
          JsonBool.TRUE,
          JsonNull.INSTANCE,
          new JsonArray(List.of()),
          new JsonArray(List.of(new JsonString("a"), new JsonString("a"))),
          JsonObject.EMPTY);

  static Stream<Integer> seeds() {
    return IntStream.range(0, CASES).boxed();
  }

  private static Signed sample(int seed) {
    return switch (seed % 4) {
      case 0 -> Fixtures.root(1, List.of(k(0), k(1)), 1);
      case 1 -> Fixtures.timestamp(1);
      case 2 ->
          new Snapshot(
              1,
              Fixtures.EXPIRES,
              Optional.of("1.0.31"),
              Map.of("targets", MetaFile.of(1, new byte[] {1}), "a", MetaFile.ofVersion(2)),
              JsonObject.EMPTY);
      default -> {
        DelegatedRole r =
            new DelegatedRole(
                "a", List.of(k(1).keyId()), 1, true, Optional.of(List.of("a/*")), Optional.empty());
        Delegations d =
            new Delegations(Map.of(k(1).keyId(), k(1).key()), List.of(r), Optional.empty());
        Targets t = Fixtures.targets(1);
        yield new Targets(
            1, t.expires(), Optional.of("1.0.31"), t.targets(), Optional.of(d), JsonObject.EMPTY);
      }
    };
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedField_isRefusedOrAcceptedButNeverCrashes(int seed) {
    Random random = new Random(seed);
    Signed signed = sample(seed);
    JsonObject json = signed.toJson(T);
    JsonObject mutated = (JsonObject) mutate(json, random, 1 + random.nextInt(3));
    Metadata<?> good = Metadata.sign(T, signed, List.of(k(0)));
    byte[] file =
        ThresholdTest.envelope(
            mutated, List.of(k(0).sign(dev.bulwark.trust.core.json.CanonicalJson.encode(mutated))));
    Root root = Fixtures.root(1, List.of(k(0), k(1)), 1);
    try {
      Metadata<? extends Signed> md = Metadata.parse(T, good.signed().roleType(), file);
      root.verify(good.signed().roleType(), md);
      if (md.signed() instanceof Targets t) {
        t.delegations().ifPresent(d -> d.rolesFor(T, "a/b"));
        t.targets().values().forEach(f -> assertThat(f.length()).isNotNegative());
      }
      if (md.signed() instanceof Root r) {
        for (RoleType type : RoleType.values()) {
          assertThat(r.role(type).threshold()).isPositive();
        }
      }
    } catch (TrustException expected) {
      // refused with a specific error: fine
    }
  }

  // Replaces `count` random nodes below the root object (never the root object itself).
  private static JsonValue mutate(JsonValue v, Random random, int count) {
    JsonValue out = v;
    for (int i = 0; i < count; i++) {
      List<List<Object>> paths = new ArrayList<>();
      collect(out, new ArrayList<>(), paths);
      List<Object> path = paths.get(random.nextInt(paths.size()));
      JsonValue replacement =
          random.nextInt(6) == 0 ? null : REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
      out = replace(out, path, 0, replacement);
    }
    return out;
  }

  private static void collect(JsonValue v, List<Object> prefix, List<List<Object>> out) {
    if (!prefix.isEmpty()) {
      out.add(List.copyOf(prefix));
    }
    if (v instanceof JsonObject o) {
      for (String k : o.members().keySet()) {
        prefix.add(k);
        collect(o.members().get(k), prefix, out);
        prefix.removeLast();
      }
    } else if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        prefix.add(i);
        collect(a.get(i), prefix, out);
        prefix.removeLast();
      }
    }
  }

  // A copy of v with the node at path replaced (or removed when replacement is null).
  private static JsonValue replace(JsonValue v, List<Object> path, int at, JsonValue replacement) {
    Object step = path.get(at);
    boolean last = at == path.size() - 1;
    if (v instanceof JsonObject o && step instanceof String key) {
      JsonObject.Builder b = o.toBuilder();
      if (last && replacement == null) {
        return b.remove(key).build();
      }
      return b.put(
              key, last ? replacement : replace(o.members().get(key), path, at + 1, replacement))
          .build();
    }
    if (v instanceof JsonArray a && step instanceof Integer index) {
      List<JsonValue> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        if (i != index) {
          items.add(a.get(i));
        } else if (!last) {
          items.add(replace(a.get(i), path, at + 1, replacement));
        } else if (replacement != null) {
          items.add(replacement);
        }
      }
      return new JsonArray(items);
    }
    return v;
  }
}
