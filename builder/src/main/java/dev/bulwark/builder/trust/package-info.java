/**
 * Content trust for builds: which images the {@code trust:} block covers (the historical LinuxKit
 * rules, with their registry-port bug fixed), and resolvers that turn a tag into a digest through
 * signed trust data before anything is pulled.
 */
package dev.bulwark.builder.trust;
