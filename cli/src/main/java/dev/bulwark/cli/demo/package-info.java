/**
 * {@code bulwark demo}: the README's first command. Publishes a small signed repository on local
 * disk, verifies and downloads from it through the real client workflow, then tampers with it and
 * shows each tampering refused; then signs three small images in a TUF repository, builds tar and
 * kernel+initrd outputs from a LinuxKit file with a {@code trust:} block, and shows a tampered and
 * an unsigned image refused. Embedded defaults only: no server, no network.
 */
package dev.bulwark.cli.demo;
