/**
 * What the server does with metadata: validates an update the way Notary does (root rotation signed
 * by old and new root keys, targets and delegations against their parents' keys and thresholds,
 * snapshot hashes), generates snapshot and timestamp with server-held keys, re-signs expired ones
 * lazily on read, and caches current metadata in memory.
 */
package dev.bulwark.trust.server.update;
