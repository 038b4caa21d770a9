/**
 * {@code bulwark sandbox}: flags and landlockconfig policy files (JSON, TOML subset, YAML) turned
 * into a {@code dev.bulwark.sandbox.Policy}, then restrict-and-execve.
 */
package dev.bulwark.cli.sandbox;
