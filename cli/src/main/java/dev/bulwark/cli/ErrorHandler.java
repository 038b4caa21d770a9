package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception escaping a command into one clear line on stderr and exit code 1. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cmd.getErr().println("bulwark: " + msg);
    if (System.getenv("BULWARK_DEBUG") != null) {
      ex.printStackTrace(cmd.getErr());
    }
    return ExitCodes.FAILURE;
  }
}
