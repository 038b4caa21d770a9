package dev.bulwark.builder.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** A position in a build file, printed as {@code file:line:column} (both 1-based). */
public record Where(String file, int line, int column) {
  public Where {
    if (file == null || line < 0 || column < 0) {
      throw new IllegalArgumentException("bad position " + file + ":" + line + ":" + column);
    }
  }

  static Where of(String file, Node node) {
    Optional<Mark> mark = node.getStartMark();
    return mark.map(m -> new Where(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Where(file, 0, 0));
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
