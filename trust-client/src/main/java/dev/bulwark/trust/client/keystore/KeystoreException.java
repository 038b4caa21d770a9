package dev.bulwark.trust.client.keystore;

/** A key could not be stored, found, decrypted or parsed; nothing in the trust dir changed. */
public class KeystoreException extends Exception {
  public KeystoreException(String message) {
    super(message);
  }

  public KeystoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
