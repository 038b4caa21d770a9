/**
 * The LinuxKit YAML build file: a schema checked over the YAML node tree (so every error names
 * file:line:column), and the typed model the rest of the builder reads. No I/O beyond reading the
 * file.
 */
package dev.bulwark.builder.config;
