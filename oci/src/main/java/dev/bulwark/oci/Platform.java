package dev.bulwark.oci;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image platform {@code os/architecture[/variant]}. Architecture names are normalised to the OCI
 * spelling ({@code x86_64} → {@code amd64}, {@code aarch64} → {@code arm64}).
 */
public record Platform(String os, String architecture, Optional<String> variant) {
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", Optional.empty());
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", Optional.empty());
  private static final Pattern WORD = Pattern.compile("[a-z0-9_.-]{1,64}");

  public Platform {
    if (os == null || architecture == null || variant == null) {
      throw new IllegalArgumentException("platform parts must not be null");
    }
    architecture = normaliseArchitecture(architecture);
    variant = variant.filter(v -> !v.isEmpty());
  }

  /** Parses {@code linux/arm64/v8}, {@code linux/amd64}. */
  public static Platform parse(String text) throws InvalidReferenceException {
    String[] parts = text == null ? new String[0] : text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new InvalidReferenceException(
          "platform '" + Digest.printable(text) + "' must look like os/architecture[/variant]");
    }
    for (String part : parts) {
      if (!WORD.matcher(part).matches()) {
        throw new InvalidReferenceException(
            "platform part '" + Digest.printable(part) + "' must be lowercase letters and digits");
      }
    }
    return new Platform(
        parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
  }

  /** The platform of the running JVM, as {@code linux/<arch>}. */
  public static Platform host() {
    return new Platform(
        "linux", System.getProperty("os.arch").toLowerCase(Locale.ROOT), Optional.empty());
  }

  /**
   * Whether an index entry for {@code candidate} satisfies this requested platform: OS and
   * architecture must be equal; a requested variant must match ({@code arm64} without variant
   * counts as {@code v8}); an unrequested variant is ignored (as LinuxKit does).
   */
  public boolean accepts(Platform candidate) {
    if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
      return false;
    }
    return variant.isEmpty() || effectiveVariant().equals(candidate.effectiveVariant());
  }

  private Optional<String> effectiveVariant() {
    return variant.isEmpty() && architecture.equals("arm64") ? Optional.of("v8") : variant;
  }

  private static String normaliseArchitecture(String arch) {
    return switch (arch) {
      case "x86_64", "x86-64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
  }

  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
