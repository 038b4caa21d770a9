/** Helpers private to the oci module: strict JSON reading and verified streaming copies. */
package dev.bulwark.oci.internal;
