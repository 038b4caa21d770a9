package dev.bulwark.trust.client.keystore;

/** The passphrase given for an encrypted key does not decrypt it. */
public final class WrongPassphraseException extends KeystoreException {
  public WrongPassphraseException(String message) {
    super(message);
  }
}
