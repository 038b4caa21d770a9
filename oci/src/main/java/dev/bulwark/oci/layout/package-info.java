/**
 * OCI image layouts on disk: the content-addressed cache ({@link dev.bulwark.oci.layout.OciLayout},
 * verified on read, safe for concurrent writers), archives of layouts, and a deterministic writer
 * for creating images without Docker ({@link dev.bulwark.oci.layout.OciImageWriter}).
 */
package dev.bulwark.oci.layout;
