/**
 * The keystore of a trust directory: private signing keys encrypted at rest (PKCS#8 {@code
 * EncryptedPrivateKeyInfo}, PBES2 with PBKDF2-HMAC-SHA1 and AES-256-CBC, as the notary client
 * reads) in the Notary layout {@code private/<canonical key id>.key}, passphrases from the
 * environment or a prompt, and Notary-compatible self-signed root certificates. Raw private key
 * material only leaves this package inside an {@link
 * dev.bulwark.trust.client.keystore.UnlockedKey}, whose {@code toString} never shows it. No network
 * I/O here.
 */
package dev.bulwark.trust.client.keystore;
