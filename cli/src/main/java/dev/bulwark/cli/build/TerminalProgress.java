package dev.bulwark.cli.build;

import dev.bulwark.builder.BuildProgress;
import java.io.PrintWriter;

/** Progress lines for a terminal: one per resolved and pulled image, one per stage. */
final class TerminalProgress implements BuildProgress {
  private final PrintWriter err;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void resolved(String image, String digest, String method) {
    err.println("resolved " + image + " -> " + digest + " (" + method + ")");
    err.flush();
  }

  @Override
  public void pulled(String image, int layers, long bytes) {
    err.printf(
        "pulled   %s: %d layer%s, %s%n", image, layers, layers == 1 ? "" : "s", human(bytes));
    err.flush();
  }

  @Override
  public void stage(String what) {
    err.println(what);
    err.flush();
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KiB", bytes / 1024.0);
    }
    return String.format("%.1f MiB", bytes / (1024.0 * 1024));
  }
}
