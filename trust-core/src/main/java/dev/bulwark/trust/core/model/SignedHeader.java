package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.WrongTypeException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * The fields every role shares: {@code _type}, {@code spec_version}, {@code version}, {@code
 * expires}.
 */
record SignedHeader(long version, Instant expires, Optional<String> specVersion) {

  static SignedHeader parse(Dialect dialect, RoleType expected, JsonFields f)
      throws MalformedMetadataException {
    String type = f.string("_type");
    if (!type.equals(dialect.typeName(expected))) {
      throw new WrongTypeException(
          f.where("_type")
              + ": expected \""
              + dialect.typeName(expected)
              + "\", found \""
              + type
              + "\"");
    }
    Optional<String> spec = Optional.empty();
    if (dialect == Dialect.TUF) {
      String s = f.string("spec_version");
      // TUF §4.2.1 / python-tuf: only the major version must match ("1.0" is accepted too).
      if (!s.equals("1") && !s.startsWith("1.")) {
        throw new MalformedMetadataException(
            f.where("spec_version") + ": expected 1.x, found \"" + s + "\"");
      }
      spec = Optional.of(s);
    }
    long version = f.integer("version", 1);
    Instant expires = dialect.parseExpires(f.string("expires"), f.where("expires"));
    return new SignedHeader(version, expires, spec);
  }

  static JsonObject.Builder write(
      Dialect dialect, RoleType type, long version, Instant expires, Optional<String> spec) {
    JsonObject.Builder b = JsonObject.builder().put("_type", dialect.typeName(type));
    b.put("expires", dialect.formatExpires(expires));
    if (dialect == Dialect.TUF) {
      b.put("spec_version", spec.orElse(Dialect.TUF_SPEC_VERSION));
    }
    return b.put("version", version);
  }

  static void check(long version, Instant expires) {
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, found " + version);
    }
    java.util.Objects.requireNonNull(expires, "expires");
  }
}
