package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.HashMismatchException;
import dev.bulwark.trust.core.error.LengthMismatchException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.json.CanonicalJson;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metadata document: the parsed {@code signed} role, its JSON tree as received (unknown fields
 * and all), the signatures, the exact bytes received (hashes are over these) and the canonical
 * bytes of {@code signed} (signatures are over these). Immutable.
 */
public final class Metadata<T extends Signed> {
  private final Dialect dialect;
  private final T signed;
  private final JsonObject signedJson;
  private final List<Signature> signatures;
  private final byte[] raw;
  private final byte[] canonicalSigned;

  private Metadata(
      Dialect dialect,
      T signed,
      JsonObject signedJson,
      List<Signature> signatures,
      byte[] raw,
      byte[] canonicalSigned) {
    this.dialect = dialect;
    this.signed = signed;
    this.signedJson = signedJson;
    this.signatures = List.copyOf(signatures);
    this.raw = raw;
    this.canonicalSigned = canonicalSigned;
  }

  public static Metadata<Root> parseRoot(Dialect d, byte[] raw) throws MalformedMetadataException {
    return parse(d, raw, Root.class);
  }

  public static Metadata<Timestamp> parseTimestamp(Dialect d, byte[] raw)
      throws MalformedMetadataException {
    return parse(d, raw, Timestamp.class);
  }

  public static Metadata<Snapshot> parseSnapshot(Dialect d, byte[] raw)
      throws MalformedMetadataException {
    return parse(d, raw, Snapshot.class);
  }

  /** Parses top-level or delegated targets metadata. */
  public static Metadata<Targets> parseTargets(Dialect d, byte[] raw)
      throws MalformedMetadataException {
    return parse(d, raw, Targets.class);
  }

  /** Parses {@code raw} as metadata of the given top-level role type (targets: also delegated). */
  public static Metadata<? extends Signed> parse(Dialect d, RoleType type, byte[] raw)
      throws MalformedMetadataException {
    return switch (type) {
      case ROOT -> parseRoot(d, raw);
      case TIMESTAMP -> parseTimestamp(d, raw);
      case SNAPSHOT -> parseSnapshot(d, raw);
      case TARGETS -> parseTargets(d, raw);
    };
  }

  /**
   * Parses {@code raw} as metadata of role class {@code type}; {@code _type} must match (TUF
   * 4.2.1). Nothing is verified here except shape.
   */
  public static <T extends Signed> Metadata<T> parse(Dialect d, byte[] raw, Class<T> type)
      throws MalformedMetadataException {
    byte[] copy = raw.clone();
    JsonFields env = JsonFields.of(JsonReader.parseObject(copy), "");
    JsonFields sf = env.object("signed");
    Signed s =
        switch (roleTypeOf(type)) {
          case ROOT -> Root.parse(d, sf);
          case TIMESTAMP -> Timestamp.parse(d, sf);
          case SNAPSHOT -> Snapshot.parse(d, sf);
          case TARGETS -> Targets.parse(d, sf);
        };
    List<Signature> sigs = parseSignatures(d, env);
    return new Metadata<>(
        d, type.cast(s), sf.object(), sigs, copy, CanonicalJson.encode(sf.object()));
  }

  private static RoleType roleTypeOf(Class<? extends Signed> type) {
    if (type == Root.class) {
      return RoleType.ROOT;
    } else if (type == Timestamp.class) {
      return RoleType.TIMESTAMP;
    } else if (type == Snapshot.class) {
      return RoleType.SNAPSHOT;
    }
    return RoleType.TARGETS;
  }

  private static List<Signature> parseSignatures(Dialect d, JsonFields env)
      throws MalformedMetadataException {
    JsonArray array = env.array("signatures");
    List<Signature> sigs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String where = "signatures[" + i + "]";
      Signature s = Signature.parse(JsonFields.asObject(array.get(i), where), where);
      // TUF §4.2.1: "The keyid MUST be unique in the signatures array".
      if (!seen.add(s.keyId()) && d.refusesRepeatedSignatureKeyIds()) {
        throw new MalformedMetadataException(
            where + ": keyid " + s.keyId() + " appears more than once (must be unique)");
      }
      sigs.add(s);
    }
    return sigs;
  }

  /**
   * Signs {@code signed} with each key and builds the document. Files are compact {@code
   * {"signed":…,"signatures":[…]}} in that order (Notary's layout, notary.md fact 2; any order is
   * fine for TUF), with {@code signed} in canonical member order.
   */
  public static <T extends Signed> Metadata<T> sign(Dialect d, T signed, List<SigningKey> keys) {
    JsonObject json = signed.toJson(d);
    byte[] canonical = CanonicalJson.encode(json);
    List<Signature> sigs = new ArrayList<>();
    for (SigningKey k : keys) {
      sigs.add(k.sign(canonical));
    }
    return assemble(d, signed, json, canonical, sigs);
  }

  /** A copy with {@code key}'s signature added (replacing an earlier one by the same key). */
  public Metadata<T> withSignature(SigningKey key) {
    List<Signature> sigs = new ArrayList<>(signatures);
    sigs.removeIf(s -> s.keyId().equals(key.keyId()));
    sigs.add(key.sign(canonicalSigned));
    return assemble(dialect, signed, signedJson, canonicalSigned, sigs);
  }

  /** A copy with exactly these signatures (e.g. collected from co-signers). */
  public Metadata<T> withSignatures(List<Signature> sigs) {
    return assemble(dialect, signed, signedJson, canonicalSigned, sigs);
  }

  private static <T extends Signed> Metadata<T> assemble(
      Dialect d, T signed, JsonObject json, byte[] canonical, List<Signature> sigs) {
    List<JsonValue> sigJson = new ArrayList<>();
    sigs.forEach(s -> sigJson.add(s.toJson()));
    // Files escape control characters (RFC 8259) so that every JSON parser reads them; without
    // control characters the signed part is byte-identical to its canonical form.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"signed\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(JsonWriter.compactSorted(json));
    out.writeBytes(",\"signatures\":".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(JsonWriter.compactSorted(new JsonArray(sigJson)));
    out.write('}');
    byte[] raw = out.toByteArray();
    return new Metadata<>(d, signed, json, sigs, raw, canonical);
  }

  /**
   * Counts distinct keys of {@code role} (found in {@code keys}, with matching computed key ID)
   * whose signatures verify over the canonical signed bytes; throws unless the threshold is met.
   * Returns the key IDs that verified.
   */
  public Set<String> verify(String roleName, Role role, Map<String, Key> keys)
      throws ThresholdNotMetException {
    return ThresholdVerifier.verify(roleName, canonicalSigned, signatures, role, keys);
  }

  /** TUF 5.3.10 / 5.4.4 / 5.5.6 / 5.6.5: refuses metadata whose expiry is at or before now. */
  public void checkNotExpired(String roleName, Instant now) throws ExpiredMetadataException {
    if (signed.isExpired(now)) {
      throw new ExpiredMetadataException(
          roleName
              + " version "
              + signed.version()
              + " expired at "
              + signed.expires()
              + " (reference time "
              + now
              + ")");
    }
  }

  /** TUF 5.5.2 / 5.6.2: the received bytes must match the referring {@code meta} entry. */
  public void checkAgainst(MetaFile expected, String roleName)
      throws LengthMismatchException, HashMismatchException {
    expected.verify(raw, roleName);
  }

  public Dialect dialect() {
    return dialect;
  }

  public T signed() {
    return signed;
  }

  /** The {@code signed} object exactly as parsed (unknown fields included). */
  public JsonObject signedJson() {
    return signedJson;
  }

  public List<Signature> signatures() {
    return signatures;
  }

  /** A copy of the exact bytes received (or produced by signing). */
  public byte[] rawBytes() {
    return raw.clone();
  }

  /** Length of the exact bytes. */
  public int length() {
    return raw.length;
  }

  /** Hashes (sha256, sha512) of the exact bytes. */
  public Hashes hashes() {
    return Hashes.of(raw);
  }

  /** A copy of the canonical bytes of {@code signed} that signatures cover. */
  public byte[] canonicalSigned() {
    return canonicalSigned.clone();
  }

  @Override
  public String toString() {
    return "Metadata["
        + dialect
        + " "
        + signed.roleType()
        + " v"
        + signed.version()
        + ", "
        + signatures.size()
        + " signature(s), "
        + raw.length
        + " bytes]";
  }
}
