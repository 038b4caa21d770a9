package dev.bulwark.trust.server.update;

import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Targets;

/**
 * Structural rules for the delegations a targets role declares, as Notary's {@code
 * isValidTargetsStructure}: every delegated role is a clean {@code targets/...} name directly under
 * the delegating role, and every key ID it lists has its key in {@code delegations.keys}. The real
 * notary client refuses a whole collection whose targets metadata breaks them ("targets type
 * metadata invalid"), so the server must not store such metadata.
 */
final class DelegationChecks {
  private DelegationChecks() {}

  static void check(String role, Targets targets) throws InvalidUpdateException {
    Delegations d = targets.delegations().orElse(Delegations.EMPTY);
    for (DelegatedRole r : d.roles()) {
      if (!RoleNames.isDelegation(r.name()) || !RoleNames.parent(r.name()).equals(role)) {
        throw invalid(role, "delegation role " + r.name() + " invalid");
      }
      for (String id : r.keyIds()) {
        if (!d.keys().containsKey(id)) {
          throw invalid(
              role, "key ID " + id + " specified in " + r.name() + " without corresponding key");
        }
      }
    }
  }

  private static InvalidUpdateException invalid(String role, String why) {
    return new InvalidUpdateException("ErrBadTargets", role + " type metadata invalid: " + why);
  }
}
