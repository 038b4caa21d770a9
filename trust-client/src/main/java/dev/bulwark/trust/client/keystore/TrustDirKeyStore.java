package dev.bulwark.trust.client.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The private keys of a trust dir, in Notary's layout: {@code <trustDir>/private/<canonical key
 * id>.key} (files 0600, directory 0700), PEM with {@code role:} and (for targets/snapshot keys)
 * {@code gun:} headers. Reads Notary's legacy subdirectories too. Every write goes to a temporary
 * file first and is moved into place, so a failure leaves the directory as it was.
 */
public final class TrustDirKeyStore {
  private final Path privateDir;
  private final PassphraseSource passphrases;
  private final KeyFileCodec codec;
  private final SecureRandom random;
  private final Map<String, char[]> unlockedAliases = new HashMap<>();

  public TrustDirKeyStore(Path trustDir, PassphraseSource passphrases, SecureRandom random) {
    this(trustDir, passphrases, random, KeyFileCodec.ITERATIONS);
  }

  /** With a lower PBKDF2 iteration count for new key files: tests only. */
  public TrustDirKeyStore(
      Path trustDir, PassphraseSource passphrases, SecureRandom random, int kdfIterations) {
    this.privateDir = trustDir.resolve("private");
    this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
    this.random = Objects.requireNonNull(random, "random");
    this.codec = new KeyFileCodec(random, kdfIterations);
  }

  /** Every key file, sorted by role then ID; nothing is decrypted. */
  public List<StoredKey> list() throws KeystoreException {
    if (!Files.isDirectory(privateDir)) {
      return List.of();
    }
    List<StoredKey> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(privateDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".key")).toList()) {
        keys.add(describe(f));
      }
    } catch (IOException e) {
      throw new KeystoreException("cannot list " + privateDir + ": " + e.getMessage(), e);
    }
    keys.sort(Comparator.comparing(StoredKey::role).thenComparing(StoredKey::keyId));
    return keys;
  }

  /** Key files for a role; for targets/snapshot only those of {@code gun}. */
  public List<StoredKey> forRole(String role, String gun) throws KeystoreException {
    return list().stream()
        .filter(k -> k.role().equals(role))
        .filter(k -> k.gun().isEmpty() || k.gun().equals(gun))
        .toList();
  }

  /** True if a private key with this canonical ID is present. */
  public boolean contains(String keyId) throws KeystoreException {
    return list().stream().anyMatch(k -> k.keyId().equals(keyId));
  }

  /** Generates, encrypts and stores a new key; asks for a new passphrase. */
  public UnlockedKey generate(String role, String gun, KeyAlgorithm alg) throws KeystoreException {
    var pair = alg.generate(random);
    UnlockedKey key =
        new UnlockedKey(
            KeyIds.canonicalId(pair.getPublic()),
            role,
            gunFor(role, gun),
            pair.getPrivate(),
            pair.getPublic());
    store(key);
    return key;
  }

  /** Encrypts and stores an unlocked key (import, rotation); asks for a passphrase. */
  public void store(UnlockedKey key) throws KeystoreException {
    char[] pass = passphraseFor(new PassphraseRequest(key.role(), key.keyId(), true, 0));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("role", key.role());
    if (!key.gun().isEmpty()) {
      headers.put("gun", key.gun());
    }
    String pem = codec.encrypt(key.privateKey(), pass, headers);
    writeAtomically(fileFor(key.keyId()), pem);
  }

  /** Decrypts the key with this canonical ID (asking for its passphrase). */
  public UnlockedKey unlock(String keyId) throws KeystoreException {
    StoredKey stored =
        list().stream()
            .filter(k -> k.keyId().equals(keyId))
            .findFirst()
            .orElseThrow(
                () -> new KeyNotFoundException("no private key " + keyId + " in " + privateDir));
    return unlock(stored);
  }

  /** Decrypts a listed key file, retrying the passphrase source after a wrong answer. */
  public UnlockedKey unlock(StoredKey stored) throws KeystoreException {
    KeyFileCodec.Pem pem = KeyFileCodec.parse(read(stored.file()), stored.file().toString());
    PrivateKey priv = null;
    for (int attempt = 0; priv == null; attempt++) {
      PassphraseRequest req = new PassphraseRequest(stored.role(), stored.keyId(), false, attempt);
      char[] pass = passphraseForUnlock(req, stored);
      try {
        priv = KeyFileCodec.decrypt(pem, pass, stored.file().toString());
        unlockedAliases.put(req.alias(), pass.clone());
      } catch (WrongPassphraseException e) {
        unlockedAliases.remove(req.alias());
        if (attempt + 1 >= ConsolePassphrases.MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
    PublicKey pub = PublicKeys.derive(priv);
    if (!KeyIds.canonicalId(pub).equals(stored.keyId())) {
      throw new KeystoreException(
          stored.file()
              + ": key file name says "
              + stored.keyId()
              + " but the key inside has ID "
              + KeyIds.canonicalId(pub));
    }
    return new UnlockedKey(stored.keyId(), stored.role(), stored.gun(), priv, pub);
  }

  /**
   * Imports a PEM private key (encrypted: asks for its current passphrase under {@code role};
   * plain: accepted) and stores it re-encrypted under a new passphrase.
   */
  public UnlockedKey importPem(String pemText, String role, String gun) throws KeystoreException {
    KeyFileCodec.Pem pem = KeyFileCodec.parse(pemText, "imported key");
    String effectiveRole = role != null ? role : pem.headers().get("role");
    if (effectiveRole == null) {
      throw new KeystoreException("imported key has no 'role' header: pass --role");
    }
    String effectiveGun = gun != null ? gun : pem.headers().getOrDefault("gun", "");
    PrivateKey priv;
    if (pem.encrypted()) {
      char[] pass =
          passphrases.passphrase(new PassphraseRequest(effectiveRole, "import", false, 0));
      priv = KeyFileCodec.decrypt(pem, pass, "imported key");
    } else {
      priv = KeyFileCodec.readPlain(pemText, "imported key");
    }
    PublicKey pub = PublicKeys.derive(priv);
    UnlockedKey key =
        new UnlockedKey(
            KeyIds.canonicalId(pub), effectiveRole, gunFor(effectiveRole, effectiveGun), priv, pub);
    store(key);
    return key;
  }

  /** The stored (still encrypted) PEM text of a key, for backup or moving to another machine. */
  public String exportEncrypted(String keyId) throws KeystoreException {
    return read(fileFor(keyId));
  }

  /** Deletes a key file. */
  public void remove(String keyId) throws KeystoreException {
    StoredKey k =
        list().stream()
            .filter(s -> s.keyId().equals(keyId))
            .findFirst()
            .orElseThrow(
                () -> new KeyNotFoundException("no private key " + keyId + " in " + privateDir));
    try {
      Files.delete(k.file());
    } catch (IOException e) {
      throw new KeystoreException("cannot remove " + k.file() + ": " + e.getMessage(), e);
    }
  }

  private static String gunFor(String role, String gun) {
    return role.equals("targets") || role.equals("snapshot") ? gun : "";
  }

  private char[] passphraseForUnlock(PassphraseRequest req, StoredKey stored)
      throws KeystoreException {
    try {
      return passphraseFor(req);
    } catch (WrongPassphraseException e) {
      throw new WrongPassphraseException(
          stored.file() + ": " + e.getMessage() + " (or the key file is corrupted)");
    }
  }

  private char[] passphraseFor(PassphraseRequest req) throws KeystoreException {
    char[] cached = unlockedAliases.get(req.alias());
    if (cached != null && req.attempt() == 0) {
      return cached.clone();
    }
    return passphrases.passphrase(req);
  }

  private Path fileFor(String keyId) throws KeystoreException {
    if (!keyId.matches("[0-9a-f]{64}")) {
      throw new KeystoreException("not a key ID (64 lower-case hex digits): '" + keyId + "'");
    }
    return privateDir.resolve(keyId + ".key");
  }

  private StoredKey describe(Path f) throws KeystoreException {
    KeyFileCodec.Pem pem = KeyFileCodec.parse(read(f), f.toString());
    String name = f.getFileName().toString();
    String id = name.substring(0, name.length() - ".key".length());
    String role = pem.headers().getOrDefault("role", legacyRole(f));
    return new StoredKey(id, role, pem.headers().getOrDefault("gun", ""), f);
  }

  private String legacyRole(Path f) {
    return privateDir.relativize(f).toString().startsWith("root_keys") ? "root" : "unknown";
  }

  private static String read(Path f) throws KeystoreException {
    try {
      return Files.readString(f, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new KeyNotFoundException("no key file " + f);
    } catch (IOException e) {
      throw new KeystoreException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private void writeAtomically(Path target, String text) throws KeystoreException {
    try {
      ensurePrivateDir();
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      Path tmp =
          Files.createTempFile(
              privateDir,
              ".tmp-",
              ".key",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        moveInto(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeystoreException("a key file already exists: " + target);
    } catch (IOException e) {
      throw new KeystoreException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void moveInto(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target);
    }
  }

  private void ensurePrivateDir() throws IOException {
    if (!Files.isDirectory(privateDir)) {
      Files.createDirectories(
          privateDir,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  /** Forgets cached passphrases (wipes them). */
  public void forgetPassphrases() {
    unlockedAliases.values().forEach(p -> Arrays.fill(p, '\0'));
    unlockedAliases.clear();
  }
}
