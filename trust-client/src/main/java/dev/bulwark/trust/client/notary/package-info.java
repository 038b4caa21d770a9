/**
 * Reading Notary v1 collections: the server's URL layout ({@link
 * dev.bulwark.trust.client.notary.NotaryLayout}), HTTPS with a private CA and optional client
 * certificate ({@link dev.bulwark.trust.client.notary.NotaryTls}), the notary-compatible trust dir
 * ({@link dev.bulwark.trust.client.notary.NotaryTrustDir}), the client config file, trust pinning
 * and Notary's root validation ({@link dev.bulwark.trust.client.notary.RootValidator}), and the
 * update flow that turns a GUN into verified targets ({@link
 * dev.bulwark.trust.client.notary.NotaryReader}). History: the changefeed ({@link
 * dev.bulwark.trust.client.notary.Changefeed}), when each role version was first published ({@link
 * dev.bulwark.trust.client.notary.PublishTimes}, the server's unsigned word), every stored version
 * of each targets role ({@link dev.bulwark.trust.client.notary.CollectionHistory}) and the choice
 * of targets to prune ({@link dev.bulwark.trust.client.notary.StaleTargets}). Signing and
 * publishing live elsewhere.
 */
package dev.bulwark.trust.client.notary;
