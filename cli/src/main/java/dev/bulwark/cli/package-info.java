/**
 * The {@code bulwark} command line: picocli commands wiring the libraries. The only module with a
 * main method.
 */
package dev.bulwark.cli;
