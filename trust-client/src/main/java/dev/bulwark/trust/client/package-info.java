/**
 * Trust client: the TUF 5.x update workflow ({@code Updater}), the {@code Fetcher} port (HTTP,
 * file), the metadata cache, keystore, repository editing and publishing, trust pinning. Depends on
 * trust-core only.
 */
package dev.bulwark.trust.client;
