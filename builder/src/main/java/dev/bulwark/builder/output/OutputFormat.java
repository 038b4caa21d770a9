package dev.bulwark.builder.output;

import java.util.List;

/** The output formats Bulwark writes itself (LinuxKit's container-free ones). */
public enum OutputFormat {
  TAR("tar"),
  KERNEL_INITRD("kernel+initrd"),
  TAR_KERNEL_INITRD("tar-kernel-initrd");

  private final String id;

  OutputFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Parses a format name; the message lists what is supported. */
  public static OutputFormat parse(String s) {
    for (OutputFormat f : values()) {
      if (f.id.equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unsupported output format '"
            + s
            + "'; supported: "
            + String.join(", ", List.of(values()).stream().map(OutputFormat::id).toList()));
  }
}
