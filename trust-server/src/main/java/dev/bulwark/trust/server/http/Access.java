package dev.bulwark.trust.server.http;

/** What a route needs from an authenticated caller (Notary's token-auth scopes). */
public enum Access {
  /** No authentication (health, metrics). */
  NONE,
  /** {@code repository:<gun>:pull}. */
  PULL,
  /** {@code repository:<gun>:push,pull}. */
  PUSH,
  /** {@code repository:<gun>:*} (key rotation, delete). */
  ADMIN,
  /** {@code registry:catalog:*} (ping with token auth, global changefeed). */
  CATALOG
}
