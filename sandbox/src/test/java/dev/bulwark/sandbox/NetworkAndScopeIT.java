package dev.bulwark.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TCP port rules (ABI 4) and IPC scopes (ABI 6) on real children. */
class NetworkAndScopeIT {
  private static final String BIND =
      "use IO::Socket::INET; IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $ARGV[0],"
          + " Listen => 1, ReuseAddr => 1) or die \"bind: $!\\n\"; print \"bound\\n\"";
  private static final String CONNECT =
      "use IO::Socket::INET; IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $ARGV[0])"
          + " or die \"connect: $!\\n\"; print \"connected\\n\"";
  private static final String ABSTRACT_SERVER =
      "use Socket; socket(my $s, AF_UNIX, SOCK_STREAM, 0) or die; bind($s,"
          + " pack_sockaddr_un(\"\\0\" . $ARGV[0])) or die \"bind: $!\\n\"; listen($s, 5);"
          + " $| = 1; print \"ready\\n\"; while (accept(my $c, $s)) { close $c }";
  private static final String ABSTRACT_CLIENT =
      "use Socket; socket(my $s, AF_UNIX, SOCK_STREAM, 0) or die; connect($s,"
          + " pack_sockaddr_un(\"\\0\" . $ARGV[0])) or die \"connect: $!\\n\"; print \"connected\\n\"";

  @BeforeAll
  static void kernel() {
    RealLandlock.requireExpectedAbi();
  }

  private static Policy.Builder base() {
    return Policy.builder(Abi.V7).systemRuntime().compat(CompatLevel.HARD_REQUIREMENT);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static RealLandlock.Result perl(Policy p, String code, String arg) throws Exception {
    ConfinedProcess proc = Sandbox.start(p, Command.of("/usr/bin/perl", "-e", code, arg));
    return RealLandlock.finish(proc);
  }

  @Test
  void bind_onlyOnAllowedPort() throws Exception {
    int allowed = freePort();
    int other = freePort();
    Policy p = base().bindTcp(allowed).build();
    assertThat(perl(p, BIND, "" + allowed).out()).isEqualTo("bound\n");
    var denied = perl(p, BIND, "" + other);
    assertThat(denied.exit()).isNotZero();
    assertThat(denied.err()).contains("bind: Permission denied");
  }

  @Test
  void connect_onlyToAllowedPort() throws Exception {
    try (ServerSocket a = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Policy p = base().connectTcp(a.getLocalPort()).build();
      assertThat(perl(p, CONNECT, "" + a.getLocalPort()).out()).isEqualTo("connected\n");
      var denied = perl(p, CONNECT, "" + b.getLocalPort());
      assertThat(denied.exit()).isNotZero();
      assertThat(denied.err()).contains("connect: Permission denied");
    }
  }

  @Test
  void signalScope_blocksSignalsToProcessesOutsideTheDomain() throws Exception {
    Process victim = new ProcessBuilder("/bin/sleep", "60").start();
    try {
      String script = "kill -TERM " + victim.pid();
      var scoped = RealLandlock.sh(base().scope(Scope.SIGNAL).build(), script);
      assertThat(scoped.exit()).isNotZero();
      assertThat(scoped.err()).contains("Operation not permitted");
      assertThat(victim.isAlive()).isTrue();
      var unscoped = RealLandlock.sh(base().build(), script);
      assertThat(unscoped.ok()).as("control without the scope: " + unscoped.err()).isTrue();
      assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      victim.destroyForcibly();
    }
  }

  @Test
  void signalScope_stillAllowsSignalsInsideTheDomain() throws Exception {
    var r = RealLandlock.sh(base().scope(Scope.SIGNAL).build(), "sleep 30 & kill $! && wait $!");
    assertThat(r.exit()).as(r.err()).isEqualTo(128 + 15);
  }

  @Test
  void abstractUnixScope_blocksSocketsCreatedOutside() throws Exception {
    String name = "bulwark-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Process server = new ProcessBuilder("/usr/bin/perl", "-e", ABSTRACT_SERVER, name).start();
    try {
      byte[] ready = server.getInputStream().readNBytes(6);
      assertThat(new String(ready, StandardCharsets.UTF_8)).isEqualTo("ready\n");
      var scoped = perl(base().scope(Scope.ABSTRACT_UNIX_SOCKET).build(), ABSTRACT_CLIENT, name);
      assertThat(scoped.exit()).isNotZero();
      assertThat(scoped.err()).contains("connect: Operation not permitted");
      var unscoped = perl(base().build(), ABSTRACT_CLIENT, name);
      assertThat(unscoped.out()).as(unscoped.err()).isEqualTo("connected\n");
    } finally {
      server.destroyForcibly();
    }
  }
}
