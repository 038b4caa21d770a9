/**
 * Trust core: canonical JSON, the TUF/Notary metadata model, keys and signatures, verification and
 * the two dialects (TUF 1.0 and Notary v1). No I/O: no java.net, java.sql or file access lives
 * here.
 */
package dev.bulwark.trust.core;
