package dev.bulwark.sandbox;

import java.util.EnumSet;
import java.util.Set;

/** Allow {@code access} on TCP {@code port} (ABI 4). Port 0 with bind means the ephemeral range. */
public record PortRule(int port, Set<AccessNet> access) {
  public PortRule {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("TCP port must be 0..65535, got " + port);
    }
    if (access == null || access.isEmpty()) {
      throw new IllegalArgumentException("port rule for " + port + " grants no right");
    }
    access = java.util.Collections.unmodifiableSet(EnumSet.copyOf(access));
  }
}
