/**
 * Image layers: opening blobs, validating every tar entry against hostile content (traversal,
 * absolute names, symlink and hard-link escapes, device nodes, oversized entries), applying
 * whiteouts, and flattening an image into one clean tar. {@link
 * dev.bulwark.builder.layer.ExtractMain} runs the flattening in a Landlock-confined child process.
 */
package dev.bulwark.builder.layer;
