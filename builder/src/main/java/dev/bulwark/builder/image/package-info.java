/**
 * Images as the builder sees them: expanded names, the content of a pinned image (config and
 * ordered layers) and the sources that provide it (registry, OCI layout).
 */
package dev.bulwark.builder.image;
