package dev.bulwark.trust.server.update;

import java.util.regex.Pattern;

/** Notary role names: the four top-level roles and delegations {@code targets/<name>...}. */
public final class RoleNames {
  private static final Pattern DELEGATION = Pattern.compile("targets(/[-a-z0-9_]+)+");

  private RoleNames() {}

  /** A role a client may upload or fetch: top-level or a clean delegation name (< 256 chars). */
  public static boolean isValid(String role) {
    return switch (role) {
      case "root", "targets", "snapshot", "timestamp" -> true;
      default -> isDelegation(role);
    };
  }

  /** A clean delegation name {@code targets/<name>...} of at most 255 characters. */
  public static boolean isDelegation(String role) {
    return role.length() < 256 && DELEGATION.matcher(role).matches();
  }

  public static boolean isTargets(String role) {
    return role.equals("targets") || role.startsWith("targets/");
  }

  /** {@code targets/a/b} → {@code targets/a}; {@code targets/a} → {@code targets}. */
  public static String parent(String delegation) {
    return delegation.substring(0, delegation.lastIndexOf('/'));
  }

  /** Number of path segments: {@code targets} = 1, {@code targets/a} = 2. */
  public static int depth(String role) {
    return (int) role.chars().filter(c -> c == '/').count() + 1;
  }
}
