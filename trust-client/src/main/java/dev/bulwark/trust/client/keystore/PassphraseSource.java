package dev.bulwark.trust.client.keystore;

/** Supplies the passphrase that encrypts or decrypts one key. */
@FunctionalInterface
public interface PassphraseSource {
  /**
   * Returns the passphrase for the request; the caller wipes the array after use.
   *
   * @throws KeystoreException if no passphrase can be obtained (no terminal, retries exhausted)
   */
  char[] passphrase(PassphraseRequest request) throws KeystoreException;
}
