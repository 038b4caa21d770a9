package dev.bulwark.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.trust.BulwarkServer.Db;
import dev.bulwark.cli.trust.TrustCli.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input against Bulwark's own server: a wrong passphrase, a corrupted key file, a server that
 * is down, and a server that goes down between the read and the upload. Each fails with one clear
 * line, and neither the trust dir nor the metadata on the server changes (compared byte for byte).
 */
class BulwarkServerBadInputIT {
  private static final List<String> ROLES = List.of("root", "targets", "snapshot", "timestamp");

  @TempDir static Path tmp;
  static BulwarkServers servers;

  @BeforeAll
  static void setUp() {
    TrustCli.requirePassphraseEnvironment();
    servers = new BulwarkServers(tmp);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  /** A published collection with one more target staged in the owner's trust dir. */
  private record Staged(BulwarkServer server, String gun, TrustCli owner) {
    Path trustDir() {
      return owner.trustDir();
    }

    Map<String, String> remote() throws Exception {
      return server.remoteMetadata(gun, ROLES);
    }
  }

  private static Staged staged(Db db, String name, String... initFlags) throws Exception {
    BulwarkServer server = servers.get(db);
    String gun = "localhost:5000/bad/" + name + "-" + db.name().toLowerCase(Locale.ROOT);
    TrustCli owner = server.bulwark(tmp.resolve(db + "-" + name));
    List<String> init = new ArrayList<>(List.of("init"));
    init.addAll(List.of(initFlags));
    init.add(gun);
    owner.runOk(init.toArray(String[]::new));
    owner.runOk("add", gun, "v1", "--sha256", "11".repeat(32), "--size", "1");
    owner.runOk("publish", gun);
    owner.runOk("list", gun); // the cache is current: a later read changes nothing in it
    owner.runOk("add", gun, "v2", "--sha256", "22".repeat(32), "--size", "2");
    return new Staged(server, gun, owner);
  }

  @Test
  void wrongPassphrase_oneClearLine_nothingChanges() throws Exception {
    Staged s = staged(Db.H2, "passphrase", "--server-snapshot");
    Map<String, String> dirBefore = files(s.trustDir());
    Map<String, String> remoteBefore = s.remote();

    Run r =
        bulwarkProcess(
            Map.of("BULWARK_TARGETS_PASSPHRASE", "not-the-passphrase"),
            "trust",
            "-s",
            s.server().url().toString(),
            "--tlscacert",
            s.server().caCert().toString(),
            "-d",
            s.trustDir().toString(),
            "-c",
            TrustCli.emptyConfig(s.trustDir()).toString(),
            "publish",
            s.gun());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains("wrong passphrase for targets key")
        .contains("BULWARK_TARGETS_PASSPHRASE");
    assertUnchanged(s, dirBefore, remoteBefore);
    // With the right passphrase the same staged change publishes.
    s.owner().runOk("publish", s.gun());
    assertThat(s.owner().runOk("list", s.gun()).out()).contains("v2");
  }

  @Test
  void corruptedKeyFile_namesTheFile_nothingChanges() throws Exception {
    Staged s = staged(Db.H2, "corrupt", "--server-snapshot");
    // A corrupted targets key: publishing (signs targets) fails.
    Path targetsKey = onlyKeyFile(s.trustDir(), "targets");
    byte[] goodTargets = corrupt(targetsKey, "targets");
    Map<String, String> dirBefore = files(s.trustDir());
    Map<String, String> remoteBefore = s.remote();
    Run publish = s.owner().run("publish", s.gun());
    assertThat(publish.exit()).isEqualTo(1);
    assertThat(publish.err().strip().lines()).hasSize(1);
    assertThat(publish.err()).contains(targetsKey.toString());
    assertUnchanged(s, dirBefore, remoteBefore);
    Files.write(targetsKey, goodTargets);

    // A corrupted root key: rotating the targets key (a new root signed by it) fails.
    Path rootKey = onlyKeyFile(s.trustDir(), "root");
    byte[] goodRoot = corrupt(rootKey, "root");
    dirBefore = files(s.trustDir());
    Run rotate = s.owner().run("key", "rotate", s.gun(), "targets");
    assertThat(rotate.exit()).isEqualTo(1);
    assertThat(rotate.err().strip().lines()).hasSize(1);
    assertThat(rotate.err()).contains(rootKey.toString());
    assertUnchanged(s, dirBefore, remoteBefore);
    Files.write(rootKey, goodRoot);

    s.owner().runOk("publish", s.gun());
  }

  /** Overwrites a key file with a well-formed PEM whose content is not a key; returns the old. */
  private static byte[] corrupt(Path keyFile, String role) throws IOException {
    byte[] good = Files.readAllBytes(keyFile);
    Files.writeString(
        keyFile,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nrole: "
            + role
            + "\n\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    return good;
  }

  @Test
  void serverDown_oneClearLine_nothingChanges() throws Exception {
    Staged s = staged(Db.H2, "down", "--server-snapshot");
    Map<String, String> dirBefore = files(s.trustDir());
    Map<String, String> remoteBefore = s.remote();
    URI dead = deadAddress();
    TrustCli offline = s.owner().withServer(dead);

    for (List<String> cmd :
        List.of(
            List.of("publish", s.gun()),
            List.of("key", "rotate", s.gun(), "targets"),
            List.of("key", "rotate", s.gun(), "root"),
            List.of("init", s.gun() + "-new"))) {
      Run r = offline.run(cmd.toArray(String[]::new));
      assertThat(r.exit()).as("%s", cmd).isEqualTo(1);
      assertThat(r.err().strip().lines()).as("%s", cmd).hasSize(1);
      assertThat(r.err()).as("%s", cmd).contains("127.0.0.1:" + dead.getPort());
    }
    assertUnchanged(s, dirBefore, remoteBefore);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void serverGoesDownBetweenReadAndUpload_nothingChanges(Db db) throws Exception {
    Staged s = staged(db, "midway");
    Map<String, String> dirBefore = files(s.trustDir());
    Map<String, String> remoteBefore = s.remote();
    String newGun = s.gun() + "-new";
    int reads = readConnections(s, db, s.gun());
    int readsOfNew = readConnections(s, db, newGun);

    for (List<String> cmd :
        List.of(
            List.of("publish", s.gun()),
            List.of("key", "rotate", s.gun(), "targets"),
            List.of("key", "rotate", s.gun(), "snapshot", "-r"),
            List.of("key", "rotate", s.gun(), "root"),
            List.of("init", newGun))) {
      int allowed = cmd.getFirst().equals("init") ? readsOfNew : reads;
      try (CuttingProxy proxy = CuttingProxy.start(s.server().url(), allowed)) {
        Run r = s.owner().withServer(proxy.url()).run(cmd.toArray(String[]::new));
        assertThat(r.exit()).as("%s: %s", cmd, r.err()).isEqualTo(1);
        assertThat(r.err().strip().lines()).as("%s", cmd).hasSize(1);
        assertThat(r.err()).as("%s", cmd).contains("unreachable");
        assertThat(proxy.accepted()).as("%s reached the upload", cmd).isGreaterThan(allowed);
      }
      assertUnchanged(s, dirBefore, remoteBefore);
    }
    // The server is back: the staged change publishes as if nothing happened.
    s.owner().runOk("publish", s.gun());
    assertThat(s.owner().runOk("list", s.gun()).out()).contains("v1").contains("v2");
  }

  /** How many connections a verified read of {@code gun} opens (the cut goes right after). */
  private static int readConnections(Staged s, Db db, String gun) throws Exception {
    try (CuttingProxy counter = CuttingProxy.start(s.server().url(), Integer.MAX_VALUE)) {
      s.server()
          .bulwark(tmp.resolve(db + "-count-" + gun.substring(gun.lastIndexOf('/') + 1)))
          .withServer(counter.url())
          .run("list", gun);
      return counter.accepted();
    }
  }

  private static void assertUnchanged(
      Staged s, Map<String, String> dirBefore, Map<String, String> remoteBefore) throws Exception {
    assertThat(files(s.trustDir())).isEqualTo(dirBefore);
    assertThat(s.remote()).isEqualTo(remoteBefore);
    assertThat(s.owner().runOk("status", s.gun()).out()).contains("v2");
  }

  /** Every regular file under {@code dir} with the SHA-256 of its bytes. */
  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path onlyKeyFile(Path trustDir, String role) throws IOException {
    try (Stream<Path> keys = Files.list(trustDir.resolve("private"))) {
      List<Path> matching = new ArrayList<>();
      for (Path k : keys.toList()) {
        if (Files.readString(k, StandardCharsets.US_ASCII).contains("role: " + role + "\n")) {
          matching.add(k);
        }
      }
      assertThat(matching).as("%s key files in %s", role, trustDir).hasSize(1);
      return matching.getFirst();
    }
  }

  /** A loopback port nothing listens on (bound, then closed). */
  private static URI deadAddress() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("https://127.0.0.1:" + s.getLocalPort());
    }
  }

  /** {@code bulwark ARGS} in a child JVM with extra environment variables. */
  private static Run bulwarkProcess(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    cmd.add("dev.bulwark.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }
}
