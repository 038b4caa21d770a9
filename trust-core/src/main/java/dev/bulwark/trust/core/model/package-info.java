/**
 * The metadata model shared by TUF 1.0 and Notary v1: {@link dev.bulwark.trust.core.model.Metadata}
 * (envelope, exact bytes, canonical signed bytes) around a {@link
 * dev.bulwark.trust.core.model.Signed} role ({@link dev.bulwark.trust.core.model.Root}, {@link
 * dev.bulwark.trust.core.model.Timestamp}, {@link dev.bulwark.trust.core.model.Snapshot}, {@link
 * dev.bulwark.trust.core.model.Targets}), keys and signatures with per-dialect rules ({@link
 * dev.bulwark.trust.core.model.Dialect}), threshold verification, delegations (paths, hash
 * prefixes, TAP 15 bins) and signing. Pure: no I/O, no clock (callers pass the reference time).
 */
package dev.bulwark.trust.core.model;
