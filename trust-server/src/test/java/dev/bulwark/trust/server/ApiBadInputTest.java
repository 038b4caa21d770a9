package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad and hostile input gets Notary's error and stores nothing (in-process, in-memory H2). */
class ApiBadInputTest {
  private static final String GUN = "example.com/org/app";
  @TempDir Path dir;
  private TrustServer server;
  private HttpClient http;
  private URI base;
  private TestPublisher pub;

  @BeforeEach
  void start() throws Exception {
    String mem = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig cfg =
        ServerConfig.defaults(dir)
            .withPort(0)
            .withMaxBodyBytes(64 * 1024)
            .withStorage(new StorageConfig(mem, dir, 4));
    server = TrustServer.start(cfg);
    http = HttpClient.newHttpClient();
    base = URI.create("http://127.0.0.1:" + server.port());
    pub = TestPublisher.createPlain(http, base, GUN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postRaw(String contentType, byte[] body) throws Exception {
    return send(
        HttpRequest.newBuilder(pub.url(""))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private int changes() throws Exception {
    String body =
        send(HttpRequest.newBuilder(base.resolve("/v2/_trust/changefeed?records=100"))).body();
    return Integer.parseInt(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
  }

  @Test
  void truncatedMultipart_isMalformedUpload_andStoresNothing() throws Exception {
    HttpResponse<String> r =
        postRaw(
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"root\"\r\n\r\n{"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"MALFORMED_UPLOAD\"");
    assertThat(changes()).isZero();
  }

  @Test
  void undecodableJson_isMalformedJson() throws Exception {
    HttpResponse<String> r = pub.post(Map.of("root", "{not json".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"MALFORMED_JSON\"");
    assertThat(changes()).isZero();
  }

  @Test
  void invalidRoleName_isInvalidRole() throws Exception {
    HttpResponse<String> r = pub.post(Map.of("bogus", "{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"INVALID_ROLE\"").contains("\"detail\":\"bogus\"");
  }

  @Test
  void oversizedBody_isRefusedWith413() throws Exception {
    HttpResponse<String> r = pub.post(Map.of("root", new byte[100 * 1024]));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("\"code\":\"TOO_LARGE\"");
    assertThat(changes()).isZero();
  }

  @Test
  void updateWithoutAnyRoot_isErrValidation() throws Exception {
    HttpResponse<String> r = pub.post(Map.of("targets", pub.targetsSignedBy(1, pub.targetsKey())));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("INVALID_UPDATE").contains("ErrValidation");
  }

  @Test
  void targetsSignedByAnUnlistedKey_isErrBadTargets_andStoresNothing() throws Exception {
    pub.init();
    int before = changes();
    SigningKey attacker = SigningKey.generate(Dialect.NOTARY, KeyAlgorithm.ECDSA_P256);
    HttpResponse<String> r = pub.post(Map.of("targets", pub.targetsSignedBy(2, attacker)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("ErrBadTargets");
    assertThat(changes()).isEqualTo(before);
    assertThat(pub.currentTargets().signed().version()).isEqualTo(1);
  }

  @Test
  void rollbackOfTargetsVersion_isVersion() throws Exception {
    pub.init();
    assertThat(pub.publish("a").statusCode()).isEqualTo(200);
    HttpResponse<String> r = pub.post(Map.of("targets", pub.targetsSignedBy(2, pub.targetsKey())));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"VERSION\"");
    assertThat(pub.currentTargets().signed().targets()).containsKey("a");
  }

  @Test
  void rootRotationNotSignedByThePreviousRoot_isErrBadRoot() throws Exception {
    pub.init();
    TestPublisher attacker = TestPublisher.createPlain(http, base, GUN);
    HttpResponse<String> r = attacker.post(Map.of("root", attacker.rootV(2)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("ErrBadRoot");
  }

  @Test
  void rootWithTheCurrentVersionButOtherContent_isVersion_likeNotaryServer() throws Exception {
    pub.init();
    int before = changes();
    HttpResponse<String> r = pub.post(Map.of("root", pub.rootV(1)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"VERSION\"");
    assertThat(changes()).isEqualTo(before);
  }

  @Test
  void headAndUnknownRoutes_are404WithoutDetail() throws Exception {
    HttpResponse<String> head =
        send(
            HttpRequest.newBuilder(pub.url("root.json"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(404);
    HttpResponse<String> other = send(HttpRequest.newBuilder(pub.url("root.key")));
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body())
        .isEqualTo(
            "{\"errors\":[{\"code\":\"METADATA_NOT_FOUND\",\"message\":"
                + "\"You have requested metadata that does not exist.\"}]}");
  }

  @Test
  void missingMetadata_is404WithEmptyDetail() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(pub.url("root.json")));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"detail\":{}");
  }

  @Test
  void changefeedWithoutRecords_isInvalidParameters() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/v2/_trust/changefeed")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("INVALID_PARAMETERS");
  }

  @Test
  void publishedMetadata_isServedWithNotaryHeaders_andByChecksumAndVersion() throws Exception {
    pub.init();
    HttpResponse<String> root = send(HttpRequest.newBuilder(pub.url("root.json")));
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(root.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=300, s-maxage=300, must-revalidate");
    String sha =
        dev.bulwark.trust.core.crypto.Digests.sha256Hex(
            root.body().getBytes(StandardCharsets.UTF_8));
    assertThat(send(HttpRequest.newBuilder(pub.url("root." + sha + ".json"))).body())
        .isEqualTo(root.body());
    assertThat(
            send(HttpRequest.newBuilder(
                    pub.url("root." + sha.toUpperCase(java.util.Locale.ROOT) + ".json")))
                .statusCode())
        .isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(pub.url("1.root.json"))).body()).isEqualTo(root.body());
    assertThat(send(HttpRequest.newBuilder(pub.url("0.root.json"))).statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(base.resolve("/metrics"))).body())
        .contains("bulwark_http_requests_total");
  }

  @Test
  void gunOutsideTheAllowList_isInvalidGun() throws Exception {
    server.close();
    String mem = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    server =
        TrustServer.start(
            ServerConfig.defaults(dir)
                .withPort(0)
                .withStorage(new StorageConfig(mem, dir, 2))
                .withGunPrefixes(java.util.List.of("docker.io/allowed/")));
    base = URI.create("http://127.0.0.1:" + server.port());
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(base.resolve("/v2/docker.io/other/app/_trust/tuf/root.json")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("INVALID_GUN");
  }
}
