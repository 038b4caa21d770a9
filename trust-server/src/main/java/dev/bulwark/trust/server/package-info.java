/**
 * Bulwark's private trust server, wire-compatible with Notary v1: {@link
 * dev.bulwark.trust.server.TrustServer} assembles storage, keys, validation and the HTTP routes
 * from a {@link dev.bulwark.trust.server.config.ServerConfig} and runs them in process.
 */
package dev.bulwark.trust.server;
