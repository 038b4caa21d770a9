/**
 * Metadata storage behind one interface, {@link dev.bulwark.trust.server.store.MetaStore}: every
 * version of every role, the changefeed and the encrypted server-held keys. JDBC implementation for
 * H2 (embedded default) and PostgreSQL (shared by many server processes); schema by Flyway. No HTTP
 * and no TUF semantics here beyond "a version may only grow".
 */
package dev.bulwark.trust.server.store;
