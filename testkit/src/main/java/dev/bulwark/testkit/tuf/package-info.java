/**
 * An in-memory TUF 1.0 repository for tests and benchmarks: {@link
 * dev.bulwark.testkit.tuf.RepositorySimulator} signs real metadata (trust-core {@code
 * Metadata.sign}), supports root and key rotation, consistent snapshots, delegations (including TAP
 * 15 hash bins), hashes/lengths in meta, expiry, and tampering with any served file. It serves
 * paths ({@code metadata/1.root.json}, {@code targets/a/HASH.b.txt}) and records every request;
 * {@link dev.bulwark.testkit.tuf.SimulatorHttpServer} puts it behind a loopback HTTP server.
 */
package dev.bulwark.testkit.tuf;
