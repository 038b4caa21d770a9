package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A confined launch changes nothing for the rest of the JVM. */
class JvmIsolationIT {
  @TempDir Path tmp;

  @BeforeAll
  static void kernel() {
    RealLandlock.requireExpectedAbi();
  }

  @Test
  void afterConfinedLaunch_otherThreadsStillWriteWhereThePolicyForbids() throws Exception {
    Path rw = Files.createDirectories(tmp.resolve("rw"));
    Path forbidden = Files.createDirectories(tmp.resolve("forbidden"));
    Policy p = Policy.builder(Abi.V7).systemRuntime().readWrite(rw).build();
    try (SandboxLauncher launcher = Sandbox.launcher(p)) {
      var child =
          RealLandlock.finish(
              launcher.start(Command.of("/bin/sh", "-c", "echo x > " + forbidden + "/c")));
      assertThat(child.exit()).isNotZero();
      Files.writeString(forbidden.resolve("main"), "main thread");
      Thread other = Thread.ofPlatform().start(() -> write(forbidden.resolve("platform")));
      other.join();
      try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
        vt.submit(() -> write(forbidden.resolve("virtual"))).get();
      }
      CompletableFuture.runAsync(() -> write(forbidden.resolve("pool"))).get();
    }
    assertThat(forbidden.resolve("main")).exists();
    assertThat(forbidden.resolve("platform")).exists();
    assertThat(forbidden.resolve("virtual")).exists();
    assertThat(forbidden.resolve("pool")).exists();
    assertThat(forbidden.resolve("c")).doesNotExist();
  }

  private static void write(Path p) {
    try {
      Files.writeString(p, Thread.currentThread().toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void onlyTheLauncherThreadHasNoNewPrivs() throws Exception {
    Policy p = Policy.builder(Abi.V7).systemRuntime().build();
    try (SandboxLauncher launcher = Sandbox.launcher(p)) {
      RealLandlock.finish(launcher.start(Command.of("/bin/true")));
      List<String> confined = new ArrayList<>();
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path t : tasks.toList()) {
          String status;
          try {
            status = Files.readString(t.resolve("status"));
          } catch (IOException gone) {
            continue;
          }
          if (status.contains("NoNewPrivs:\t1")) {
            confined.add(status.lines().findFirst().orElse(""));
          }
        }
      }
      assertThat(confined)
          .allMatch(name -> name.contains("bulwark-sandbo") || name.contains("process reaper"));
      assertThat(confined).anyMatch(name -> name.contains("bulwark-sandbo"));
    }
    Path mine = Path.of("/proc/thread-self/status");
    assertThat(Files.readString(mine)).contains("NoNewPrivs:\t0");
  }

  @Test
  void restrictingAVirtualThread_isRefused() throws Exception {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (RulesetCreated rs = Policy.builder(Abi.V7).build().createRuleset()) {
                rs.restrictSelf(java.util.Set.of());
              } catch (Throwable t) {
                seen.set(t);
              }
            })
        .join();
    assertThat(seen.get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("virtual thread");
  }

  @Test
  void spawnHelper_isAllowedAutomatically_evenWithANarrowPolicy() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.copy(Path.of("/bin/true"), bin.resolve("true"));
    bin.resolve("true").toFile().setExecutable(true);
    // Only the program's directory: no $JAVA_HOME, no /usr. The JDK's jspawnhelper, the loader
    // and libc are added by the library.
    Policy p = Policy.builder(Abi.V7).readExecute(bin).build();
    var r = RealLandlock.finish(Sandbox.start(p, List.of(bin.resolve("true").toString())));
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void programWithoutExecuteRight_failsToStart() {
    Policy p = Policy.builder(Abi.V7).readOnly(Path.of("/usr"), Path.of("/bin")).build();
    assertThatThrownBy(() -> Sandbox.start(p, List.of("/bin/true")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("error: 13");
  }

  @Test
  void inheritedDescriptors_areClosedInTheChild() throws Exception {
    Path outside = Files.writeString(tmp.resolve("open-in-jvm.txt"), "jvm");
    try (var held = Files.newInputStream(outside)) {
      Policy p = Policy.builder(Abi.V7).systemRuntime().build();
      var r = RealLandlock.finish(Sandbox.start(p, Command.of("/bin/ls", "/proc/self/fd")));
      // ls's own directory descriptor is the only one above the standard three.
      assertThat(r.out().lines().toList()).as(r.err()).containsExactly("0", "1", "2", "3");
      assertThat(held.read()).isEqualTo('j');
    }
  }

  @Test
  void environment_isEmptyUnlessPassed() throws Exception {
    Policy p = Policy.builder(Abi.V7).systemRuntime().build();
    var r = RealLandlock.finish(Sandbox.start(p, Command.of("/usr/bin/env").env("ONLY", "this")));
    assertThat(r.out()).isEqualTo("ONLY=this\n");
  }
}
