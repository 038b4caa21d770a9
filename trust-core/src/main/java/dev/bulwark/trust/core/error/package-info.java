/**
 * The checked exception family of trust-core. {@link dev.bulwark.trust.core.error.TrustException}
 * is the root; every subclass names a specific way metadata can be bad (malformed, badly signed,
 * expired, rolled back, hash mismatch). Messages say what was expected, what was found and where.
 */
package dev.bulwark.trust.core.error;
