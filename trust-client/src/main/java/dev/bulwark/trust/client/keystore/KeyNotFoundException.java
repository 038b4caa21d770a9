package dev.bulwark.trust.client.keystore;

/** No private key with the wanted ID or role is in the trust dir. */
public final class KeyNotFoundException extends KeystoreException {
  public KeyNotFoundException(String message) {
    super(message);
  }
}
