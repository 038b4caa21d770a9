/**
 * Trust server: the Notary v1 HTTP API, update validation through trust-core, server-held
 * timestamp/snapshot keys, and the {@code MetaStore} (H2 or PostgreSQL).
 */
package dev.bulwark.trust.server;
