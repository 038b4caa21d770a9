package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.ImageFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path tmp;

  @Test
  void readsDockerConfigAuths() throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString("bob:pa:ss".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path f = tmp.resolve("config.json");
    Files.writeString(
        f,
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
            + auth
            + "\"},"
            + "\"localhost:5000\":{\"username\":\"u\",\"password\":\"p\"},"
            + "\"ghcr.io\":{}}}");
    Credentials c = Credentials.fromDockerConfig(f);
    assertThat(c.forRegistry("docker.io")).contains(new BasicCredentials("bob", "pa:ss"));
    assertThat(c.forRegistry("localhost:5000")).contains(new BasicCredentials("u", "p"));
    assertThat(c.forRegistry("ghcr.io")).isEmpty();
    assertThat(c.forRegistry("evil.example")).isEmpty();
  }

  @Test
  void malformedAuth_isRefused() throws Exception {
    Path f = tmp.resolve("config.json");
    Files.writeString(f, "{\"auths\":{\"x\":{\"auth\":\"!!notbase64\"}}}");
    assertThatThrownBy(() -> Credentials.fromDockerConfig(f))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void passwordNeverAppearsInToString() {
    assertThat(new BasicCredentials("alice", "hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void loopbackRegistriesUsePlainHttp() {
    RegistryClient c = RegistryClient.builder().build();
    assertThat(c.origin("localhost:5000").toString()).isEqualTo("http://localhost:5000");
    assertThat(c.origin("127.0.0.1:5000").getScheme()).isEqualTo("http");
    assertThat(c.origin("[::1]:5000").getScheme()).isEqualTo("http");
    assertThat(c.origin("ghcr.io").toString()).isEqualTo("https://ghcr.io");
    assertThat(c.origin("docker.io").toString()).isEqualTo("https://registry-1.docker.io");
    assertThat(c.origin("localhost.evil.com").getScheme()).isEqualTo("https");
  }
}
