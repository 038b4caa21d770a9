package dev.bulwark.trust.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object per log line: {@code time}, {@code level}, {@code logger}, {@code msg}. */
public final class JsonLogFormatter extends Formatter {
  /** Held strongly: java.util.logging forgets the level of loggers nobody references. */
  private static final java.util.logging.Logger FLYWAY =
      java.util.logging.Logger.getLogger("org.flywaydb");

  @Override
  public String format(LogRecord r) {
    StringBuilder sb = new StringBuilder(160).append('{');
    field(sb, "time", Instant.ofEpochMilli(r.getMillis()).toString()).append(',');
    field(sb, "level", r.getLevel().getName()).append(',');
    field(sb, "logger", r.getLoggerName()).append(',');
    field(sb, "msg", formatMessage(r));
    if (r.getThrown() != null) {
      StringWriter w = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(w));
      sb.append(',');
      field(sb, "error", w.toString());
    }
    return sb.append("}\n").toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    sb.append('"').append(name).append("\":\"");
    String v = value == null ? "" : value;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /**
   * Routes all {@code System.Logger} output (java.util.logging) to stderr as JSON lines.
   *
   * @param level {@code debug}, {@code info}, {@code warn} or {@code error}
   */
  public static void install(String level) {
    java.util.logging.Level jul =
        switch (level.toLowerCase(java.util.Locale.ROOT)) {
          case "debug" -> java.util.logging.Level.FINE;
          case "warn", "warning" -> java.util.logging.Level.WARNING;
          case "error" -> java.util.logging.Level.SEVERE;
          default -> java.util.logging.Level.INFO;
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    var handler = new java.util.logging.ConsoleHandler();
    handler.setFormatter(new JsonLogFormatter());
    handler.setLevel(jul);
    root.addHandler(handler);
    root.setLevel(jul);
    FLYWAY.setLevel(java.util.logging.Level.WARNING);
  }
}
