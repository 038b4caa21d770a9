package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code delegations} of a targets role: the delegated keys and either an ordered list of roles
 * (array order = priority, TUF 5.6.7.2) or TAP 15 succinct hash bins.
 */
public record Delegations(
    Map<String, Key> keys, List<DelegatedRole> roles, Optional<SuccinctRoles> succinctRoles) {

  public static final Delegations EMPTY = new Delegations(Map.of(), List.of(), Optional.empty());

  public Delegations {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    roles = List.copyOf(roles);
    if (!roles.isEmpty() && succinctRoles.isPresent()) {
      throw new IllegalArgumentException("roles and succinct_roles are mutually exclusive");
    }
    Set<String> names = new HashSet<>();
    for (DelegatedRole r : roles) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate delegated role name " + r.name());
      }
    }
  }

  /** The delegated role (or succinct bin) named {@code name}. */
  public Optional<DelegatedRole> role(String name) {
    for (DelegatedRole r : roles) {
      if (r.name().equals(name)) {
        return Optional.of(r);
      }
    }
    return succinctRoles.flatMap(s -> s.asDelegatedRole(name));
  }

  /**
   * TUF 5.6.7.2: the roles to visit for {@code targetPath}, in priority order: the matching roles,
   * or the single succinct bin for the path.
   */
  public List<DelegatedRole> rolesFor(Dialect dialect, String targetPath) {
    if (succinctRoles.isPresent()) {
      SuccinctRoles s = succinctRoles.get();
      return List.of(s.asDelegatedRole(s.roleNameFor(targetPath)).orElseThrow());
    }
    List<DelegatedRole> out = new ArrayList<>();
    for (DelegatedRole r : roles) {
      if (r.isDelegatedPath(dialect, targetPath)) {
        out.add(r);
      }
    }
    return out;
  }

  static Delegations parse(Dialect dialect, JsonFields f) throws MalformedMetadataException {
    Map<String, Key> keys = Root.parseKeys(dialect, f.object("keys"));
    boolean hasRoles = f.has("roles");
    if (hasRoles && f.has("succinct_roles")) {
      throw new MalformedMetadataException(
          f.path() + ": expected only one of roles and succinct_roles, found both");
    }
    if (f.has("succinct_roles")) {
      return new Delegations(
          keys, List.of(), Optional.of(SuccinctRoles.parse(f.object("succinct_roles"))));
    }
    List<DelegatedRole> roles = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonArray array = hasRoles ? f.array("roles") : JsonArray.EMPTY;
    for (int i = 0; i < array.size(); i++) {
      String where = f.where("roles") + "[" + i + "]";
      JsonFields rf = JsonFields.of(JsonFields.asObject(array.get(i), where), where);
      DelegatedRole r = DelegatedRole.parse(dialect, rf);
      checkNotTopLevelName(r.name(), where);
      if (!names.add(r.name())) {
        throw new MalformedMetadataException(where + ": duplicate role name \"" + r.name() + "\"");
      }
      roles.add(r);
    }
    return new Delegations(keys, roles, Optional.empty());
  }

  // A delegated role is stored and fetched under its name, so one named like a top-level role
  // would replace that role's trusted file (a delegation to "root" could overwrite the trusted
  // root and leave the client unable to start). python-tuf refuses these names and the empty one.
  private static void checkNotTopLevelName(String name, String where)
      throws MalformedMetadataException {
    if (name.isEmpty()) {
      throw new MalformedMetadataException(where + ".name: expected a role name, found \"\"");
    }
    for (RoleType t : RoleType.values()) {
      if (t.roleName().equals(name)) {
        throw new MalformedMetadataException(
            where
                + ".name: expected a delegated role name, found the top-level role name \""
                + name
                + "\"");
      }
    }
  }

  public JsonObject toJson(Dialect dialect) {
    JsonObject.Builder keyJson = JsonObject.builder();
    keys.forEach((id, k) -> keyJson.put(id, k.json()));
    JsonObject.Builder b = JsonObject.builder().put("keys", keyJson.build());
    if (succinctRoles.isPresent()) {
      return b.put("succinct_roles", succinctRoles.get().toJson()).build();
    }
    List<JsonValue> rs = new ArrayList<>();
    roles.forEach(r -> rs.add(r.toJson(dialect)));
    return b.put("roles", new JsonArray(rs)).build();
  }
}
