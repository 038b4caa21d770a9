package dev.bulwark.benchmarks;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * trust-core on a targets role with 10,000 targets (about 2.3 MB in TUF form): strict parse,
 * canonical encoding of {@code signed}, signature verification, and the three together (what a
 * client does for every targets download).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TargetsBenchmark {
  @Param({"10000"})
  public int targetCount;

  @Param({"TUF", "NOTARY"})
  public Dialect dialect;

  @Param({"ED25519", "ECDSA_P256"})
  public KeyAlgorithm keyAlgorithm;

  private byte[] file;
  private JsonObject signedJson;
  private Metadata<Targets> parsed;
  private Role role;
  private Map<String, Key> keys;

  @Setup(Level.Trial)
  public void setUp() throws TrustException {
    SigningKey key = SigningKey.generate(dialect, keyAlgorithm);
    Map<String, TargetFile> files = new LinkedHashMap<>();
    for (int i = 0; i < targetCount; i++) {
      byte[] content = ("target content " + i).getBytes(StandardCharsets.UTF_8);
      files.put("images/app-" + i + "/image.tar", TargetFile.of(content, Optional.empty()));
    }
    Targets targets =
        new Targets(
            1,
            Instant.parse("2030-01-01T00:00:00Z"),
            Optional.empty(),
            files,
            Optional.empty(),
            JsonObject.EMPTY);
    file = Metadata.sign(dialect, targets, List.of(key)).rawBytes();
    parsed = Metadata.parseTargets(dialect, file);
    signedJson = parsed.signedJson();
    role = new Role(List.of(key.keyId()), 1);
    keys = Map.of(key.keyId(), key.key());
  }

  /** Strict JSON parse of the whole file into the tree (no model, no canonical form). */
  @Benchmark
  public JsonObject jsonParse() throws TrustException {
    return JsonReader.parseObject(file);
  }

  /** Canonical encoding of the parsed {@code signed} tree. */
  @Benchmark
  public byte[] canonicalEncode() {
    return CanonicalJson.encode(signedJson);
  }

  /** Signature verification of already-parsed metadata (one key, threshold 1). */
  @Benchmark
  public Set<String> verifySignature() throws TrustException {
    return parsed.verify("targets", role, keys);
  }

  /** Bytes to verified model: parse, model, canonicalise, verify. */
  @Benchmark
  public Set<String> parseAndVerify() throws TrustException {
    return Metadata.parseTargets(dialect, file).verify("targets", role, keys);
  }
}
