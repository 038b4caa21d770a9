/**
 * The server configuration: immutable records with documented defaults, read from YAML by {@link
 * dev.bulwark.trust.server.config.ConfigLoader}. Unknown keys are errors (a typo must not silently
 * fall back to a default).
 */
package dev.bulwark.trust.server.config;
