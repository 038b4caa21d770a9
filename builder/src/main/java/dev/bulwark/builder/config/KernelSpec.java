package dev.bulwark.builder.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code kernel} section: the image holding the kernel, the command line, the kernel's file
 * name in the image, the optional modules tar ({@code none} or empty disables it) and microcode.
 */
public record KernelSpec(
    String image,
    String cmdline,
    String binary,
    Optional<String> tar,
    Optional<String> ucode,
    Where where) {
  public KernelSpec {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(cmdline, "cmdline");
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(tar, "tar");
    Objects.requireNonNull(ucode, "ucode");
    Objects.requireNonNull(where, "where");
  }
}
