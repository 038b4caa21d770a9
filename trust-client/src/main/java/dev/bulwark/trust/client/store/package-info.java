/**
 * Local persistence of trusted metadata: one {@code <role>.json} file per role holding exactly the
 * bytes that were received and verified, written atomically (temp file, fsync, rename).
 */
package dev.bulwark.trust.client.store;
