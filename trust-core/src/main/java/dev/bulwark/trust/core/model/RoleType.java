package dev.bulwark.trust.core.model;

/** The four top-level roles. Delegated targets roles have type {@link #TARGETS}. */
public enum RoleType {
  ROOT("root"),
  TIMESTAMP("timestamp"),
  SNAPSHOT("snapshot"),
  TARGETS("targets");

  private final String roleName;

  RoleType(String roleName) {
    this.roleName = roleName;
  }

  /** The role name as used in root's {@code roles} and in file names: {@code "root"} etc. */
  public String roleName() {
    return roleName;
  }
}
