package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.sandbox.internal.SyscallTable;
import org.junit.jupiter.api.Test;

/** System call numbers per architecture (asm/unistd_64.h, asm-generic/unistd.h). */
class SyscallTableTest {
  @Test
  void x86_64_numbers() {
    SyscallTable t = SyscallTable.forArch("amd64").orElseThrow();
    assertThat(new long[] {t.close(), t.execve(), t.prctl(), t.openat(), t.closeRange()})
        .containsExactly(3, 59, 157, 257, 436);
  }

  @Test
  void aarch64_numbers() {
    SyscallTable t = SyscallTable.forArch("aarch64").orElseThrow();
    assertThat(new long[] {t.close(), t.execve(), t.prctl(), t.openat(), t.closeRange()})
        .containsExactly(57, 221, 167, 56, 436);
  }

  @Test
  void landlockNumbers_areSharedByBoth() {
    assertThat(
            new long[] {
              SyscallTable.LANDLOCK_CREATE_RULESET,
              SyscallTable.LANDLOCK_ADD_RULE,
              SyscallTable.LANDLOCK_RESTRICT_SELF
            })
        .containsExactly(444, 445, 446);
  }

  @Test
  void unknownArchitecture_hasNoTable() {
    assertThat(SyscallTable.forArch("riscv64")).isEmpty();
  }
}
