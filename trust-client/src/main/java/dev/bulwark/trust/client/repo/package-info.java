/**
 * Editing and publishing Notary v1 collections: the on-disk changelist of staged changes ({@link
 * dev.bulwark.trust.client.repo.Changelist}), the working copy that applies them and signs every
 * changed role ({@link dev.bulwark.trust.client.repo.Editor}), multi-party signing bundles for
 * thresholds above 1 ({@link dev.bulwark.trust.client.repo.SigningBundle}), the server's write API
 * (multipart update, server-held keys, delete: {@link dev.bulwark.trust.client.repo.NotaryWriter})
 * and the workflows that tie them together ({@link dev.bulwark.trust.client.repo.Publisher}).
 * Reading and verifying is {@code notary}'s job; this package never trusts anything it did not
 * verify through it.
 */
package dev.bulwark.trust.client.repo;
