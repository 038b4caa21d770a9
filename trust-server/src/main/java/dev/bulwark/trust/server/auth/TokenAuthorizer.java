package dev.bulwark.trust.server.auth;

import dev.bulwark.trust.core.crypto.Pem;
import dev.bulwark.trust.server.config.AuthConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker registry token auth: {@code Authorization: Bearer <JWT>} signed (ES256, RS256, EdDSA) by a
 * certificate of the root bundle, or by the leaf of an {@code x5c} chain issued by one; {@code iss}
 * and {@code aud} must match the config, {@code exp}/{@code nbf} the clock (60 s leeway), and
 * {@code access} must grant the needed actions on {@code repository:<gun>} (or {@code
 * registry:catalog:*}).
 */
public final class TokenAuthorizer implements Authorizer {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long LEEWAY_SECONDS = 60;
  private final AuthConfig config;
  private final List<X509Certificate> roots;
  private final Clock clock;

  private TokenAuthorizer(AuthConfig config, List<X509Certificate> roots, Clock clock) {
    this.config = config;
    this.roots = List.copyOf(roots);
    this.clock = clock;
  }

  public static TokenAuthorizer create(AuthConfig config, Clock clock)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> roots = certs(Files.readString(config.rootCertBundle()));
    if (roots.isEmpty()) {
      throw new GeneralSecurityException("no CERTIFICATE in " + config.rootCertBundle());
    }
    return new TokenAuthorizer(config, roots, clock);
  }

  @Override
  public void authorize(String authorization, String gun, List<String> actions)
      throws AuthException {
    String type = gun == null ? "registry" : "repository";
    String name = gun == null ? "catalog" : gun;
    String scope = type + ":" + name + ":" + String.join(",", actions);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw refused("authentication required", scope, type, name, actions);
    }
    JsonNode claims;
    try {
      claims = verified(authorization.substring(7).trim());
    } catch (GeneralSecurityException | JacksonException | IllegalArgumentException e) {
      throw refused("invalid token: " + e.getMessage(), scope, type, name, actions);
    }
    if (!grants(claims, type, name, actions)) {
      throw refused("insufficient scope", scope, type, name, actions);
    }
  }

  private AuthException refused(
      String why, String scope, String type, String name, List<String> actions) {
    String challenge =
        "Bearer realm=\""
            + config.realm()
            + "\",service=\""
            + config.service()
            + "\",scope=\""
            + scope
            + "\"";
    return new AuthException(why, challenge, type, name, actions.getFirst());
  }

  private JsonNode verified(String token) throws GeneralSecurityException {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new GeneralSecurityException("expected header.payload.signature");
    }
    Base64.Decoder b64 = Base64.getUrlDecoder();
    JsonNode header = JSON.readTree(b64.decode(parts[0]));
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] sig = b64.decode(parts[2]);
    String alg = header.path("alg").asString("");
    boolean ok = false;
    for (PublicKey k : candidateKeys(header)) {
      ok |= verifies(alg, k, signingInput, sig);
    }
    if (!ok) {
      throw new GeneralSecurityException("signature not made by a trusted token signer");
    }
    JsonNode claims = JSON.readTree(b64.decode(parts[1]));
    checkClaims(claims);
    return claims;
  }

  private List<PublicKey> candidateKeys(JsonNode header) throws GeneralSecurityException {
    List<PublicKey> keys = new ArrayList<>();
    JsonNode x5c = header.path("x5c");
    if (x5c.isArray() && !x5c.isEmpty()) {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> chain = new ArrayList<>();
      for (JsonNode c : x5c) {
        chain.add(
            (X509Certificate)
                cf.generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(c.asString()))));
      }
      if (chainsToRoot(chain)) {
        keys.add(chain.getFirst().getPublicKey());
      }
      return keys;
    }
    roots.forEach(r -> keys.add(r.getPublicKey()));
    return keys;
  }

  private boolean chainsToRoot(List<X509Certificate> chain) {
    Instant now = clock.instant();
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate c = chain.get(i);
      try {
        c.checkValidity(java.util.Date.from(now));
        for (X509Certificate root : roots) {
          if (root.equals(c)) {
            return true;
          }
          if (root.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            c.verify(root.getPublicKey());
            return true;
          }
        }
        if (i + 1 < chain.size()) {
          c.verify(chain.get(i + 1).getPublicKey());
        }
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean verifies(String alg, PublicKey key, byte[] input, byte[] sig) {
    String jdk =
        switch (alg) {
          case "ES256" -> "SHA256withECDSAinP1363Format";
          case "ES384" -> "SHA384withECDSAinP1363Format";
          case "RS256" -> "SHA256withRSA";
          case "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (jdk == null) {
      return false;
    }
    try {
      Signature s = Signature.getInstance(jdk);
      s.initVerify(key);
      s.update(input);
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private void checkClaims(JsonNode claims) throws GeneralSecurityException {
    long now = clock.instant().getEpochSecond();
    if (!config.issuer().equals(claims.path("iss").asString(""))) {
      throw new GeneralSecurityException("issuer is not " + config.issuer());
    }
    JsonNode aud = claims.path("aud");
    boolean audOk = config.service().equals(aud.asString(""));
    if (aud.isArray()) {
      for (JsonNode a : aud) {
        audOk |= config.service().equals(a.asString(""));
      }
    }
    if (!audOk) {
      throw new GeneralSecurityException("audience is not " + config.service());
    }
    if (!claims.path("exp").isNumber() || claims.path("exp").asLong() + LEEWAY_SECONDS < now) {
      throw new GeneralSecurityException("token expired or has no exp");
    }
    if (claims.path("nbf").isNumber() && claims.path("nbf").asLong() - LEEWAY_SECONDS > now) {
      throw new GeneralSecurityException("token not yet valid");
    }
  }

  private static boolean grants(JsonNode claims, String type, String name, List<String> actions) {
    for (JsonNode a : claims.path("access")) {
      if (type.equals(a.path("type").asString("")) && name.equals(a.path("name").asString(""))) {
        List<String> granted = new ArrayList<>();
        a.path("actions").forEach(x -> granted.add(x.asString("")));
        if (granted.contains("*") || granted.containsAll(actions)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<X509Certificate> certs(String pem) throws GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<X509Certificate> out = new ArrayList<>();
    for (Pem.Block b : Pem.decodeAll(pem)) {
      if (b.label().equals("CERTIFICATE")) {
        out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
      }
    }
    return out;
  }
}
