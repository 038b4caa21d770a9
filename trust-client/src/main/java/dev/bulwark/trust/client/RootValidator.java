package dev.bulwark.trust.client;

import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Root;

/**
 * A hook for extra checks on roots, beyond the TUF signature rules: Notary trust pinning (pinned
 * certificate IDs, CA pinning, TOFU) plugs in here. Both checks run before the root is trusted or
 * persisted; throwing aborts the refresh and leaves the stored root untouched.
 */
public interface RootValidator {

  /** Accepts every root that passes the TUF rules. */
  RootValidator NONE = new RootValidator() {};

  /** TUF 5.2: the locally stored (or bootstrapped) root, after its self-signature verified. */
  default void checkTrustedRoot(Metadata<Root> root) throws TrustException {}

  /** TUF 5.3.4-5.3.5: a new root, after it verified against {@code trusted} and itself. */
  default void checkNewRoot(Metadata<Root> trusted, Metadata<Root> candidate)
      throws TrustException {}
}
