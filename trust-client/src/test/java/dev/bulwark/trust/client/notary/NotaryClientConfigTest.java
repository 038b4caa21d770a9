package dev.bulwark.trust.client.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.error.MalformedMetadataException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotaryClientConfigTest {
  @TempDir Path dir;

  @Test
  void readsTheRealClientsConfigShape_resolvingRelativePathsAgainstTheFile() throws Exception {
    Path f =
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"trust_dir":"trust","remote_server":{"url":"https://127.0.0.1:4443","root_ca":"ca.crt",
             "tls_client_cert":"/abs/c.crt","tls_client_key":"c.key","skipTLSVerify":false},
             "trust_pinning":{"certs":{"localhost:5000/linuxkit/*":["70a8"]},
               "ca":{"localhost:5000/":"pin-ca.crt"},"disable_tofu":true}}
            """);
    NotaryClientConfig c = NotaryClientConfig.read(f);

    assertThat(c.trustDir()).contains(dir.resolve("trust"));
    assertThat(c.server()).contains(URI.create("https://127.0.0.1:4443"));
    assertThat(c.rootCa()).contains(dir.resolve("ca.crt"));
    assertThat(c.clientCert()).contains(Path.of("/abs/c.crt"));
    assertThat(c.clientKey()).contains(dir.resolve("c.key"));
    assertThat(c.pinning().pinnedCertIds(new Gun("localhost:5000/linuxkit/busybox")))
        .contains(List.of("70a8"));
    assertThat(c.pinning().pinnedCa(new Gun("localhost:5000/x")))
        .contains(dir.resolve("pin-ca.crt"));
    assertThat(c.pinning().disableTofu()).isTrue();
  }

  @Test
  void tildeInTrustDir_isTheHomeDirectory() throws Exception {
    Path f = Files.writeString(dir.resolve("c.json"), "{\"trust_dir\":\"~/.notary\"}");
    assertThat(NotaryClientConfig.read(f).trustDir())
        .contains(Path.of(System.getProperty("user.home"), ".notary"));
  }

  @Test
  void pinnedCertsThatAreNotAList_areRefusedNamingTheField() throws Exception {
    Path f =
        Files.writeString(dir.resolve("c.json"), "{\"trust_pinning\":{\"certs\":{\"a/b\":\"x\"}}}");
    assertThatThrownBy(() -> NotaryClientConfig.read(f))
        .isInstanceOf(MalformedMetadataException.class)
        .hasMessageContaining("trust_pinning.certs.a/b");
  }
}
