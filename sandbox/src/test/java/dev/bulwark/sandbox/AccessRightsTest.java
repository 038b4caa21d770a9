package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rights groups are pinned to an ABI and match the kernel's masks. */
class AccessRightsTest {
  @ParameterizedTest
  @CsvSource({"V1,0x1fff", "V2,0x3fff", "V3,0x7fff", "V4,0x7fff", "V5,0xffff", "V7,0xffff"})
  void allRights_matchTheKernelMaskOfEachAbi(Abi abi, String mask) {
    assertThat(AccessFs.maskOf(AccessFs.all(abi))).isEqualTo(Long.decode(mask));
  }

  @Test
  void fileRights_areTheKernelsAccessFileSet() {
    assertThat(AccessFs.maskOf(AccessFs.fileRights(Abi.V7)))
        .isEqualTo((1L << 0) | (1L << 1) | (1L << 2) | (1L << 14) | (1L << 15));
  }

  @Test
  void readWrite_includesReferAndTruncate_butNotDevicesOrExecute() {
    assertThat(AccessFs.readWrite(Abi.V7))
        .contains(AccessFs.REFER, AccessFs.TRUNCATE, AccessFs.WRITE_FILE)
        .doesNotContain(
            AccessFs.EXECUTE, AccessFs.MAKE_CHAR, AccessFs.MAKE_BLOCK, AccessFs.IOCTL_DEV);
    assertThat(AccessFs.readWrite(Abi.V1)).doesNotContain(AccessFs.REFER, AccessFs.TRUNCATE);
  }

  @Test
  void network_andScopes_belongToTheirAbis() {
    assertThat(AccessNet.all(Abi.V3)).isEmpty();
    assertThat(AccessNet.maskOf(AccessNet.all(Abi.V4))).isEqualTo(3L);
    assertThat(Scope.maskOf(java.util.EnumSet.allOf(Scope.class))).isEqualTo(3L);
    assertThat(RestrictFlag.LOG_SUBDOMAINS_OFF.mask()).isEqualTo(4L);
  }

  @Test
  void newerKernelAbis_mapToTheLatestKnown() {
    assertThat(Abi.of(9)).isEqualTo(Abi.V7);
    assertThat(Abi.of(4)).isEqualTo(Abi.V4);
  }
}
