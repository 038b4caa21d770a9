/**
 * Test-only drivers for the real Notary v1 binaries installed on the machine: throw-away TLS
 * material ({@link dev.bulwark.testkit.notary.Certs}), a real {@code notary-server} + {@code
 * notary-signer} pair on loopback ({@link dev.bulwark.testkit.notary.NotaryServerProcess}) and the
 * real {@code notary} client ({@link dev.bulwark.testkit.notary.NotaryCli}). Nothing here is used
 * in production code.
 */
package dev.bulwark.testkit.notary;
