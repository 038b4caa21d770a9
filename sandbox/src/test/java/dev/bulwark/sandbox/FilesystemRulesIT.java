package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filesystem rights enforced on real children (kernel ABI 7). */
class FilesystemRulesIT {
  @TempDir Path tmp;
  Path ro;
  Path rw;
  Path outside;

  @BeforeAll
  static void kernel() {
    RealLandlock.requireExpectedAbi();
  }

  @BeforeEach
  void dirs() throws Exception {
    ro = Files.createDirectories(tmp.resolve("ro"));
    rw = Files.createDirectories(tmp.resolve("rw"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(ro.resolve("data.txt"), "hello\n");
    Files.writeString(outside.resolve("secret.txt"), "secret\n");
  }

  private Policy.Builder base() {
    return Policy.builder(Abi.V7).systemRuntime().compat(CompatLevel.HARD_REQUIREMENT);
  }

  @Test
  void detectedAbi_isSeven_withAllErrataFixed() {
    KernelSupport k = Landlock.kernelSupport();
    assertThat(k.abiVersion()).isEqualTo(7);
    assertThat(k.erratumFixed(1)).isTrue();
    assertThat(k.abi()).contains(Abi.V7);
  }

  @Test
  void writeOutsideAllowedDirs_isDenied() throws Exception {
    var r = RealLandlock.sh(base().readWrite(rw).build(), "echo x > " + outside + "/new.txt");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("Permission denied");
    assertThat(outside.resolve("new.txt")).doesNotExist();
  }

  @Test
  void writeInsideReadWriteDir_works() throws Exception {
    var r = RealLandlock.sh(base().readWrite(rw).build(), "echo x > " + rw + "/new.txt");
    assertThat(r.ok()).as(r.err()).isTrue();
    assertThat(rw.resolve("new.txt")).hasContent("x");
  }

  @Test
  void readAllowed_butNotElsewhere() throws Exception {
    Policy p = base().readOnly(ro).build();
    assertThat(RealLandlock.sh(p, "cat " + ro + "/data.txt").out()).isEqualTo("hello\n");
    var denied = RealLandlock.sh(p, "cat " + outside + "/secret.txt");
    assertThat(denied.exit()).isNotZero();
    assertThat(denied.err()).contains("Permission denied");
    assertThat(RealLandlock.sh(p, "echo y >> " + ro + "/data.txt").exit()).isNotZero();
  }

  @Test
  void execute_onlyWhereAllowed() throws Exception {
    Path rox = Files.createDirectories(tmp.resolve("rox"));
    Files.copy(Path.of("/bin/true"), ro.resolve("t"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Path.of("/bin/true"), rox.resolve("t"), StandardCopyOption.COPY_ATTRIBUTES);
    Policy p = base().readOnly(ro).readExecute(rox).build();
    assertThat(RealLandlock.sh(p, rox + "/t").exit()).isZero();
    var denied = RealLandlock.sh(p, ro + "/t");
    assertThat(denied.exit()).isEqualTo(126);
    assertThat(denied.err()).contains("Permission denied");
  }

  @Test
  void linkAndRenameAcrossDirectories_needRefer() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(a.resolve("f"), "f");
    Files.writeString(a.resolve("g"), "g");
    EnumSet<AccessFs> noRefer = EnumSet.copyOf(AccessFs.readWrite(Abi.V7));
    noRefer.remove(AccessFs.REFER);
    String script =
        "ln %1$s/f %2$s/f || exit 3; perl -e 'rename($ARGV[0], $ARGV[1]) or die \"$!\\n\"' %1$s/g %2$s/g"
            .formatted(a, b);
    var without = RealLandlock.sh(base().allow(a, noRefer).allow(b, noRefer).build(), script);
    assertThat(without.exit()).isEqualTo(3);
    assertThat(without.err()).contains("Invalid cross-device link");
    var with = RealLandlock.sh(base().readWrite(a, b).build(), script);
    assertThat(with.ok()).as(with.err()).isTrue();
    assertThat(b.resolve("f")).exists();
    assertThat(b.resolve("g")).exists();
    var within = RealLandlock.sh(base().allow(a, noRefer).build(), "ln " + a + "/f " + a + "/h");
    assertThat(within.ok()).as("same-directory link needs no REFER: " + within.err()).isTrue();
  }

  @Test
  void truncate_needsTruncateRight() throws Exception {
    Files.writeString(rw.resolve("log"), "old\n");
    EnumSet<AccessFs> noTrunc = EnumSet.copyOf(AccessFs.readWrite(Abi.V7));
    noTrunc.remove(AccessFs.TRUNCATE);
    Policy p = base().allow(rw, noTrunc).build();
    assertThat(RealLandlock.sh(p, "echo more >> " + rw + "/log").ok()).isTrue();
    var trunc = RealLandlock.sh(p, "echo new > " + rw + "/log");
    assertThat(trunc.exit()).isNotZero();
    assertThat(RealLandlock.sh(p, "truncate -s 0 " + rw + "/log").exit()).isNotZero();
    assertThat(rw.resolve("log")).hasContent("old\nmore");
    assertThat(RealLandlock.sh(base().readWrite(rw).build(), "echo new > " + rw + "/log").ok())
        .isTrue();
    assertThat(rw.resolve("log")).hasContent("new");
  }

  @Test
  void fileRule_isMaskedToFileRights() throws Exception {
    Path file = rw.resolve("one.txt");
    Files.writeString(file, "1");
    // readWrite includes directory-only rights; on a file they are masked, not EINVAL.
    var r = RealLandlock.sh(base().readWrite(file).build(), "echo 2 > " + file);
    assertThat(r.ok()).as(r.err()).isTrue();
    assertThat(RealLandlock.sh(base().readWrite(file).build(), "echo 3 > " + rw + "/two").exit())
        .isNotZero();
  }
}
