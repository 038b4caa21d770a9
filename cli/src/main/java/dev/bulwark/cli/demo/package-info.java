/**
 * {@code bulwark demo}: the README's first command. Publishes a small signed repository on local
 * disk, verifies and downloads from it through the real client workflow, then tampers with it and
 * shows each tampering refused. Embedded defaults only: no server, no network.
 */
package dev.bulwark.cli.demo;
