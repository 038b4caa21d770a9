package dev.bulwark.cli.server;

import dev.bulwark.cli.ExitCodes;
import dev.bulwark.trust.server.JsonLogFormatter;
import dev.bulwark.trust.server.TrustServer;
import dev.bulwark.trust.server.config.ConfigLoader;
import dev.bulwark.trust.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Run the private trust server (Notary v1 API). */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run the private trust server: the Notary v1 HTTP API (the real notary and docker trust"
          + " clients work against it), server-held timestamp/snapshot keys encrypted at rest,"
          + " H2 (embedded default) or PostgreSQL storage.",
      "Without --config it serves plain HTTP on 127.0.0.1:4443 with an H2 database under"
          + " ./bulwark-data; use a config file for TLS, PostgreSQL, token auth and limits."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark server --config server.yml",
      "  bulwark server --data-dir /var/lib/bulwark --port 4443",
      "",
      "Config keys and defaults: docs/server.md. SIGTERM/Ctrl-C stops gracefully."
    })
public final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML config file (see docs/server.md)")
  Path config;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Override the listen port (0 = any free port)")
  Integer port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory of the embedded H2 database when no config file is given"
              + " (default ./bulwark-data)")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    ServerConfig cfg;
    String level = "info";
    if (config != null) {
      cfg = ConfigLoader.load(config);
      level = ConfigLoader.logLevel(Files.readString(config));
    } else {
      cfg = ServerConfig.defaults(dataDir != null ? dataDir : Path.of("bulwark-data"));
    }
    if (port != null) {
      cfg = cfg.withPort(port);
    }
    JsonLogFormatter.install(level);
    TrustServer server = TrustServer.start(cfg);
    spec.commandLine()
        .getOut()
        .printf("bulwark server listening on %s:%d%n", cfg.host(), server.port());
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return ExitCodes.OK;
  }
}
