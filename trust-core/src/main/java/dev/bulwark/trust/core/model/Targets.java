package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Targets metadata (TUF §4.5), top-level or delegated: target files and delegations. */
public record Targets(
    long version,
    Instant expires,
    Optional<String> specVersion,
    Map<String, TargetFile> targets,
    Optional<Delegations> delegations,
    JsonObject unrecognized)
    implements Signed {

  private static final Set<String> KNOWN =
      Set.of("_type", "spec_version", "version", "expires", "targets", "delegations");

  public Targets {
    SignedHeader.check(version, expires);
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  @Override
  public RoleType roleType() {
    return RoleType.TARGETS;
  }

  /**
   * TUF 5.6.3: a delegated role's metadata must be signed by a threshold of the keys this role
   * delegates to it. Throws if {@code roleName} is not delegated here.
   */
  public Set<String> verifyDelegate(String roleName, Metadata<?> metadata)
      throws ThresholdNotMetException {
    Delegations d = delegations.orElse(Delegations.EMPTY);
    DelegatedRole role =
        d.role(roleName)
            .orElseThrow(
                () ->
                    new ThresholdNotMetException(
                        roleName + ": not a role delegated by this targets metadata"));
    return metadata.verify(roleName, role.role(), d.keys());
  }

  static Targets parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    SignedHeader h = SignedHeader.parse(dialect, RoleType.TARGETS, f);
    JsonFields tf = f.object("targets");
    Map<String, TargetFile> targets = new LinkedHashMap<>();
    for (String path : tf.object().members().keySet()) {
      targets.put(path, TargetFile.parse(dialect, tf.object(path)));
    }
    Optional<Delegations> delegations =
        f.has("delegations")
            ? Optional.of(Delegations.parse(dialect, f.object("delegations")))
            : Optional.empty();
    return new Targets(
        h.version(), h.expires(), h.specVersion(), targets, delegations, f.unknown(KNOWN));
  }

  @Override
  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder t = JsonObject.builder();
    targets.forEach((path, file) -> t.put(path, file.toJson(dialect)));
    JsonObject.Builder b =
        SignedHeader.write(dialect, RoleType.TARGETS, version, expires, specVersion)
            .put("targets", t.build());
    if (delegations.isPresent() || dialect == Dialect.NOTARY) {
      // Notary always writes delegations, {"keys":{},"roles":[]} when empty.
      b.put("delegations", delegations.orElse(Delegations.EMPTY).toJson(dialect));
    }
    return b.putAbsent(unrecognized).build();
  }
}
