/**
 * Output formats made from the rootfs tar without external tools: {@code tar}, {@code
 * kernel+initrd} (cpio newc in a deterministic gzip) and {@code tar-kernel-initrd}.
 */
package dev.bulwark.builder.output;
