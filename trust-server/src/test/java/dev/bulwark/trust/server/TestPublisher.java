package dev.bulwark.trust.server;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.crypto.Pem;
import dev.bulwark.trust.core.crypto.PublicKeys;
import dev.bulwark.trust.core.json.JsonObject;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Role;
import dev.bulwark.trust.core.model.Root;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.TargetFile;
import dev.bulwark.trust.core.model.Targets;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A minimal Notary publisher in Java (trust-core signing): creates a collection with a certificate
 * root key (CN = GUN, so the real notary client accepts it) and server-held snapshot and timestamp
 * keys, then publishes targets-only updates.
 */
final class TestPublisher {
  private static final Dialect D = Dialect.NOTARY;
  private final HttpClient http;
  private final URI base;
  private final String gun;
  private final SigningKey rootKey;
  private final SigningKey targetsKey;

  private TestPublisher(HttpClient http, URI base, String gun, SigningKey root, SigningKey tgt) {
    this.http = http;
    this.base = base;
    this.gun = gun;
    this.rootKey = root;
    this.targetsKey = tgt;
  }

  static HttpClient client(TlsMaterial tls) {
    return HttpClient.newBuilder()
        .sslContext(tls.clientContext())
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static TestPublisher create(HttpClient http, URI base, String gun, Path dir, TlsMaterial tls)
      throws Exception {
    Files.createDirectories(dir);
    Path cert =
        Certs.issue(dir, tls.caCert(), tls.caKey(), "root", gun, Certs.codeSigningExtensions());
    byte[] pkcs8 = Pem.decode(Files.readString(dir.resolve("root.key")), "PRIVATE KEY");
    PrivateKey priv = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    Key rootPub = Key.ofCertificates(D, PublicKeys.certificatesFromPem(Files.readString(cert)));
    return new TestPublisher(
        http,
        base,
        gun,
        SigningKey.of(D, priv, rootPub),
        SigningKey.generate(D, KeyAlgorithm.ECDSA_P256));
  }

  /** A publisher whose root key is a bare ECDSA key (no certificate, no openssl). */
  static TestPublisher createPlain(HttpClient http, URI base, String gun) {
    return new TestPublisher(
        http,
        base,
        gun,
        SigningKey.generate(D, KeyAlgorithm.ECDSA_P256),
        SigningKey.generate(D, KeyAlgorithm.ECDSA_P256));
  }

  SigningKey targetsKey() {
    return targetsKey;
  }

  SigningKey rootKey() {
    return rootKey;
  }

  /** Signed targets bytes of {@code version} with the given key (for attack tests). */
  byte[] targetsSignedBy(long version, SigningKey key) {
    Targets tg =
        new Targets(
            version,
            Instant.now().plus(Duration.ofDays(1000)),
            Optional.empty(),
            Map.of(),
            Optional.of(Delegations.EMPTY),
            JsonObject.EMPTY);
    return Metadata.sign(D, tg, List.of(key)).rawBytes();
  }

  URI url(String file) {
    return base.resolve("/v2/" + gun + "/_trust/tuf/" + file);
  }

  /** Root v1 + targets v1; snapshot and timestamp are the server's. */
  void init() throws Exception {
    HttpResponse<String> r = post(Map.of("root", rootV(1), "targets", targets(1, Map.of())));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("init failed: " + r.statusCode() + " " + r.body());
    }
  }

  /** A root of {@code version} signed only by this publisher's root key. */
  byte[] rootV(long version) throws Exception {
    Key ts = serverKey("timestamp");
    Key snap = serverKey("snapshot");
    Map<String, Key> keys = new LinkedHashMap<>();
    for (Key k : List.of(rootKey.key(), targetsKey.key(), ts, snap)) {
      keys.put(k.id(), k);
    }
    Map<String, Role> roles = new LinkedHashMap<>();
    roles.put("root", new Role(List.of(rootKey.keyId()), 1));
    roles.put("targets", new Role(List.of(targetsKey.keyId()), 1));
    roles.put("timestamp", new Role(List.of(ts.id()), 1));
    roles.put("snapshot", new Role(List.of(snap.id()), 1));
    Instant now = Instant.now();
    Root root =
        new Root(
            1,
            now.plus(Duration.ofDays(3650)),
            Optional.empty(),
            false,
            keys,
            roles,
            JsonObject.EMPTY);
    return Metadata.sign(D, root, List.of(rootKey)).rawBytes();
  }

  private Key serverKey(String role) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(url(role + ".key")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return Key.parse(D, JsonReader.parseObject(r.body()), role + ".key");
  }

  /** Reads the current targets, adds {@code name}, posts targets v+1. Returns the response. */
  HttpResponse<String> publish(String name) throws Exception {
    Metadata<Targets> cur = currentTargets();
    Map<String, TargetFile> t = new LinkedHashMap<>(cur.signed().targets());
    t.put(name, TargetFile.of(name.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    return post(Map.of("targets", targets(cur.signed().version() + 1, t)));
  }

  Metadata<Targets> currentTargets() throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(url("targets.json")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET targets.json: " + r.statusCode());
    }
    return Metadata.parseTargets(D, r.body());
  }

  private byte[] targets(long version, Map<String, TargetFile> t) {
    Targets tg =
        new Targets(
            version,
            Instant.now().plus(Duration.ofDays(1000)),
            Optional.empty(),
            t,
            Optional.of(Delegations.EMPTY),
            JsonObject.EMPTY);
    return Metadata.sign(D, tg, List.of(targetsKey)).rawBytes();
  }

  HttpResponse<String> post(Map<String, byte[]> files) throws Exception {
    String boundary = UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (var e : files.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\";"
                  + " filename=\""
                  + e.getKey()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(e.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(url(""))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }
}
