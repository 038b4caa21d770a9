package dev.bulwark.trust.client.keystore;

import java.util.Objects;

/**
 * What a {@link PassphraseSource} is asked for.
 *
 * @param role the key's role ({@code root}, {@code targets}, {@code snapshot}, {@code
 *     targets/<name>} for delegations)
 * @param keyId the canonical key ID (shortened in prompts)
 * @param creating true when a new key is being encrypted (a prompt asks twice)
 * @param attempt 0 for the first try, higher after a wrong passphrase
 */
public record PassphraseRequest(String role, String keyId, boolean creating, int attempt) {
  public PassphraseRequest {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyId, "keyId");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
    }
  }

  /**
   * The passphrase alias: {@code root}, {@code targets}, {@code snapshot} or {@code delegation}.
   */
  public String alias() {
    return switch (role) {
      case "root", "targets", "snapshot", "timestamp" -> role;
      default -> "delegation";
    };
  }

  /** The first 7 characters of the key ID, as shown to people. */
  public String shortKeyId() {
    return keyId.length() > 7 ? keyId.substring(0, 7) : keyId;
  }
}
