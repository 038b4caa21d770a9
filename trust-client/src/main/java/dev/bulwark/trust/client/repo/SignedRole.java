package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Targets;
import java.util.Objects;

/**
 * A freshly signed targets role.
 *
 * @param name role name
 * @param metadata the signed document
 * @param threshold how many distinct key signatures its delegator requires
 */
public record SignedRole(String name, Metadata<Targets> metadata, int threshold) {
  public SignedRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** Signatures made (each by a distinct authorised key). */
  public int signatureCount() {
    return (int) metadata.signatures().stream().map(s -> s.keyId()).distinct().count();
  }

  /** Whether the threshold is met by the signatures present. */
  public boolean complete() {
    return signatureCount() >= threshold;
  }
}
