package dev.bulwark.oci.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A minimal token service for docker-registry's {@code auth: token:} mode: issues RS256 JWTs with
 * an {@code x5c} header whose self-signed certificate is the registry's {@code rootcertbundle},
 * granting exactly the requested scope to {@code alice:secret} (Basic) and refusing others.
 */
final class TokenIssuer implements AutoCloseable {
  static final String SERVICE = "bulwark-test-registry";
  static final String ISSUER = "bulwark-test-issuer";
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final KeyPair keys;
  private final X509Certificate cert;

  TokenIssuer() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(2048);
    keys = kpg.generateKeyPair();
    X500Name name = new X500Name("CN=bulwark test token issuer");
    Instant now = Instant.now();
    cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minusSeconds(3600)),
                        Date.from(now.plusSeconds(86400)),
                        name,
                        keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The {@code auth:} section for the registry's config.yml. */
  String registryConfig(Path dir) throws Exception {
    Path bundle = dir.resolve("token-ca.pem");
    Files.writeString(
        bundle,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    return """
        auth:
          token:
            realm: %s
            service: %s
            issuer: %s
            rootcertbundle: %s
        """
        .formatted(realm(), SERVICE, ISSUER, bundle);
  }

  private void handle(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    authorizations.add(String.valueOf(auth));
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(auth)) {
      reply(ex, 401, "{\"details\":\"bad credentials\"}");
      return;
    }
    String scope = "";
    for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
      if (kv.startsWith("scope=")) {
        scope = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
      }
    }
    try {
      reply(ex, 200, "{\"token\":\"" + jwt(scope) + "\"}");
    } catch (Exception e) {
      reply(ex, 500, "{}");
    }
  }

  private String jwt(String scope) throws Exception {
    String[] parts = scope.split(":");
    String actions = "[\"" + String.join("\",\"", parts[2].split(",")) + "\"]";
    long now = Instant.now().getEpochSecond();
    String header =
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[\""
            + Base64.getEncoder().encodeToString(cert.getEncoded())
            + "\"]}";
    String claims =
        "{\"iss\":\""
            + ISSUER
            + "\",\"sub\":\"alice\",\"aud\":\""
            + SERVICE
            + "\",\"exp\":"
            + (now + 300)
            + ",\"nbf\":"
            + (now - 60)
            + ",\"iat\":"
            + (now - 60)
            + ",\"jti\":\""
            + UUID.randomUUID()
            + "\",\"access\":[{\"type\":\"repository\",\"name\":\""
            + parts[1]
            + "\",\"actions\":"
            + actions
            + "}]}";
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        url.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature sig = Signature.getInstance("SHA256withRSA");
    sig.initSign(keys.getPrivate());
    sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(sig.sign());
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
