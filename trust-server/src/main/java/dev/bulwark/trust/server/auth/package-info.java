/**
 * Who may call what: Docker registry token auth (JWT bearer tokens signed by a certificate that
 * chains to the configured root bundle; scopes {@code repository:<gun>:pull|push|*}) and the GUN
 * prefix allow-list. Client certificates are enforced by TLS itself.
 */
package dev.bulwark.trust.server.auth;
