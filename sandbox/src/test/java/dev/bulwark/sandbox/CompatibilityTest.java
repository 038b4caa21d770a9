package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Compatibility levels against simulated older or absent kernels. Rulesets for an "older" kernel
 * are still created on the real one, with the masks the older ABI would allow.
 */
class CompatibilityTest {
  private static final KernelSupport ABI3 =
      new KernelSupport(KernelSupport.Availability.AVAILABLE, 3, 0);
  private static final KernelSupport NONE =
      new KernelSupport(KernelSupport.Availability.NOT_IMPLEMENTED, 0, 0);

  private static Ruleset v7(CompatLevel level) {
    return Ruleset.of(Abi.V7)
        .handleFs(AccessFs.all(Abi.V7))
        .handleNet(AccessNet.all(Abi.V7))
        .scope(Scope.SIGNAL)
        .compat(level);
  }

  @Test
  void bestEffort_onOlderKernel_dropsNewerRights_andSaysPartial() throws Exception {
    try (RulesetCreated rs = RulesetCreated.create(v7(CompatLevel.BEST_EFFORT), ABI3)) {
      RestrictionStatus st = rs.status();
      assertThat(st.status()).isEqualTo(EnforcementStatus.PARTIALLY_ENFORCED);
      assertThat(st.droppedFs()).containsExactly(AccessFs.IOCTL_DEV);
      assertThat(st.droppedNet()).containsExactlyInAnyOrder(AccessNet.values());
      assertThat(st.droppedScopes()).containsExactly(Scope.SIGNAL);
      assertThat(rs.effectiveAbi()).isEqualTo(Abi.V3);
      assertThat(rs.isEnforceable()).isTrue();
    }
  }

  @Test
  void softRequirement_onOlderKernel_enforcesNothing() throws Exception {
    try (RulesetCreated rs = RulesetCreated.create(v7(CompatLevel.SOFT_REQUIREMENT), ABI3)) {
      assertThat(rs.status().status()).isEqualTo(EnforcementStatus.NOT_ENFORCED);
      assertThat(rs.isEnforceable()).isFalse();
    }
  }

  @Test
  void hardRequirement_onOlderKernel_isAnError() {
    assertThatThrownBy(() -> RulesetCreated.create(v7(CompatLevel.HARD_REQUIREMENT), ABI3))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("ABI 7")
        .hasMessageContaining("IOCTL_DEV");
  }

  @Test
  void noLandlock_bestEffortReportsNotEnforced_hardThrows() throws Exception {
    try (RulesetCreated rs = RulesetCreated.create(v7(CompatLevel.BEST_EFFORT), NONE)) {
      assertThat(rs.status().status()).isEqualTo(EnforcementStatus.NOT_ENFORCED);
      assertThat(rs.status().describe()).contains("no Landlock");
    }
    assertThatThrownBy(() -> RulesetCreated.create(v7(CompatLevel.HARD_REQUIREMENT), NONE))
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("Landlock is required");
  }

  @Test
  void missingPath_isReported_underBestEffort() throws Exception {
    Path missing = Path.of("/nonexistent/bulwark/dir");
    Policy p = Policy.builder(Abi.V7).readOnly(missing).build();
    try (RulesetCreated rs = p.createRuleset()) {
      assertThat(rs.status().skippedPaths()).containsExactly(new SkippedPath(missing, "ENOENT"));
      assertThat(rs.status().status()).isEqualTo(EnforcementStatus.FULLY_ENFORCED);
    }
  }

  @Test
  void missingPath_isAnError_underHardRequirement_unlessOptional() throws Exception {
    Path missing = Path.of("/nonexistent/bulwark/dir");
    Policy hard =
        Policy.builder(Abi.V7).readOnly(missing).compat(CompatLevel.HARD_REQUIREMENT).build();
    assertThatThrownBy(hard::createRuleset)
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such file");
    Policy optional =
        Policy.builder(Abi.V7)
            .allowIfExists(missing, AccessFs.read(Abi.V7))
            .compat(CompatLevel.HARD_REQUIREMENT)
            .build();
    try (RulesetCreated rs = optional.createRuleset()) {
      assertThat(rs.status().skippedPaths()).hasSize(1);
    }
  }

  @Test
  void rightsNewerThanThePinnedAbi_areRejected() {
    assertThatThrownBy(() -> Ruleset.of(Abi.V3).handleFs(Set.of(AccessFs.IOCTL_DEV)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ABI 5");
    assertThatThrownBy(() -> Ruleset.of(Abi.V5).scope(Scope.SIGNAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleGrantingAnUnhandledRight_isRejected() {
    assertThatThrownBy(
            () ->
                Policy.builder(Abi.V7)
                    .handleFs(EnumSet.of(AccessFs.WRITE_FILE))
                    .readOnly(Path.of("/usr"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not handle");
  }
}
