package dev.bulwark.trust.client.keystore;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Encodes private keys as PEM {@code ENCRYPTED PRIVATE KEY} (PKCS#8 {@code
 * EncryptedPrivateKeyInfo}, PBES2: PBKDF2-HMAC-SHA1, AES-256-CBC) with Notary's {@code
 * role:}/{@code gun:} headers, and decodes them — also unencrypted PEM keys for import. The PRF is
 * HMAC-SHA1 because the notary client reads no other (a file with hmacWithSHA256 is silently "not
 * found" by it), so both clients can share a trust dir; the iteration count makes up the strength.
 */
public final class KeyFileCodec {
  /** PBKDF2 iterations for new files; 2048 in Notary, far too few against offline guessing. */
  public static final int ITERATIONS = 100_000;

  private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";
  private final SecureRandom random;

  private final int iterations;

  public KeyFileCodec(SecureRandom random) {
    this(random, ITERATIONS);
  }

  /** With a different PBKDF2 iteration count (tests; at least 1,000). */
  public KeyFileCodec(SecureRandom random, int iterations) {
    if (iterations < 1000) {
      throw new IllegalArgumentException("PBKDF2 iterations must be >= 1000, was " + iterations);
    }
    this.random = random;
    this.iterations = iterations;
  }

  /** A parsed PEM key file: its type line, headers and DER body. */
  public record Pem(String type, Map<String, String> headers, byte[] der) {
    public Pem {
      headers = Map.copyOf(headers);
    }

    /** True if the body is a PKCS#8 {@code EncryptedPrivateKeyInfo}. */
    public boolean encrypted() {
      return ENCRYPTED.equals(type);
    }
  }

  /** Encrypts {@code key} and renders the PEM text with the given headers (in order). */
  public String encrypt(PrivateKey key, char[] passphrase, Map<String, String> headers)
      throws KeystoreException {
    try {
      OutputEncryptor enc =
          new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
              .setPRF(PKCS8Generator.PRF_HMACSHA1)
              .setIterationCount(iterations)
              .setRandom(random)
              .setPassword(passphrase)
              .setProvider(Bc.PROVIDER)
              .build();
      PemObject body = new JcaPKCS8Generator(key, enc).generate();
      List<PemHeader> pemHeaders = new ArrayList<>();
      headers.forEach((k, v) -> pemHeaders.add(new PemHeader(k, v)));
      StringWriter out = new StringWriter();
      try (PemWriter w = new PemWriter(out)) {
        w.writeObject(new PemObject(ENCRYPTED, pemHeaders, body.getContent()));
      }
      return out.toString();
    } catch (OperatorCreationException | IOException e) {
      throw new KeystoreException("cannot encrypt private key: " + e.getMessage(), e);
    }
  }

  /** Parses PEM text into type, headers and body; {@code where} names the source in errors. */
  public static Pem parse(String text, String where) throws KeystoreException {
    try (PemReader r = new PemReader(new StringReader(text))) {
      PemObject o = r.readPemObject();
      if (o == null) {
        throw new KeystoreException(where + ": expected a PEM private key block, found none");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (Object h : o.getHeaders()) {
        PemHeader ph = (PemHeader) h;
        headers.put(ph.getName(), ph.getValue());
      }
      return new Pem(o.getType(), headers, o.getContent());
    } catch (IOException | RuntimeException e) {
      throw new KeystoreException(where + ": corrupted PEM key file (" + e.getMessage() + ")", e);
    }
  }

  /** Decrypts an encrypted PEM body; a wrong passphrase gives {@link WrongPassphraseException}. */
  public static PrivateKey decrypt(Pem pem, char[] passphrase, String where)
      throws KeystoreException {
    PKCS8EncryptedPrivateKeyInfo info;
    try {
      info = new PKCS8EncryptedPrivateKeyInfo(pem.der());
    } catch (IOException | RuntimeException e) {
      throw new KeystoreException(where + ": corrupted encrypted key (bad PKCS#8 structure)", e);
    }
    PrivateKeyInfo pki;
    try {
      Optional<byte[]> plain = Pbes2Decryptor.decrypt(info.toASN1Structure(), passphrase);
      pki =
          plain.isPresent()
              ? PrivateKeyInfo.getInstance(plain.get())
              : info.decryptPrivateKeyInfo(
                  new JceOpenSSLPKCS8DecryptorProviderBuilder()
                      .setProvider(Bc.PROVIDER)
                      .build(passphrase));
    } catch (GeneralSecurityException
        | PKCSException
        | OperatorCreationException
        | RuntimeException e) {
      throw new WrongPassphraseException(where + ": wrong passphrase (or corrupted key file)");
    }
    try {
      return new JcaPEMKeyConverter().getPrivateKey(pki);
    } catch (IOException | RuntimeException e) {
      throw new WrongPassphraseException(where + ": wrong passphrase (or corrupted key file)");
    }
  }

  /**
   * The BouncyCastle JCA provider, used by instance (never registered globally) and set up only
   * when first needed: encrypting, or decrypting a scheme {@link Pbes2Decryptor} leaves to it.
   */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /** Reads an unencrypted PEM private key ({@code PRIVATE KEY}, {@code EC PRIVATE KEY}, ...). */
  public static PrivateKey readPlain(String text, String where) throws KeystoreException {
    try (PEMParser p = new PEMParser(new StringReader(text))) {
      Object o = p.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      return switch (o) {
        case PrivateKeyInfo pki -> conv.getPrivateKey(pki);
        case PEMKeyPair kp -> conv.getKeyPair(kp).getPrivate();
        case null -> throw new KeystoreException(where + ": no PEM private key found");
        default ->
            throw new KeystoreException(
                where + ": expected a private key, found " + o.getClass().getSimpleName());
      };
    } catch (IOException | RuntimeException e) {
      throw new KeystoreException(where + ": unreadable private key (" + e.getMessage() + ")", e);
    }
  }
}
