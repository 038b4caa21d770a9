package dev.bulwark.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bulwark demo} once and checks every part of it. */
class DemoCommandTest {
  @TempDir static Path dir;
  private static final StringWriter OUT = new StringWriter();
  private static int code;

  @BeforeAll
  static void runDemo() {
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(OUT, true));
    code = cl.execute("demo", "--dir", dir.toString());
  }

  @Test
  void demo_verifiesTheGoodRepository_andRefusesEveryTampering() {
    assertThat(code).as(OUT.toString()).isZero();
    assertThat(OUT.toString())
        .contains("verified and downloaded hello.txt")
        .contains("Result: 4/4 tamperings refused");
    assertThat(dir.resolve("client/downloads/hello.txt")).exists();
    assertThat(Files.exists(dir.resolve("client2/downloads/hello.txt"))).isFalse();
    assertThat(Files.exists(dir.resolve("client3/metadata/targets.json"))).isFalse();
  }

  @Test
  void demo_buildsTarAndKernelInitrd_fromTufVerifiedImages() throws Exception {
    for (String f : new String[] {"demo.tar", "demo-kernel", "demo-initrd.img", "demo-cmdline"}) {
      assertThat(dir.resolve("out").resolve(f)).as(f + "\n" + OUT).isNotEmptyFile();
    }
    assertThat(Files.readString(dir.resolve("demo.yml"))).contains("trust:");
    assertThat(OUT.toString())
        .contains("verified " + DemoImages.KERNEL)
        .contains("verified " + DemoImages.INIT)
        .contains("verified " + DemoImages.HELLO)
        .contains("via tuf role targets");
  }

  @Test
  void demo_tamperedAndUnsignedImages_areRefused_withNoOutput() {
    assertThat(dir.resolve("out-tampered")).doesNotExist();
    assertThat(dir.resolve("out-unsigned")).doesNotExist();
    assertThat(OUT.toString())
        .contains("build refused: " + DemoImages.KERNEL + ": pull of sha256:")
        .contains("build refused: localhost:5000/demo/hello:v2: not signed");
  }
}
