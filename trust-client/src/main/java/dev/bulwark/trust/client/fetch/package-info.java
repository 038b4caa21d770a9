/**
 * The {@code Fetcher} port: how the updater obtains bytes. Implementations enforce a maximum length
 * while the bytes stream in and report every transport failure as a {@link
 * dev.bulwark.trust.client.fetch.DownloadException}, never as a repository-data error.
 */
package dev.bulwark.trust.client.fetch;
