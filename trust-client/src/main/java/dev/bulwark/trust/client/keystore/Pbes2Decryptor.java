package dev.bulwark.trust.client.keystore;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBES2 decryption (RFC 8018 §6.2.2) of the key files Bulwark and Notary write: PBKDF2 with
 * HMAC-SHA256 or HMAC-SHA1 (passphrase as UTF-8, like BouncyCastle's JCA provider and Go) and
 * AES-CBC. It runs BouncyCastle's PBKDF2 generator directly and the JDK's AES, so unlocking a key
 * does not set up the whole BouncyCastle JCA provider (hundreds of classes); the salt, iteration
 * count and cipher are the file's own, exactly as with the provider. Any other scheme is left to
 * the provider ({@link Optional#empty()}).
 */
final class Pbes2Decryptor {
  private Pbes2Decryptor() {}

  /**
   * The decrypted PKCS#8 {@code PrivateKeyInfo} bytes, or empty if the scheme is not one of those
   * above. A wrong passphrase fails the CBC padding check ({@link GeneralSecurityException}) or
   * yields bytes that do not parse as a key (the caller checks).
   */
  static Optional<byte[]> decrypt(EncryptedPrivateKeyInfo info, char[] passphrase)
      throws GeneralSecurityException {
    AlgorithmIdentifier alg = info.getEncryptionAlgorithm();
    if (!PKCSObjectIdentifiers.id_PBES2.equals(alg.getAlgorithm())) {
      return Optional.empty();
    }
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(alg.getParameters());
    KeyDerivationFunc kdf = pbes2.getKeyDerivationFunc();
    if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
      return Optional.empty();
    }
    PBKDF2Params params = PBKDF2Params.getInstance(kdf.getParameters());
    Optional<Digest> prf = prf(params);
    EncryptionScheme scheme = pbes2.getEncryptionScheme();
    int keyBytes = aesKeyBytes(scheme.getAlgorithm());
    if (prf.isEmpty()
        || keyBytes == 0
        || (params.getKeyLength() != null && params.getKeyLength().intValueExact() != keyBytes)) {
      return Optional.empty();
    }
    byte[] iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
    byte[] password = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase);
    byte[] key = null;
    try {
      PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(prf.get());
      gen.init(password, params.getSalt(), params.getIterationCount().intValueExact());
      key = ((KeyParameter) gen.generateDerivedParameters(keyBytes * 8)).getKey();
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return Optional.of(aes.doFinal(info.getEncryptedData()));
    } finally {
      Arrays.fill(password, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private static Optional<Digest> prf(PBKDF2Params params) {
    if (params.isDefaultPrf()
        || PKCSObjectIdentifiers.id_hmacWithSHA1.equals(params.getPrf().getAlgorithm())) {
      return Optional.of(new SHA1Digest());
    }
    if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(params.getPrf().getAlgorithm())) {
      return Optional.of(new SHA256Digest());
    }
    return Optional.empty();
  }

  private static int aesKeyBytes(ASN1ObjectIdentifier cipher) {
    if (NISTObjectIdentifiers.id_aes128_CBC.equals(cipher)) {
      return 16;
    }
    if (NISTObjectIdentifiers.id_aes192_CBC.equals(cipher)) {
      return 24;
    }
    if (NISTObjectIdentifiers.id_aes256_CBC.equals(cipher)) {
      return 32;
    }
    return 0;
  }
}
