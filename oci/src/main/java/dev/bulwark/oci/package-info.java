/**
 * OCI: image references, digests, manifests and indexes, the distribution v2 registry client and
 * the OCI-layout cache. Pulls by digest only.
 */
package dev.bulwark.oci;
