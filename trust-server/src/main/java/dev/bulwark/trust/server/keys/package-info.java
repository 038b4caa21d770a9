/**
 * Server-held timestamp and snapshot keys: generated on demand, rotated on request, stored with the
 * private part AES-256-GCM encrypted under a secret from the config or the environment. Private key
 * material never appears in logs, exceptions or {@code toString}.
 */
package dev.bulwark.trust.server.keys;
