/**
 * Starts the real Debian {@code docker-registry} (distribution v2) on a free loopback port for
 * integration tests. JDK only: no dependency on the oci or builder modules.
 */
package dev.bulwark.testkit.registry;
