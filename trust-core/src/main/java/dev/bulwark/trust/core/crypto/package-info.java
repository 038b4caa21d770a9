/**
 * JDK cryptography behind small, misuse-resistant helpers: the signature algorithms both dialects
 * use ({@link dev.bulwark.trust.core.crypto.SignatureAlgorithm}), key generation ({@link
 * dev.bulwark.trust.core.crypto.KeyAlgorithm}), public key and certificate encodings ({@link
 * dev.bulwark.trust.core.crypto.PublicKeys}, {@link dev.bulwark.trust.core.crypto.Pem}) and
 * digests. Knows nothing about metadata or dialects.
 */
package dev.bulwark.trust.core.crypto;
