package dev.bulwark.sandbox;

import java.nio.file.Path;

/** A path rule that could not be added, and why (e.g. {@code ENOENT}). */
public record SkippedPath(Path path, String reason) {}
