package dev.bulwark.testkit.notary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates throw-away ECDSA P-256 certificates with the real {@code openssl} binary: a CA, TLS
 * leaves for loopback servers, and code-signing certificates (CN = GUN) for Notary root keys issued
 * by a CA (to test CA trust pinning).
 */
public final class Certs {
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private Certs() {}

  /** A fresh CA plus a leaf for {@code localhost}/{@code 127.0.0.1}, written under {@code dir}. */
  public static TlsMaterial generate(Path dir) {
    Processes.requireExecutable(OPENSSL);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path caKey = newKey(dir, "ca.key");
    Path caCert = dir.resolve("ca.crt");
    Processes.runChecked(
        List.of(
            OPENSSL.toString(),
            "req",
            "-x509",
            "-new",
            "-key",
            caKey.toString(),
            "-subj",
            "/CN=Bulwark Test CA",
            "-days",
            "30",
            "-sha256",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            "-out",
            caCert.toString()),
        dir);
    Path leafCert =
        issue(
            dir,
            caCert,
            caKey,
            "leaf",
            "localhost",
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "extendedKeyUsage=serverAuth,clientAuth\n"
                + "keyUsage=critical,digitalSignature,keyEncipherment\n"
                + "basicConstraints=CA:FALSE\n");
    return new TlsMaterial(caCert, caKey, leafCert, dir.resolve("leaf.key"));
  }

  /**
   * Issues a certificate signed by {@code caCert}/{@code caKey}: the key goes to {@code
   * <dir>/<name>.key}, the certificate to {@code <dir>/<name>.crt}.
   *
   * @param extensions openssl {@code x509v3} extension lines (e.g. {@link
   *     #codeSigningExtensions()})
   */
  public static Path issue(
      Path dir, Path caCert, Path caKey, String name, String commonName, String extensions) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path key = newKey(dir, name + ".key");
    Path csr = dir.resolve(name + ".csr");
    Path ext = dir.resolve(name + ".ext");
    Path cert = dir.resolve(name + ".crt");
    try {
      Files.createDirectories(dir);
      Files.writeString(ext, extensions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Processes.runChecked(
        List.of(
            OPENSSL.toString(),
            "req",
            "-new",
            "-key",
            key.toString(),
            "-subj",
            // openssl -subj separates RDNs with '/': a GUN as CN needs its slashes escaped.
            "/CN=" + commonName.replace("\\", "\\\\").replace("/", "\\/"),
            "-out",
            csr.toString()),
        dir);
    List<String> sign =
        new ArrayList<>(
            List.of(
                OPENSSL.toString(),
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                caCert.toString(),
                "-CAkey",
                caKey.toString(),
                "-set_serial",
                Long.toString(System.nanoTime()),
                "-days",
                "365",
                "-sha256",
                "-extfile",
                ext.toString(),
                "-out",
                cert.toString()));
    Processes.runChecked(sign, dir);
    return cert;
  }

  /** Extensions of the root certificates Notary generates itself (EKU codeSigning only). */
  public static String codeSigningExtensions() {
    return "keyUsage=critical,digitalSignature,keyEncipherment\n"
        + "extendedKeyUsage=codeSigning\n"
        + "basicConstraints=critical,CA:FALSE\n";
  }

  /** Extensions of a plain leaf without EKU (what Notary 0.7's CA pinning accepts). */
  public static String noEkuExtensions() {
    return "keyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n";
  }

  private static Path newKey(Path dir, String fileName) {
    Path key = dir.resolve(fileName);
    Processes.runChecked(
        List.of(
            OPENSSL.toString(),
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            key.toString()),
        dir);
    return key;
  }
}
