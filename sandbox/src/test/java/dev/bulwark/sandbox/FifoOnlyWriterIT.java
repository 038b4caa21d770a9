package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2017 Landlock example "this application cannot write to files, but can write to FIFOs", as
 * close as mainline Landlock gets: there is no file-type predicate, so the policy grants write on
 * named FIFOs (and {@code /dev/null}) one by one, plus a FIFO drop directory that starts empty
 * where only FIFOs may be created. See docs/sandbox.md for the limits.
 */
class FifoOnlyWriterIT {
  @TempDir Path tmp;
  Path data;
  Path drop;
  Path namedFifo;
  Policy policy;

  @BeforeAll
  static void kernel() {
    RealLandlock.requireExpectedAbi();
  }

  /** The documented policy, as library code. */
  static Policy fifoOnlyWriter(Path data, Path drop, Path... fifos) {
    Set<AccessFs> fifoDir =
        EnumSet.of(
            AccessFs.MAKE_FIFO,
            AccessFs.REMOVE_FILE,
            AccessFs.WRITE_FILE,
            AccessFs.READ_FILE,
            AccessFs.READ_DIR);
    Policy.Builder b =
        Policy.builder(Abi.V7)
            .compat(CompatLevel.HARD_REQUIREMENT)
            .readExecute(Path.of("/usr"), Path.of("/bin"), Path.of("/lib"), Path.of("/lib64"))
            .readOnly(Path.of("/etc"), data)
            .allow(Path.of("/dev/null"), EnumSet.of(AccessFs.READ_FILE, AccessFs.WRITE_FILE))
            .allow(drop, fifoDir);
    for (Path f : fifos) {
      b.allow(f, EnumSet.of(AccessFs.READ_FILE, AccessFs.WRITE_FILE));
    }
    return b.build();
  }

  @BeforeEach
  void setUp() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    drop = Files.createDirectories(tmp.resolve("drop"));
    Files.writeString(data.resolve("notes.txt"), "notes\n");
    namedFifo = data.resolve("named.fifo");
    assertThat(new ProcessBuilder("mkfifo", namedFifo.toString()).start().waitFor()).isZero();
    policy = fifoOnlyWriter(data, drop, namedFifo);
  }

  @Test
  void writingAnExistingNamedFifo_works() throws Exception {
    var r =
        RealLandlock.sh(policy, "cat %1$s & echo through-fifo > %1$s; wait".formatted(namedFifo));
    assertThat(r.out()).as(r.err()).isEqualTo("through-fifo\n");
  }

  @Test
  void creatingAndWritingAFifoInTheDropDir_works() throws Exception {
    var r =
        RealLandlock.sh(
            policy,
            "mkfifo %1$s/p && { cat %1$s/p & echo new-fifo > %1$s/p; wait; }".formatted(drop));
    assertThat(r.out()).as(r.err()).isEqualTo("new-fifo\n");
  }

  @Test
  void writingCharacterDeviceDevNull_works() throws Exception {
    assertThat(RealLandlock.sh(policy, "echo discard > /dev/null").ok()).isTrue();
  }

  @Test
  void writingRegularFiles_isDeniedEverywhere() throws Exception {
    assertThat(RealLandlock.sh(policy, "echo x >> " + data + "/notes.txt").exit()).isNotZero();
    assertThat(RealLandlock.sh(policy, "echo x > " + drop + "/new.txt").exit()).isNotZero();
    assertThat(RealLandlock.sh(policy, "echo x > " + tmp + "/new.txt").exit()).isNotZero();
    assertThat(drop.resolve("new.txt")).doesNotExist();
    assertThat(data.resolve("notes.txt")).hasContent("notes");
  }

  @Test
  void fifosOutsideTheDropDir_andOtherFileTypes_cannotBeCreated() throws Exception {
    assertThat(RealLandlock.sh(policy, "mkfifo " + data + "/p2").exit()).isNotZero();
    assertThat(RealLandlock.sh(policy, "ln -s /etc/passwd " + drop + "/s").exit()).isNotZero();
    assertThat(RealLandlock.sh(policy, "mkdir " + drop + "/d").exit()).isNotZero();
    assertThat(RealLandlock.sh(policy, "ln " + data + "/notes.txt " + drop + "/h").exit())
        .isNotZero();
  }

  @Test
  void knownLimit_aRegularFileAlreadyInTheDropDir_isWritable() throws Exception {
    // WRITE_FILE is granted per directory, not per file type: the drop dir must start empty and
    // no one else may put regular files there.
    // TRUNCATE is not granted, so only appending (no O_TRUNC) gets through.
    Files.writeString(drop.resolve("planted.txt"), "");
    assertThat(RealLandlock.sh(policy, "echo x >> " + drop + "/planted.txt").ok()).isTrue();
    assertThat(RealLandlock.sh(policy, "echo y > " + drop + "/planted.txt").exit()).isNotZero();
    assertThat(drop.resolve("planted.txt")).hasContent("x");
  }
}
