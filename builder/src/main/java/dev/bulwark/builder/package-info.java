/**
 * LinuxKit builder: YAML config, build plan, trust resolution of tags to digests, rootfs assembly
 * and output formats.
 */
package dev.bulwark.builder;
