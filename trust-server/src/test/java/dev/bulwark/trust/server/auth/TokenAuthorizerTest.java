package dev.bulwark.trust.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.TlsMaterial;
import dev.bulwark.trust.core.crypto.Pem;
import dev.bulwark.trust.server.config.AuthConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker registry token auth: one test per way a request must be refused. */
class TokenAuthorizerTest {
  private static final String GUN = "docker.io/org/app";
  @TempDir static Path dir;
  private static TokenAuthorizer auth;
  private static PrivateKey signer;
  private final long now = Instant.now().getEpochSecond();

  @BeforeAll
  static void setUp() throws Exception {
    TlsMaterial tls = Certs.generate(dir);
    byte[] der = Pem.decode(Files.readString(tls.leafKey()), "PRIVATE KEY");
    signer = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    auth =
        TokenAuthorizer.create(
            new AuthConfig("https://auth/token", "notary", "issuer", tls.leafCert()),
            Clock.systemUTC());
  }

  private String token(PrivateKey key, String claims) throws Exception {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    String input =
        b.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initSign(key);
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return "Bearer " + input + "." + b.encodeToString(s.sign());
  }

  private String claims(String iss, long exp, String actions) {
    return "{\"iss\":\""
        + iss
        + "\",\"aud\":\"notary\",\"exp\":"
        + exp
        + ",\"access\":[{\"type\":\"repository\",\"name\":\""
        + GUN
        + "\",\"actions\":["
        + actions
        + "]}]}";
  }

  @Test
  void validPullToken_mayRead() throws Exception {
    String t = token(signer, claims("issuer", now + 300, "\"pull\""));
    assertThatCode(() -> auth.authorize(t, GUN, List.of("pull"))).doesNotThrowAnyException();
  }

  @Test
  void anonymousRequest_isRefusedWithTheRealmChallenge() {
    assertThatThrownBy(() -> auth.authorize(null, GUN, List.of("pull")))
        .isInstanceOf(AuthException.class)
        .satisfies(
            e ->
                assertThat(((AuthException) e).challenge())
                    .isEqualTo(
                        "Bearer realm=\"https://auth/token\",service=\"notary\","
                            + "scope=\"repository:"
                            + GUN
                            + ":pull\""));
  }

  @Test
  void pullToken_cannotPush() throws Exception {
    String t = token(signer, claims("issuer", now + 300, "\"pull\""));
    assertThatThrownBy(() -> auth.authorize(t, GUN, List.of("push", "pull")))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("scope");
  }

  @Test
  void tokenForAnotherRepository_isRefused() throws Exception {
    String t = token(signer, claims("issuer", now + 300, "\"pull\""));
    assertThatThrownBy(() -> auth.authorize(t, "docker.io/org/other", List.of("pull")))
        .isInstanceOf(AuthException.class);
  }

  @Test
  void expiredToken_isRefused() throws Exception {
    String t = token(signer, claims("issuer", now - 3600, "\"pull\""));
    assertThatThrownBy(() -> auth.authorize(t, GUN, List.of("pull")))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void tokenFromAnotherIssuer_isRefused() throws Exception {
    String t = token(signer, claims("evil", now + 300, "\"pull\""));
    assertThatThrownBy(() -> auth.authorize(t, GUN, List.of("pull")))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void tokenSignedByAnUntrustedKey_isRefused() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    String t = token(g.generateKeyPair().getPrivate(), claims("issuer", now + 300, "\"*\""));
    assertThatThrownBy(() -> auth.authorize(t, GUN, List.of("pull")))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("signature");
  }
}
