package dev.bulwark.cli;

/** Documented exit codes of {@code bulwark}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Any failure: verification, transport, bad input. */
  public static final int FAILURE = 1;

  /** Command-line usage error (unknown flag, missing argument). */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
