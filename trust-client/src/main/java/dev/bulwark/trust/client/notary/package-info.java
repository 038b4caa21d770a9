/**
 * Reading Notary v1 collections: the server's URL layout ({@link
 * dev.bulwark.trust.client.notary.NotaryLayout}), HTTPS with a private CA and optional client
 * certificate ({@link dev.bulwark.trust.client.notary.NotaryTls}), the notary-compatible trust dir
 * ({@link dev.bulwark.trust.client.notary.NotaryTrustDir}), the client config file, trust pinning
 * and Notary's root validation ({@link dev.bulwark.trust.client.notary.RootValidator}), and the
 * update flow that turns a GUN into verified targets ({@link
 * dev.bulwark.trust.client.notary.NotaryReader}). Signing and publishing live elsewhere.
 */
package dev.bulwark.trust.client.notary;
