package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.server.store.StoreException;
import java.util.Optional;

/** The server-held key of one collection that the root lists for a role, if the server has it. */
@FunctionalInterface
public interface HeldKeys {
  Optional<SigningKey> key(String role, Role listed) throws StoreException;
}
