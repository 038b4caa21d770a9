/**
 * Root filesystem assembly in LinuxKit's layout: kernel, init images, volumes, container bundles
 * ({@code config.json} from the YAML, the image label and the image config; {@code runtime.json}),
 * and {@code files}, written as one reproducible PAX tar.
 */
package dev.bulwark.builder.assemble;
