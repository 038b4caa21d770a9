package dev.bulwark.trust.client.repo;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One staged change, stored as Notary's change file JSON {@code
 * {"action","role","type","path","data"}} (data base64 in the file).
 *
 * @param action {@code create}, {@code update} or {@code delete}
 * @param role the role the change applies to ({@code targets}, {@code targets/releases})
 * @param type {@code target}, {@code delegation} or {@code witness}
 * @param path target name, or the delegation role name
 * @param data payload: target JSON, delegation edit JSON, or empty
 */
public record Change(String action, String role, String type, String path, byte[] data) {
  private static final Set<String> ACTIONS = Set.of("create", "update", "delete");
  private static final Set<String> TYPES = Set.of("target", "delegation", "witness");

  public Change {
    Objects.requireNonNull(path, "path");
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException(
          "change action must be one of " + ACTIONS + ", was " + action);
    }
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("change type must be one of " + TYPES + ", was " + type);
    }
    if (!role.equals("targets") && !role.startsWith("targets/")) {
      throw new IllegalArgumentException("changes apply to targets roles, not " + role);
    }
    data = data == null ? new byte[0] : data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Change c
        && c.action.equals(action)
        && c.role.equals(role)
        && c.type.equals(type)
        && c.path.equals(path)
        && Arrays.equals(c.data, data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, role, type, path, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return action + " " + type + " " + path + " in " + role;
  }
}
