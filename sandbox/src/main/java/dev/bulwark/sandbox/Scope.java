package dev.bulwark.sandbox;

import java.util.Set;

/** IPC scopes ({@code LANDLOCK_SCOPE_*}, ABI 6): no rules, no exceptions. */
public enum Scope {
  /** Connect only to abstract unix sockets created in the same or a nested domain. */
  ABSTRACT_UNIX_SOCKET(0, "abstract_unix_socket"),
  /** Signal only processes in the same or a nested domain. */
  SIGNAL(1, "signal");

  private final int bit;
  private final String configName;

  Scope(int bit, String configName) {
    this.bit = bit;
    this.configName = configName;
  }

  public long mask() {
    return 1L << bit;
  }

  public Abi since() {
    return Abi.V6;
  }

  /** The landlockconfig name. */
  public String configName() {
    return configName;
  }

  static long maskOf(Set<Scope> scopes) {
    long m = 0;
    for (Scope s : scopes) {
      m |= s.mask();
    }
    return m;
  }
}
