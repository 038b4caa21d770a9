package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.keystore.TrustDirKeyStore;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.notary.NotaryHttpFetcher;
import dev.bulwark.trust.client.notary.NotaryLayout;
import dev.bulwark.trust.client.notary.NotaryReader;
import dev.bulwark.trust.client.notary.NotaryRemote;
import dev.bulwark.trust.client.notary.NotaryTls;
import dev.bulwark.trust.client.notary.TrustPinning;
import dev.bulwark.trust.client.repo.NotaryWriter;
import dev.bulwark.trust.client.repo.RepoException;
import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.core.crypto.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * AOT training for {@code bulwark trust list/lookup}: reads and verifies the real Notary fixture
 * metadata bundled under {@code aot/} (collection {@code localhost:5000/linuxkit/busybox}, root v6
 * with a delegation) from memory with a fixed clock, renders table and JSON, and parses a {@code
 * trust list} command line; then the same over loopback HTTPS, once as {@code trust -c config.json
 * list} runs (settings from a config file, CA from a PEM file, metadata cached in a temporary trust
 * dir that is deleted afterwards). Nothing leaves the machine.
 */
public final class TrustAotTraining {
  private static final Gun GUN = new Gun("localhost:5000/linuxkit/busybox");
  private static final URI SERVER = URI.create("https://notary.invalid:4443");
  private static final List<String> ROLES =
      List.of("root", "timestamp", "snapshot", "targets", "targets/releases");

  /** Canonical ID of the bundled throw-away training key {@code aot/training-targets.key}. */
  private static final String TRAINING_KEY_ID =
      "2469c82d6dfa7418df6a4f9e3f1d741d32d9915035351dc9801424fb7a7abc06";

  /** A time at which the bundled fixture metadata is valid. */
  private static final Clock FIXTURE_CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

  private TrustAotTraining() {}

  public static void run() {
    try {
      Fetcher fetcher = fixtureFetcher();
      var cache = new InMemoryMetadataStore();
      NotaryReader reader =
          new NotaryReader(
              new NotaryRemote(new NotaryLayout(SERVER), fetcher),
              TrustPinning.tofu(),
              FIXTURE_CLOCK,
              gun -> cache);
      for (int i = 0; i < 2; i++) {
        NotaryCollection c = reader.read(GUN);
        TargetTable.render(c.list());
        TargetJson.list(c.list());
        c.lookup("1.36").ifPresent(TargetJson::one);
      }
      new NotaryHttpFetcher(NotaryTls.systemDefault(), Duration.ofSeconds(1));
    } catch (Exception e) {
      throw new IllegalStateException("trust AOT training failed: " + e.getMessage(), e);
    }
    overHttps();
  }

  // Best effort: a loopback TLS failure must not spoil the rest of the cache.
  private static void overHttps() {
    Map<String, byte[]> byPath = new HashMap<>();
    String dir = "/v2/" + GUN.name() + "/_trust/tuf/";
    for (String role : ROLES) {
      byte[] b = resource(role + ".json");
      byPath.put(dir + role + ".json", b);
      byPath.put(dir + role + "." + Digests.sha256Hex(b) + ".json", b);
    }
    try {
      TlsAotTraining.withLoopbackHttps(
          byPath::get,
          (base, cert, fetcher) -> {
            var cache = new InMemoryMetadataStore();
            new NotaryReader(
                    new NotaryRemote(new NotaryLayout(base), fetcher),
                    TrustPinning.tofu(),
                    FIXTURE_CLOCK,
                    gun -> cache)
                .read(GUN);
            asTheCliDoes(base, cert);
            unlockAndUpload(base, cert);
          });
    } catch (Exception e) {
      System.getLogger(TrustAotTraining.class.getName())
          .log(System.Logger.Level.DEBUG, "HTTPS part of the AOT training skipped", e);
    }
  }

  /**
   * The path of a real {@code trust -c config.json list}: the settings resolved from a notary
   * client config (server URL, CA file), TLS set up from that PEM file, and the trust dir's
   * metadata cache on disk, read cold and then warm. Uses a temporary directory it deletes.
   */
  private static void asTheCliDoes(URI base, X509Certificate cert) throws Exception {
    Path dir = Files.createTempDirectory("bulwark-aot-");
    try {
      Path ca = dir.resolve("ca.pem");
      Files.writeString(
          ca,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(cert.getEncoded())
              + "\n-----END CERTIFICATE-----\n");
      Path config = dir.resolve("config.json");
      Files.writeString(
          config,
          "{\"trust_dir\":\"trust\",\"remote_server\":{\"url\":\""
              + base
              + "\",\"root_ca\":\"ca.pem\"}}");
      TrustCommand trust = new TrustCommand();
      trust.config = config;
      TrustSettings s = trust.settings();
      // As TrustSettings.reader(), with the fixture's clock instead of the system clock.
      NotaryReader reader =
          new NotaryReader(
              new NotaryRemote(
                  new NotaryLayout(s.server()),
                  new NotaryHttpFetcher(s.tls(), Duration.ofSeconds(10))),
              s.pinning(),
              FIXTURE_CLOCK,
              s::cache);
      for (int i = 0; i < 2; i++) {
        TargetTable.render(reader.read(GUN).list());
      }
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * The key and upload half of {@code trust publish}: unlocks a bundled throw-away targets key
   * (PBKDF2 with only 1,000 iterations: it protects nothing) from a temporary trust dir, signs, and
   * posts a multipart update, which the training server refuses (so the refusal path is trained
   * too).
   */
  private static void unlockAndUpload(URI base, X509Certificate cert) throws Exception {
    Path dir = Files.createTempDirectory("bulwark-aot-");
    try {
      Path priv = Files.createDirectories(dir.resolve("private"));
      Files.write(priv.resolve(TRAINING_KEY_ID + ".key"), resource("training-targets.key"));
      TrustDirKeyStore store =
          new TrustDirKeyStore(dir, req -> "aot-training".toCharArray(), new SecureRandom());
      UnlockedKey key = store.unlock(TRAINING_KEY_ID);
      Signature sig = Signature.getInstance("SHA256withECDSAinP1363Format");
      sig.initSign(key.privateKey());
      sig.update(resource("targets.json"));
      sig.sign();
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      ts.setCertificateEntry("ca", cert);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ts);
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, tmf.getTrustManagers(), null);
      try {
        new NotaryWriter(base, client, Duration.ofSeconds(10), new SecureRandom())
            .update(GUN, Map.of("targets", resource("targets.json")));
      } catch (RepoException expected) {
        // The training server accepts no uploads.
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Fetcher fixtureFetcher() {
    Map<String, byte[]> files = new HashMap<>();
    for (String role : ROLES) {
      byte[] b = resource(role + ".json");
      files.put(role + ".json", b);
      files.put(role + "." + Digests.sha256Hex(b) + ".json", b);
    }
    String prefix = SERVER + "/v2/" + GUN.name() + "/_trust/tuf/";
    return (uri, max) -> {
      byte[] b = files.get(uri.toString().substring(prefix.length()));
      if (b == null) {
        throw new RemoteNotFoundException(uri, uri + " not found");
      }
      return b.clone();
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = TrustAotTraining.class.getResourceAsStream("aot/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource aot/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
