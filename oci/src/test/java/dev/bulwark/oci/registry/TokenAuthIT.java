package dev.bulwark.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.oci.Descriptor;
import dev.bulwark.oci.Image;
import dev.bulwark.oci.ImageReference;
import dev.bulwark.oci.PinnedRef;
import dev.bulwark.oci.Platform;
import dev.bulwark.oci.RegistryException;
import dev.bulwark.oci.layout.LayerTarBuilder;
import dev.bulwark.oci.layout.OciImageWriter;
import dev.bulwark.oci.layout.OciLayout;
import dev.bulwark.testkit.registry.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bearer token flow against the real docker-registry in {@code auth: token} mode. */
class TokenAuthIT {
  @TempDir Path tmp;

  @Test
  void pushAndPull_withTokensFromTheRealm_usingBasicCredentials() throws Exception {
    try (TokenIssuer issuer = new TokenIssuer();
        LocalRegistry registry =
            LocalRegistry.start(
                issuer.registryConfig(Files.createDirectories(tmp.resolve("ca"))))) {
      RegistryClient client =
          RegistryClient.builder()
              .credentials(Credentials.of(registry.host(), new BasicCredentials("alice", "secret")))
              .build();
      OciLayout src = OciLayout.open(tmp.resolve("src"));
      Descriptor m =
          OciImageWriter.into(src)
              .layer(
                  new LayerTarBuilder()
                      .file("f", 0644, "x".getBytes(StandardCharsets.UTF_8))
                      .build())
              .cmd("/f")
              .writeManifest();
      ImageReference ref = ImageReference.parse(registry.host() + "/demo/private:1");
      client.push(src, m, ref);
      Image image =
          client.pull(
              new PinnedRef(ref, m.digest()),
              Platform.LINUX_AMD64,
              OciLayout.open(tmp.resolve("cache")));
      assertThat(image.config().cmd()).containsExactly("/f");
      assertThat(issuer.authorizations)
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a).startsWith("Basic "));

      RegistryClient anonymous = RegistryClient.builder().build();
      assertThatThrownBy(() -> anonymous.resolveTagUnverified(ref))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("token service")
          .hasMessageContaining("401");
    }
  }
}
