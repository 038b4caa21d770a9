/**
 * Where images come from: {@link dev.bulwark.oci.source.ImageSource} with a registry (through the
 * local cache), an OCI layout directory, or an OCI layout archive (imported with verification).
 */
package dev.bulwark.oci.source;
