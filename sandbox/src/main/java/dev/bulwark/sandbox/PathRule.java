package dev.bulwark.sandbox;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Allow {@code access} beneath {@code path} (a directory) or on it (a file: rights are masked to
 * the file rights). The path is resolved once, when the ruleset is built; the rule binds the inode.
 *
 * @param optional a missing path is skipped (and reported) even under a hard requirement
 */
public record PathRule(Path path, Set<AccessFs> access, boolean optional) {
  public PathRule {
    if (path == null || access == null) {
      throw new IllegalArgumentException("a path rule needs a path and a set of rights");
    }
    if (access.isEmpty()) {
      throw new IllegalArgumentException("path rule for " + path + " grants no right");
    }
    path = path.toAbsolutePath();
    access = java.util.Collections.unmodifiableSet(EnumSet.copyOf(access));
  }
}
