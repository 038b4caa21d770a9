/**
 * {@code bulwark tuf-client}: the tuf-conformance client-under-test CLI (init, refresh, download)
 * over trust-client's {@code Updater}. Every failure, including a usage error, exits with 1.
 */
package dev.bulwark.cli.tuf;
