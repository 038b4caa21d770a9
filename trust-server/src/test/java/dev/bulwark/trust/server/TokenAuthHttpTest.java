package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.server.config.AuthConfig;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With token auth, anonymous requests get 401, the realm challenge and Notary's error body. */
class TokenAuthHttpTest {
  @TempDir Path dir;

  @Test
  void anonymousRequests_areRefusedWithTheChallenge_healthStaysOpen() throws Exception {
    TlsMaterial signer = Certs.generate(dir.resolve("signer"));
    String mem = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig cfg =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withStorage(new StorageConfig(mem, dir, 2))
            .withAuth(
                new AuthConfig("https://auth.example/token", "notary", "auth", signer.leafCert()));
    try (TrustServer server = TrustServer.start(cfg)) {
      HttpClient http = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + server.port());
      HttpResponse<String> ping =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v2/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ping.statusCode()).isEqualTo(401);
      assertThat(ping.headers().firstValue("WWW-Authenticate"))
          .hasValue(
              "Bearer realm=\"https://auth.example/token\",service=\"notary\","
                  + "scope=\"registry:catalog:*\"");
      HttpResponse<String> get =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v2/docker.io/org/app/_trust/tuf/root.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(401);
      assertThat(get.body())
          .contains("\"code\":\"UNAUTHORIZED\"")
          .contains("\"Name\":\"docker.io/org/app\"")
          .contains("\"Action\":\"pull\"");
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(base.resolve("/_notary_server/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }
}
