/**
 * Raw Linux bindings for the sandbox: one variadic {@code syscall(2)} downcall, system call numbers
 * per architecture, and Landlock's UAPI constants and struct layouts. Nothing outside {@code
 * dev.bulwark.sandbox} may use this package.
 */
package dev.bulwark.sandbox.internal;
