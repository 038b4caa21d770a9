package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.notary.NotaryServerProcess;
import dev.bulwark.testkit.notary.Storage;
import dev.bulwark.trust.client.notary.Gun;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log} and {@code prune} against the real Debian notary-server (+ notary-signer): its
 * changefeed gives the times; the real notary client then sees the pruned collection.
 */
class PruneNotaryIT extends PruneScenario {
  @TempDir static Path tmp;
  static NotaryServerProcess server;

  @BeforeAll
  static void start() {
    server = NotaryServerProcess.start(tmp.resolve("server"), Storage.memory());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  URI serverUrl() {
    return server.url();
  }

  @Override
  Path caCert() {
    return server.caCert();
  }

  @Override
  Path tmp() {
    return tmp;
  }

  @Override
  void afterPrune(Gun gun, Path trustDir) {
    String list = server.client(tmp.resolve("real-bob")).runOk("list", gun.name()).stdout();
    assertThat(list).contains("newest").doesNotContain("keep").doesNotContain("changed");
  }
}
