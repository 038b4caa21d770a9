package dev.bulwark.builder.trust;

import java.util.List;
import java.util.Objects;

/**
 * How an image's digest was obtained, for the build report.
 *
 * @param method {@code notary} (a Notary/Bulwark server), {@code tuf} (a TUF repository), {@code
 *     digest} (the YAML named the digest), or {@code unverified} (the registry's word for a tag the
 *     trust block does not cover)
 * @param server the trust server or TUF repository URL, or empty
 * @param role the signing role ({@code targets/releases}, {@code targets} or a delegated role), or
 *     empty
 * @param keyIds the key IDs of the role's signatures
 */
public record Verification(String method, String server, String role, List<String> keyIds) {
  public Verification {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(role, "role");
    keyIds = List.copyOf(keyIds);
  }

  public static final Verification DIGEST = new Verification("digest", "", "", List.of());
  public static final Verification UNVERIFIED = new Verification("unverified", "", "", List.of());
}
