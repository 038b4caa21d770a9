package dev.bulwark.trust.client.repo;

import dev.bulwark.trust.core.error.UnsupportedKeyException;
import dev.bulwark.trust.core.json.JsonValue;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.TargetFile;
import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Builds the change files that {@code add}, {@code remove} and {@code delegation} stage. */
public final class Staging {
  private Staging() {}

  /** Stage a target (hashes in hex) for {@code role}. */
  public static Change addTarget(
      String role,
      String name,
      long length,
      Map<String, String> hexHashes,
      Optional<JsonValue> custom) {
    TargetFile t = TargetEntries.of(length, hexHashes, custom);
    return new Change("create", role, "target", name, TargetEntries.encode(t));
  }

  /** Stage removing a target from {@code role}. */
  public static Change removeTarget(String role, String name) {
    return new Change("delete", role, "target", name, new byte[0]);
  }

  /** Stage creating or changing a delegation. */
  public static Change delegation(String role, DelegationEdit edit) throws RepoException {
    Editor.parentOf(role);
    return new Change("update", "targets", "delegation", role, edit.encode());
  }

  /** Stage removing a whole delegation. */
  public static Change removeDelegation(String role) throws RepoException {
    Editor.parentOf(role);
    return new Change("delete", "targets", "delegation", role, new byte[0]);
  }

  /**
   * Parses a delegation key given as PEM: a {@code CERTIFICATE} (→ {@code ecdsa-x509}) or a {@code
   * PUBLIC KEY} (→ {@code ecdsa}/{@code ed25519}/{@code rsa}), as {@code notary delegation add}.
   */
  public static Key delegationKey(String pem, String where) throws RepoException {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      return switch (o) {
        case X509CertificateHolder h -> {
          X509Certificate c = new JcaX509CertificateConverter().getCertificate(h);
          yield Key.ofCertificates(Dialect.NOTARY, List.of(c));
        }
        case SubjectPublicKeyInfo spki -> {
          PublicKey k = new JcaPEMKeyConverter().getPublicKey(spki);
          yield Key.of(Dialect.NOTARY, k);
        }
        case null -> throw new RepoException(where + ": no PEM certificate or public key found");
        default ->
            throw new RepoException(
                where
                    + ": expected a CERTIFICATE or PUBLIC KEY, found "
                    + o.getClass().getSimpleName());
      };
    } catch (IOException
        | java.security.cert.CertificateException
        | UnsupportedKeyException
        | RuntimeException e) {
      throw new RepoException(where + ": unreadable key (" + e.getMessage() + ")", e);
    }
  }

  /**
   * PEM {@code PUBLIC KEY} text of a public key (what {@code key generate}/{@code export} print).
   */
  public static String publicPem(PublicKey key) {
    String b64 =
        java.util.Base64.getMimeEncoder(
                64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  /** Keys by their Notary key ID. */
  public static Map<String, Key> byId(List<Key> keys) {
    Map<String, Key> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k.id(), k));
    return out;
  }
}
