package dev.bulwark.cli;

/**
 * Work done during the AOT training run beyond help rendering. Modules add calls here that exercise
 * their hot start-up paths (parsing and verifying metadata, for example) without network or disk
 * side effects.
 */
final class AotTraining {
  private AotTraining() {}

  static void run() {
    // Filled in by the trust commands: parse + verify bundled sample metadata.
    dev.bulwark.cli.tuf.TufClientTraining.run();
    dev.bulwark.cli.trust.TrustAotTraining.run();
    dev.bulwark.cli.sandbox.SandboxCommand.aotTrain();
  }
}
