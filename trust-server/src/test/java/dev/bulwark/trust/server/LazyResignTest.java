package dev.bulwark.trust.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Snapshot;
import dev.bulwark.trust.core.model.Timestamp;
import dev.bulwark.trust.server.config.ServerConfig;
import dev.bulwark.trust.server.config.StorageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An expired timestamp (and expired server-held snapshot) is re-signed on the next GET. */
class LazyResignTest {
  @TempDir Path dir;

  @Test
  void expiredTimestampAndSnapshot_areResignedOnRead() throws Exception {
    MutableClock clock = new MutableClock();
    String mem = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig cfg =
        ServerConfig.defaults(dir).withPort(0).withStorage(new StorageConfig(mem, dir, 2));
    try (TrustServer server = TrustServer.start(cfg, clock)) {
      HttpClient http = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + server.port());
      TestPublisher pub = TestPublisher.createPlain(http, base, "example.com/app");
      pub.init();
      Timestamp first = timestamp(http, pub);
      assertThat(timestamp(http, pub).version()).isEqualTo(first.version());

      clock.advance(Duration.ofDays(15));
      Timestamp second = timestamp(http, pub);
      assertThat(second.version()).isEqualTo(first.version() + 1);
      assertThat(second.expires()).isAfter(clock.instant());

      Snapshot before = snapshot(http, pub);
      clock.advance(Duration.ofDays(3 * 365 + 1));
      Timestamp third = timestamp(http, pub);
      Snapshot after = snapshot(http, pub);
      assertThat(third.version()).isEqualTo(second.version() + 1);
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.expires()).isAfter(clock.instant());
      assertThat(server.metrics().eventCount("timestamp_resigned")).isEqualTo(2);
    }
  }

  private static Timestamp timestamp(HttpClient http, TestPublisher pub) throws Exception {
    byte[] b = get(http, pub.url("timestamp.json"));
    return Metadata.parseTimestamp(Dialect.NOTARY, b).signed();
  }

  private static Snapshot snapshot(HttpClient http, TestPublisher pub) throws Exception {
    return Metadata.parseSnapshot(Dialect.NOTARY, get(http, pub.url("snapshot.json"))).signed();
  }

  private static byte[] get(HttpClient http, URI u) throws Exception {
    HttpResponse<byte[]> r =
        http.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
