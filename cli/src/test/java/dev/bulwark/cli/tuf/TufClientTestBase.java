package dev.bulwark.cli.tuf;

import dev.bulwark.cli.Main;
import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.testkit.tuf.SimulatorHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated TUF repository served over loopback HTTP, and {@code bulwark} run in-process against
 * it (stderr kept in {@link #err}).
 */
abstract class TufClientTestBase {
  @TempDir Path dir;
  RepositorySimulator repo;
  SimulatorHttpServer server;
  final StringWriter err = new StringWriter();

  @BeforeEach
  void startRepository() {
    repo = new RepositorySimulator(Clock.systemUTC());
    server = new SimulatorHttpServer(repo);
  }

  @AfterEach
  void stopRepository() {
    server.close();
  }

  int run(String... args) {
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }
}
