package dev.bulwark.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void demo_verifiesTheGoodRepository_andRefusesBothTamperings(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute("demo", "--dir", dir.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("verified and downloaded hello.txt")
        .contains("Result: 2/2 tamperings refused");
    assertThat(dir.resolve("client/downloads/hello.txt")).exists();
    assertThat(Files.exists(dir.resolve("client2/downloads/hello.txt"))).isFalse();
    assertThat(Files.exists(dir.resolve("client3/metadata/targets.json"))).isFalse();
  }
}
