package dev.bulwark.trust.server;

import dev.bulwark.trust.server.config.ConfigLoader;
import dev.bulwark.trust.server.config.ServerConfig;
import java.nio.file.Path;

/**
 * Test-only entry point to run the server as a separate process (kill -9 and two-process tests):
 * {@code java -cp <test classpath> dev.bulwark.trust.server.ServerMain config.yml}. Prints {@code
 * PORT <n>} once serving.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    ServerConfig cfg = ConfigLoader.load(Path.of(args[0]));
    TrustServer server = TrustServer.start(cfg);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
