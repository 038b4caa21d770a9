package dev.bulwark.builder;

/** Receives build progress; the CLI prints it on a terminal and stays quiet otherwise. */
public interface BuildProgress {
  BuildProgress QUIET = new BuildProgress() {};

  default void resolved(String image, String digest, String method) {}

  default void pulled(String image, int layers, long bytes) {}

  default void stage(String what) {}
}
