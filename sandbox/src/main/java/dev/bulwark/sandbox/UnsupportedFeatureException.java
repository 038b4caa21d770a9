package dev.bulwark.sandbox;

/**
 * Thrown under {@link CompatLevel#HARD_REQUIREMENT} when the kernel lacks Landlock or a right,
 * scope or flag the policy requires, or when a required path is missing.
 */
public final class UnsupportedFeatureException extends SandboxException {
  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
