package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.notary.TargetWithRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints targets exactly as {@code notary list} does: Go's {@code tabwriter} with minwidth 4,
 * padding 4 and spaces (every column but the last padded to its widest cell + 4), a dashed rule
 * under the header, and a fixed message when there are no targets.
 */
final class TargetTable {
  static final String EMPTY = "\nNo targets present in this repository.\n\n";
  private static final List<String> HEADER = List.of("NAME", "DIGEST", "SIZE (BYTES)", "ROLE");
  private static final int MIN_WIDTH = 4;
  private static final int PADDING = 4;

  private TargetTable() {}

  static String render(List<TargetWithRole> targets) {
    if (targets.isEmpty()) {
      return EMPTY;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    rows.add(HEADER.stream().map(h -> "-".repeat(h.length())).toList());
    for (TargetWithRole t : targets) {
      rows.add(List.of(t.name(), t.sha256Hex(), Long.toString(t.file().length()), t.role()));
    }
    return align(rows);
  }

  static String align(List<List<String>> rows) {
    int columns = rows.getFirst().size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        width[c] = Math.max(width[c], Math.max(MIN_WIDTH, cells(row.get(c)) + PADDING));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        sb.append(row.get(c)).append(" ".repeat(width[c] - cells(row.get(c))));
      }
      sb.append(row.get(columns - 1)).append('\n');
    }
    return sb.toString();
  }

  // Go's tabwriter counts UTF-8 runes.
  private static int cells(String s) {
    return s.codePointCount(0, s.length());
  }
}
